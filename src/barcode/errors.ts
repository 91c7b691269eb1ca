/**
 * The barcode room's typed errors. Texts: locales/{kk,ru}/errors.json. Every decoding failure has
 * its own code, so a verification report can say exactly what was wrong with the printed row.
 */
import { defineError } from '../domain/index.js';

/** QrRowNotFoundError: none of the scanned codes is a part of a QR row (ours or e-gov's). */
export const QrRowNotFoundError = defineError<{ scanned: number }>('QR_ROW_NOT_FOUND', 'invalid');
/** QrPayloadMalformedError: a code claims to be a row part but does not follow the format. */
export const QrPayloadMalformedError = defineError<{ reason: string }>('QR_PAYLOAD_MALFORMED', 'invalid');
/** QrPartMissingError: some parts of the row were not scanned. */
export const QrPartMissingError = defineError<{ missing: string; count: number }>('QR_PART_MISSING', 'invalid');
/** QrPartDuplicatedError: the same part number was scanned twice with different contents. */
export const QrPartDuplicatedError = defineError<{ part: number }>('QR_PART_DUPLICATED', 'invalid');
/** QrPartForeignError: a part belongs to another document (number, part count, digest or format differ). */
export const QrPartForeignError = defineError<{ part: number; field: string }>('QR_PART_FOREIGN', 'invalid');
/** QrInflateLimitError: the compressed row would inflate past the configured limit (a deflate bomb). */
export const QrInflateLimitError = defineError<{ limit: number }>('QR_INFLATE_LIMIT', 'invalid');
/** QrRowTooLargeError: the signed XML needs more QR codes than the row format allows. */
export const QrRowTooLargeError = defineError<{ parts: number; max: number }>('QR_ROW_TOO_LARGE', 'invalid');
/** QrImageUnreadableError: the uploaded picture is not a PNG or JPEG we can decode, or it is too large. */
export const QrImageUnreadableError = defineError<{ reason: string }>('QR_IMAGE_UNREADABLE', 'invalid');
