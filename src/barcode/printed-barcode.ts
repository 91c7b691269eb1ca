/**
 * A barcode as it is printed: a grid of dark and light modules, quiet zones included, and the
 * size of the box it fills on paper. The printer draws the modules into the PDF itself (see
 * render/module-marks.ts): a document's four large QR codes cost Chromium more to paint as SVG
 * than the rest of the page (docs/benchmarks.md).
 */

/** PrintedBarcode: `dark` holds one byte per module, row by row, 1 for dark. */
export interface PrintedBarcode {
  readonly columns: number;
  readonly rows: number;
  readonly dark: Uint8Array;
  readonly widthMm: number;
  readonly heightMm: number;
}

/** printedBarcode checks the grid against its size and rounds the box to 0.01 mm. */
export function printedBarcode(columns: number, rows: number, dark: Uint8Array, widthMm: number, heightMm: number): PrintedBarcode {
  if (!Number.isInteger(columns) || !Number.isInteger(rows) || columns < 1 || rows < 1 || dark.length !== columns * rows) {
    throw new TypeError(`a ${columns}×${rows} barcode needs ${columns * rows} modules, not ${dark.length}`);
  }
  return { columns, rows, dark, widthMm: +widthMm.toFixed(2), heightMm: +heightMm.toFixed(2) };
}
