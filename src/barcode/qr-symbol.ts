/**
 * QR symbols as printed barcodes. The size is set in millimetres per module rather than per symbol,
 * so every code of a row scans equally well whatever its version.
 *
 * Print size: a camera needs about 3 px per module; a phone held 15–20 cm from the page resolves
 * that at ≥ 0.3 mm per module. SIGEX's DDC prints its v25 codes 42 mm wide and znkaz/egov warns
 * that small egov codes fail to scan (reference §1.5, §7). We print 0.35 mm: a v25 symbol (117
 * modules) is 41 mm, 43.75 mm with its 4-module quiet zones, so four fit side by side in the
 * 176 mm text width of our A4 layout with no gap (the quiet zones are the gap). It is also the
 * smallest size that zbarimg read without a miss from a 150-dpi raster (≈2.1 px per module) in
 * our trials: 0.30–0.34 mm and, oddly, 0.38 mm each lost a code now and then.
 */
import QRCode, { type QRCodeSegment } from 'qrcode';
import { printedBarcode, type PrintedBarcode } from './printed-barcode.js';

/** ErrorCorrection is the QR error-correction level: L 7 %, M 15 %, Q 25 %, H 30 % of codewords. */
export type ErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/** QR_QUIET_ZONE is the margin in modules that ISO/IEC 18004 requires around a symbol. */
export const QR_QUIET_ZONE = 4;
/** DEFAULT_MODULE_MM is the printed width of one module (see the header comment). */
export const DEFAULT_MODULE_MM = 0.35;

/** QrSymbol is one encoded QR code: its version and its dark modules. */
export interface QrSymbol {
  readonly version: number;
  readonly size: number;
  readonly isDark: (x: number, y: number) => boolean;
}

/**
 * createQrSymbol encodes `text` in the given version, or in the smallest one that fits. Explicit
 * segments skip qrcode's segment optimiser, which costs 8× the encoding itself on a 1.4 KB text.
 */
export function createQrSymbol(text: string | QRCodeSegment[], errorCorrection: ErrorCorrection, version?: number): QrSymbol {
  const qr = QRCode.create(text, version === undefined ? { errorCorrectionLevel: errorCorrection } : { errorCorrectionLevel: errorCorrection, version });
  const { size, data } = qr.modules;
  return { version: qr.version, size, isDark: (x, y) => data[y * size + x] === 1 };
}

/** qrBarcode lays a symbol out in its quiet zone, `moduleMm` wide per module. */
export function qrBarcode(symbol: QrSymbol, moduleMm: number): PrintedBarcode {
  const side = symbol.size + 2 * QR_QUIET_ZONE;
  const dark = new Uint8Array(side * side);
  for (let y = 0; y < symbol.size; y++) {
    for (let x = 0; x < symbol.size; x++) {
      if (symbol.isDark(x, y)) dark[(y + QR_QUIET_ZONE) * side + x + QR_QUIET_ZONE] = 1;
    }
  }
  return printedBarcode(side, side, dark, side * moduleMm, side * moduleMm);
}

/** QrOptions for a single code such as the verification link. */
export interface QrOptions {
  readonly errorCorrection?: ErrorCorrection;
  readonly moduleMm?: number;
}

/**
 * qrCode lays out one QR code, e.g. the verification link. Default ECL Q: a short URL stays a
 * small symbol (v4–v6) and survives a quarter of it being damaged; at 0.5 mm per module it is ≥ 20 mm wide.
 */
export function qrCode(text: string, options: QrOptions = {}): PrintedBarcode {
  const { errorCorrection = 'Q', moduleMm = 0.5 } = options;
  return qrBarcode(createQrSymbol(text, errorCorrection), moduleMm);
}
