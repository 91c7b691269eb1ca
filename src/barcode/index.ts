/**
 * barcode: the QR row codec (ours and the e-gov BarcodeElement reader), the verification link and
 * its token, Code 128 of the document number, and QR decoding from photos. Imports only domain/.
 */
export { encodeQrRow, encodePrintedQrRow, PRINTED_ROW_MAX_PARTS, MAX_QR_PARTS, MAX_QR_VERSION, QR_ROW_PREFIX, DOCUMENT_NUMBER_PATTERN, type QrRow, type QrRowOptions } from './qr-row.js';
export { decodeQrRow, type DecodedQrRow, type DecodeQrRowOptions, type QrRowFormat } from './decode-row.js';
export { qrCode, DEFAULT_MODULE_MM, QR_QUIET_ZONE, type ErrorCorrection, type QrOptions } from './qr-symbol.js';
export type { PrintedBarcode } from './printed-barcode.js';
export { verificationUrl } from './tokens.js';
export { code128, type Code128Options } from './code128.js';
export { decodeQrCodesInImage, type DecodeImageOptions } from './image.js';
export {
  QrRowNotFoundError,
  QrPayloadMalformedError,
  QrPartMissingError,
  QrPartDuplicatedError,
  QrPartForeignError,
  QrInflateLimitError,
  QrRowTooLargeError,
  QrImageUnreadableError,
} from './errors.js';
