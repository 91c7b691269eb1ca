/**
 * QR symbols as print-ready SVG. The size is set in millimetres per module rather than per symbol,
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

/**
 * qrSymbolSvg draws one filled path of horizontal runs: filled shapes rasterise without the
 * hairline seams that stroked lines leave between rows in some PDF renderers.
 */
export function qrSymbolSvg(symbol: QrSymbol, moduleMm: number, title: string): string {
  const total = symbol.size + 2 * QR_QUIET_ZONE;
  let d = '';
  for (let y = 0; y < symbol.size; y++) {
    let x = 0;
    while (x < symbol.size) {
      if (!symbol.isDark(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < symbol.size && symbol.isDark(x, y)) x++;
      d += `M${start + QR_QUIET_ZONE} ${y + QR_QUIET_ZONE}h${x - start}v1h-${x - start}z`;
    }
  }
  const mm = +(total * moduleMm).toFixed(2);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${mm}mm" height="${mm}mm" viewBox="0 0 ${total} ${total}" ` +
    `shape-rendering="crispEdges" role="img" aria-label="${escapeAttribute(title)}">` +
    `<rect width="${total}" height="${total}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** QrSvgOptions for a single code such as the verification link. */
export interface QrSvgOptions {
  readonly errorCorrection?: ErrorCorrection;
  readonly moduleMm?: number;
  readonly title?: string;
}

/**
 * qrSvg draws one QR code, e.g. the verification link. Default ECL Q: a short URL stays a small
 * symbol (v4–v6) and survives a quarter of it being damaged; at 0.5 mm per module it is ≥ 20 mm wide.
 */
export function qrSvg(text: string, options: QrSvgOptions = {}): string {
  const { errorCorrection = 'Q', moduleMm = 0.5, title = 'QR' } = options;
  return qrSymbolSvg(createQrSymbol(text, errorCorrection), moduleMm, title);
}

/**
 * svgDataUri is how a template receives a barcode: `<img src="{{uri}}">`. Templates escape
 * everything (no `{{{`), Base64 survives attribute escaping, and render pages load data: URIs
 * while every network request is blocked.
 */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
