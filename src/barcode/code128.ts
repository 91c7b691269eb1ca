/**
 * Code 128 of the document number, for the desk scanners at ЦОН (which read 1D codes only).
 * Sizes are as printed: a 0.33 mm module (office print wants an X dimension ≥ 0.25 mm) keeps a
 * 12-digit number (code set C, 101 modules) at 33 mm, plus the 10-module quiet zone on each side
 * that ISO/IEC 15417 requires. The number itself is printed as text by the layout, not here.
 */
import bwipjs from 'bwip-js';
import { printedBarcode, type PrintedBarcode } from './printed-barcode.js';

/** Code128Options: printed bar height and module width in mm. */
export interface Code128Options {
  readonly heightMm?: number;
  readonly moduleMm?: number;
}

const QUIET_ZONE = 10;

/**
 * code128 lays out the bars of `text` (printable ASCII only) in one row of modules with their
 * quiet zones. Default 8 mm high: the header's row of number and date is as tall.
 */
export function code128(text: string, options: Code128Options = {}): PrintedBarcode {
  if (!/^[\x20-\x7e]{1,48}$/.test(text)) throw new TypeError('Code 128 text must be 1–48 printable ASCII characters');
  const { heightMm = 8, moduleMm = 0.33 } = options;
  if (!(moduleMm >= 0.19) || !(heightMm >= 5)) throw new TypeError('Code 128 needs a module ≥ 0.19 mm and a height ≥ 5 mm');
  const [symbol] = bwipjs.raw({ bcid: 'code128', text });
  // sbs: the widths of bar, space, bar, … in modules, starting with a bar.
  if (!symbol || !('sbs' in symbol)) throw new Error('bwip-js returned no linear Code 128 pattern');
  const columns = symbol.sbs.reduce((sum, width) => sum + width, 2 * QUIET_ZONE);
  const dark = new Uint8Array(columns);
  let x = QUIET_ZONE;
  symbol.sbs.forEach((width, i) => {
    if (i % 2 === 0) dark.fill(1, x, x + width);
    x += width;
  });
  return printedBarcode(columns, 1, dark, columns * moduleMm, heightMm);
}
