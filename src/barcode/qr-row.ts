/**
 * The Qujat QR row: the signed XML, raw-DEFLATEd, cut into parts that each fit one QR code.
 *
 * Part format (version 1), entirely in the QR alphanumeric character set when the number is:
 *
 *     QJ1:<number>:<i>/<n>:<base45 data>:<digest>
 *
 * - `number`: the document number, [0-9A-Za-z._/-]{1,40} (upper case and digits keep alphanumeric mode);
 * - `i/n`: part number and part count, decimal without leading zeros, 1 ≤ i ≤ n ≤ 99;
 * - `data`: Base45 (RFC 9285) of this part's slice of the raw DEFLATE stream (RFC 1951, no zlib
 *   header: the digest below already guards integrity, so Adler-32 would be 6 wasted bytes per row);
 * - `digest`: the first 6 bytes of SHA-256 over the whole DEFLATE stream, 12 upper-case hex digits.
 *   It ties the parts of one issue together (two versions of one number never mix) and is checked
 *   before anything is inflated. It sits at the end so that a reader trimming trailing blanks
 *   cannot eat a Base45 space.
 *
 * Base45 in alphanumeric mode costs 8.25 bits per byte where Base64 in byte mode costs 10.7, so a
 * v25 code carries ~940 compressed bytes at ECL M (1200 at L, 660 at Q), where the e-gov wrapper
 * (XML around Base64) carries 650 at L. The parts are balanced (equal slices) and drawn in one
 * common version, the smallest that fits the largest part.
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { base45Encode } from './base45.js';
import { QrRowTooLargeError } from './errors.js';
import type { QRCodeSegment } from 'qrcode';
import type { PrintedBarcode } from './printed-barcode.js';
import { createQrSymbol, DEFAULT_MODULE_MM, qrBarcode, type ErrorCorrection } from './qr-symbol.js';

/** QR_ROW_PREFIX starts every part of a version-1 row. */
export const QR_ROW_PREFIX = 'QJ1:';
/** MAX_QR_PARTS bounds a row (two decimal digits in the part header). */
export const MAX_QR_PARTS = 99;
/** MAX_QR_VERSION is the largest symbol we print: beyond v25 phone cameras start to fail. */
export const MAX_QR_VERSION = 25;
/** DOCUMENT_NUMBER_PATTERN is what a row can carry as a document number. */
export const DOCUMENT_NUMBER_PATTERN = /^[0-9A-Za-z._/-]{1,40}$/;

/** QrRowOptions: the document number and the symbol limits. */
export interface QrRowOptions {
  readonly number: string;
  /** Largest QR version of any part, ≤ 25 (default 25). */
  readonly maxVersion?: number;
  /** Error-correction level (default M: survives a crease or a stain of 15 % of the symbol). */
  readonly errorCorrection?: ErrorCorrection;
  /** Printed width of one module in mm (default 0.35, see qr-symbol.ts). */
  readonly moduleMm?: number;
}

/** QrRow is what the layout draws: the text of every part and its code, in part order. */
export interface QrRow {
  readonly parts: string[];
  readonly codes: PrintedBarcode[];
  /** The common QR version of all parts. */
  readonly version: number;
}

/** rowDigest is the 12-hex-digit digest of a DEFLATE stream (see the format above). */
export function rowDigest(deflated: Uint8Array): string {
  return createHash('sha256').update(deflated).digest('hex').slice(0, 12).toUpperCase();
}

const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/**
 * partSegments: the whole part in one alphanumeric segment, or, when the number has characters
 * outside that set, the header in byte mode and the data in alphanumeric mode. Fixed segments
 * make the capacity computed below exact for every part.
 */
function partSegments(header: string, rest: string): QRCodeSegment[] {
  return ALPHANUMERIC.test(header)
    ? [{ mode: 'alphanumeric', data: header + rest }]
    : [{ mode: 'byte', data: Buffer.from(header, 'utf8') }, { mode: 'alphanumeric', data: rest }];
}

const capacityCache = new Map<string, number>();

/** base45Capacity: the most data characters a part with this header can hold in `version`. */
function base45Capacity(number: string, version: number, errorCorrection: ErrorCorrection): number {
  const key = `${number.length}:${ALPHANUMERIC.test(number)}:${version}:${errorCorrection}`;
  const cached = capacityCache.get(key);
  if (cached !== undefined) return cached;
  // Worst-case header (two-digit part numbers); 'A' costs as much as any Base45 character.
  const fits = (chars: number): boolean => {
    try {
      createQrSymbol(partSegments(`${QR_ROW_PREFIX}${number}:99/99:`, `${'A'.repeat(chars)}:000000000000`), errorCorrection, version);
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = 8000;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  capacityCache.set(key, low);
  return low;
}

/** encodeQrRow builds the row for a signed XML document. */
export function encodeQrRow(signedXml: Uint8Array | string, options: QrRowOptions): QrRow {
  const { number, maxVersion = MAX_QR_VERSION, errorCorrection = 'M', moduleMm = DEFAULT_MODULE_MM } = options;
  if (!DOCUMENT_NUMBER_PATTERN.test(number)) throw new TypeError(`document number ${JSON.stringify(number)} cannot be carried in a QR row`);
  if (!Number.isInteger(maxVersion) || maxVersion < 5 || maxVersion > MAX_QR_VERSION) {
    throw new TypeError(`maxVersion must be an integer from 5 to ${MAX_QR_VERSION}`);
  }
  if (!(moduleMm >= 0.25)) throw new TypeError('moduleMm must be at least 0.25 mm');
  const xml = typeof signedXml === 'string' ? Buffer.from(signedXml, 'utf8') : signedXml;
  const deflated = zlib.deflateRawSync(xml, { level: 9 });
  const digest = rowDigest(deflated);
  const bytesPerPart = Math.floor(base45Capacity(number, maxVersion, errorCorrection) / 3) * 2;
  const count = Math.max(1, Math.ceil(deflated.length / bytesPerPart));
  if (count > MAX_QR_PARTS) throw new QrRowTooLargeError({ parts: count, max: MAX_QR_PARTS });
  const slice = Math.ceil(deflated.length / count);
  const pieces = Array.from({ length: count }, (_, i) => ({
    header: `${QR_ROW_PREFIX}${number}:${i + 1}/${count}:`,
    rest: `${base45Encode(deflated.subarray(i * slice, (i + 1) * slice))}:${digest}`,
  }));
  const parts = pieces.map(({ header, rest }) => header + rest);
  const segments = pieces.map(({ header, rest }) => partSegments(header, rest));
  // One common version: the smallest that fits the longest part; a later part whose header has
  // more digits can need one more, hence the retry.
  const longest = parts.reduce((best, part, i) => (part.length > parts[best]!.length ? i : best), 0);
  for (let version = createQrSymbol(segments[longest]!, errorCorrection).version; ; version++) {
    try {
      const codes = segments.map((part) => qrBarcode(createQrSymbol(part, errorCorrection, version), moduleMm));
      return { parts, codes, version };
    } catch (error) {
      if (version >= maxVersion) throw error;
    }
  }
}

/** PRINTED_ROW_MAX_PARTS: four v25 codes at 0.35 mm (4 × 43.75 mm) fill the 176 mm text width of A4. */
export const PRINTED_ROW_MAX_PARTS = 4;

/**
 * encodePrintedQrRow encodes a row that fits one line of an A4 page: error correction M when four
 * codes hold the XML, L when only that fits, otherwise QR_ROW_TOO_LARGE (the document's data is
 * too large to print as a row; nothing is issued).
 */
export function encodePrintedQrRow(signedXml: Uint8Array | string, number: string): QrRow {
  const medium = encodeQrRow(signedXml, { number, errorCorrection: 'M' });
  if (medium.parts.length <= PRINTED_ROW_MAX_PARTS) return medium;
  const low = encodeQrRow(signedXml, { number, errorCorrection: 'L' });
  if (low.parts.length <= PRINTED_ROW_MAX_PARTS) return low;
  throw new QrRowTooLargeError({ parts: low.parts.length, max: PRINTED_ROW_MAX_PARTS });
}
