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
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, type PDFRef } from 'pdf-lib';

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
export function moduleMarksIn(html: string): Set<string> {
  return new Set(html.match(MARKS_IN_HTML) ?? []);
}

const number = (n: number) => String(+n.toFixed(4));

/**
 * markContent fills the box [x1 y1 x2 y2] (PDF user space, y upwards) white, then draws each run
 * of dark modules in a row as one rectangle, in module units under a matrix that maps the grid
 * (y downwards) onto the box. One filled path per code: filled shapes rasterise
 * without the hairline seams that stroked lines leave between rows.
 */
function markContent(grid: ModuleGrid, [x1, y1, x2, y2]: readonly [number, number, number, number]): string {
  const { columns, rows, dark } = grid;
  const runs: string[] = [];
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
  const width = x2 - x1;
  const height = y2 - y1;
  return [
    'q 1 g',
    `${number(x1)} ${number(y1)} ${number(width)} ${number(height)} re f`,
    `0 g ${number(width / columns)} 0 0 ${number(-height / rows)} ${number(x1)} ${number(y2)} cm`,
    ...runs,
    'f Q',
  ].join('\n');
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
 * codes is never handed out. Returns how many boxes were filled.
 */
export function drawModuleMarks(doc: PDFDocument, html: string): number {
  const drawn = new Set<string>();
  let boxes = 0;
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    const kept: Array<PDFRef | PDFDict> = [];
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
      content.push(markContent(grid, rect));
      drawn.add(uri);
    }
    if (content.length === 0) continue;
    boxes += content.length;
    // normalize() wraps the page's own content in q … Q, so our drawing starts from the default matrix.
    page.node.normalize();
    if (kept.length > 0) page.node.set(PDFName.of('Annots'), doc.context.obj(kept));
    else page.node.delete(PDFName.of('Annots'));
    const stream = doc.context.stream(zlib.deflateSync(content.join('\n')), { Filter: 'FlateDecode' });
    page.node.addContentStream(doc.context.register(stream));
  }
  const missing = [...moduleMarksIn(html)].filter((mark) => !drawn.has(mark)).length;
  // A box outside every page (a layout bug) would otherwise give a paper copy without that code.
  if (missing > 0) throw new Error(`${missing} barcode(s) of the document did not reach the printed pages`);
  return boxes;
}

/**
 * withModuleMarks returns a printed PDF with the marks of its HTML drawn (the PDF as it is when
 * the HTML has none). Saved without object streams: page dictionaries stay countable by a scan.
 */
export async function withModuleMarks(pdf: Uint8Array, html: string): Promise<Uint8Array> {
  if (!html.includes(MODULE_MARK_SCHEME)) return pdf;
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  drawModuleMarks(doc, html);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}
