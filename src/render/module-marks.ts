/**
 * Module marks: barcodes drawn into the printed PDF instead of painted by Chromium. Painting a
 * document's four large QR codes as SVG cost Chromium more than the rest of the page, in a batch
 * as in a single print (docs/benchmarks.md, bench/batch).
 *
 * A template puts an empty link box where a code goes, its href the code's modules:
 * `qujat-modules:<columns>x<rows>:<base64url of one bit per module, row by row, high bit first>`.
 * Chromium writes each link as an annotation with the box's place on every page it lands on (a
 * fixed footer's on every page), so the print itself says where each code stands, whatever the
 * layout. drawModuleMarks then removes those annotations and fills each box with its dark modules
 * as vector rectangles. Links are never followed: render pages have JavaScript off and no network.
 */
import zlib from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { OWN_PDF_LOAD, OWN_PDF_SAVE } from './pdf-lib-pace.js';

/** MODULE_MARK_SCHEME starts the href of every mark. */
export const MODULE_MARK_SCHEME = 'qujat-modules:';

/** ModuleGrid: `dark` holds one byte per module, row by row, 1 for dark. */
export interface ModuleGrid {
  readonly columns: number;
  readonly rows: number;
  readonly dark: Uint8Array;
}

/** MAX_MARK_SIDE bounds a grid: a version 40 QR code with its quiet zone is 185 modules. */
const MAX_MARK_SIDE = 1024;
const MARK_HREF = /^qujat-modules:(\d{1,4})x(\d{1,4}):([A-Za-z0-9_-]*)$/;
const MARKS_IN_HTML = /qujat-modules:\d{1,4}x\d{1,4}:[A-Za-z0-9_-]*/g;

/** moduleMarkHref writes a grid as the href of its mark. */
export function moduleMarkHref(grid: ModuleGrid): string {
  const { columns, rows, dark } = grid;
  if (columns > MAX_MARK_SIDE || rows > MAX_MARK_SIDE || dark.length !== columns * rows) {
    throw new TypeError(`a ${columns}×${rows} module mark cannot hold ${dark.length} modules`);
  }
  const bits = Buffer.alloc(Math.ceil(dark.length / 8));
  for (let i = 0; i < dark.length; i++) if (dark[i]) bits[i >> 3]! |= 0x80 >> (i & 7);
  return `${MODULE_MARK_SCHEME}${columns}x${rows}:${bits.toString('base64url')}`;
}

/** parseModuleMark reads a mark's href back; null when it is not a well-formed mark. */
export function parseModuleMark(href: string): ModuleGrid | null {
  const match = MARK_HREF.exec(href);
  if (!match) return null;
  const columns = Number(match[1]);
  const rows = Number(match[2]);
  if (columns < 1 || rows < 1 || columns > MAX_MARK_SIDE || rows > MAX_MARK_SIDE) return null;
  const bits = Buffer.from(match[3]!, 'base64url');
  if (bits.length !== Math.ceil((columns * rows) / 8)) return null;
  const dark = new Uint8Array(columns * rows);
  for (let i = 0; i < dark.length; i++) dark[i] = (bits[i >> 3]! >> (7 - (i & 7))) & 1;
  return { columns, rows, dark };
}

/** moduleMarksIn lists the distinct marks an HTML names. */
function moduleMarksIn(html: string): Set<string> {
  return new Set(html.match(MARKS_IN_HTML) ?? []);
}

const number = (n: number) => String(+n.toFixed(4));

/**
 * markForm is a code as a form XObject in module units, the grid's y downwards: its box white,
 * then each run of dark modules in a row as one rectangle, all in one filled path (filled shapes
 * rasterise without the hairline seams that stroked lines leave between rows). A code that stands
 * on every page of a document (the footer's row) is written once and placed on each page.
 * Deflate level 1: four times faster than the default for a quarter more bytes.
 */
function markForm(doc: PDFDocument, grid: ModuleGrid): PDFRef {
  const { columns, rows, dark } = grid;
  const runs: string[] = [`1 g 0 0 ${columns} ${rows} re f 0 g`];
  for (let y = 0; y < rows; y++) {
    let x = 0;
    while (x < columns) {
      if (!dark[y * columns + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < columns && dark[y * columns + x]) x++;
      runs.push(`${start} ${y} ${x - start} 1 re`);
    }
  }
  runs.push('f');
  const form = doc.context.stream(zlib.deflateSync(runs.join('\n'), { level: 1 }), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, columns, rows],
    Filter: 'FlateDecode',
  });
  return doc.context.register(form);
}

/** placement maps the grid (y downwards) onto the box [x1 y1 x2 y2] of PDF user space (y upwards). */
function placement(grid: ModuleGrid, [x1, y1, x2, y2]: readonly [number, number, number, number], name: string): string {
  return `q ${number((x2 - x1) / grid.columns)} 0 0 ${number(-(y2 - y1) / grid.rows)} ${number(x1)} ${number(y2)} cm /${name} Do Q`;
}

function annotationUri(annotation: PDFDict): string | null {
  if (annotation.lookup(PDFName.of('Subtype')) !== PDFName.of('Link')) return null;
  const action = annotation.lookupMaybe(PDFName.of('A'), PDFDict);
  const uri = action?.lookup(PDFName.of('URI'));
  return uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : null;
}

function annotationRect(annotation: PDFDict): [number, number, number, number] | null {
  const rect = annotation.lookupMaybe(PDFName.of('Rect'), PDFArray);
  const values = rect?.asArray().map((value) => (value instanceof PDFNumber ? value.asNumber() : Number.NaN)) ?? [];
  if (values.length !== 4 || values.some((value) => !Number.isFinite(value))) return null;
  const [ax, ay, bx, by] = values as [number, number, number, number];
  return [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
}

/**
 * drawModuleMarks fills every mark of a printed PDF with its modules and removes its link, then
 * checks that each mark the HTML names was drawn at least once: a paper copy without one of its
 * codes is never handed out.
 */
export function drawModuleMarks(doc: PDFDocument, html: string): void {
  const forms = new Map<string, { name: string; ref: PDFRef }>();
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    const kept: Array<PDFRef | PDFDict> = [];
    const placed = new Map<string, PDFRef>();
    const content: string[] = [];
    for (let i = 0; i < annots.size(); i++) {
      const entry = annots.get(i) as PDFRef | PDFDict;
      const annotation = doc.context.lookupMaybe(entry, PDFDict);
      const uri = annotation ? annotationUri(annotation) : null;
      const grid = uri?.startsWith(MODULE_MARK_SCHEME) ? parseModuleMark(uri) : null;
      const rect = grid && annotation ? annotationRect(annotation) : null;
      if (!uri || !grid || !rect) {
        kept.push(entry);
        continue;
      }
      // Nothing else refers to a mark's link (it is aria-hidden, so not in the structure tree):
      // deleted, it is not written out with the page's other objects.
      if (entry instanceof PDFRef) doc.context.delete(entry);
      const action = annotation?.get(PDFName.of('A'));
      if (action instanceof PDFRef) doc.context.delete(action);
      let form = forms.get(uri);
      if (!form) {
        form = { name: `QujatMark${forms.size + 1}`, ref: markForm(doc, grid) };
        forms.set(uri, form);
      }
      placed.set(form.name, form.ref);
      content.push(placement(grid, rect, form.name));
    }
    if (content.length === 0) continue;
    // normalize() wraps the page's own content in q … Q, so our drawing starts from the default
    // matrix, and gives the page its own XObject dictionary.
    const { XObject } = page.node.normalizedEntries();
    for (const [name, ref] of placed) XObject.set(PDFName.of(name), ref);
    if (kept.length > 0) page.node.set(PDFName.of('Annots'), doc.context.obj(kept));
    else page.node.delete(PDFName.of('Annots'));
    page.node.addContentStream(doc.context.register(doc.context.stream(content.join('\n'))));
  }
  const missing = [...moduleMarksIn(html)].filter((mark) => !forms.has(mark)).length;
  // A box outside every page (a layout bug) would otherwise give a paper copy without that code.
  if (missing > 0) throw new Error(`${missing} barcode(s) of the document did not reach the printed pages`);
}

/**
 * withModuleMarks returns a printed PDF with the marks of its HTML drawn (the PDF as it is when
 * the HTML has none). Saved without object streams: page dictionaries stay countable by a scan.
 */
export async function withModuleMarks(pdf: Uint8Array, html: string): Promise<Uint8Array> {
  if (!html.includes(MODULE_MARK_SCHEME)) return pdf;
  const doc = await PDFDocument.load(pdf, OWN_PDF_LOAD);
  drawModuleMarks(doc, html);
  return doc.save({ ...OWN_PDF_SAVE, useObjectStreams: false });
}
