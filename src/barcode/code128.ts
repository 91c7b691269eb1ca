/**
 * Code 128 of the document number, for the desk scanners at ЦОН (which read 1D codes only).
 * Sizes are as printed: a 0.33 mm module (office print wants an X dimension ≥ 0.25 mm) keeps a
 * 12-digit number (code set C, 101 modules) at 33 mm, plus the 10-module quiet zone on each side
 * that ISO/IEC 15417 requires. The number itself is printed as text by the layout, not here.
 */
import bwipjs from 'bwip-js';

/** Code128Options: printed bar height and module width in mm. */
export interface Code128Options {
  readonly heightMm?: number;
  readonly moduleMm?: number;
}

/** bwip-js at scale 1 draws one unit per module across and `height` mm at 72 units per inch down. */
const UNITS_PER_MM = 72 / 25.4;
const QUIET_ZONE = 10;

/** code128Svg returns SVG markup sized in mm for the given text (printable ASCII only). */
export function code128Svg(text: string, options: Code128Options = {}): string {
  if (!/^[\x20-\x7e]{1,48}$/.test(text)) throw new TypeError('Code 128 text must be 1–48 printable ASCII characters');
  const { heightMm = 10, moduleMm = 0.33 } = options;
  if (!(moduleMm >= 0.19) || !(heightMm >= 5)) throw new TypeError('Code 128 needs a module ≥ 0.19 mm and a height ≥ 5 mm');
  const svg = bwipjs.toSVG({ bcid: 'code128', text, height: heightMm, scale: 1, paddingleft: QUIET_ZONE, paddingright: QUIET_ZONE });
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!viewBox) throw new Error('bwip-js returned an SVG without a viewBox');
  const width = (+viewBox[1]! * moduleMm).toFixed(2);
  const height = (+viewBox[2]! / UNITS_PER_MM).toFixed(2);
  // The two axes have different units (modules across, points down), hence no aspect ratio.
  return svg
    .trim()
    .replace(/<svg /, `<svg width="${width}mm" height="${height}mm" preserveAspectRatio="none" role="img" aria-label="Code 128 ${text.replace(/[&<>"']/g, '')}" `);
}
