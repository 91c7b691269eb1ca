/**
 * The PDF as a container of the legal original: the signed XML travels inside it as the embedded
 * file `document.xml` (AFRelationship Alternative, as Factur-X/XRechnung mark an XML that is the
 * legally binding form of what the pages show), with the document's metadata; and the way back:
 * read that attachment, and read the printed QR row, so that verification can check both agree.
 *
 * The QR row is read from a raster of the page (poppler's pdftoppm), not from embedded images:
 * our codes are drawn into the PDF as vector paths (render/module-marks.ts), so there are no
 * images to extract, and a raster reads whatever a printer would print, whoever made the PDF.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  AFRelationship,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { AppError, defineError } from '../domain/index.js';
import { OWN_PDF_LOAD, OWN_PDF_SAVE } from './pdf-lib-pace.js';

/** PdfUnreadableError: the bytes are not a PDF we can open, or its attachment cannot be read safely. */
export const PdfUnreadableError = defineError<{ reason: string }>('PDF_UNREADABLE', 'invalid');
/** PdfRasterizerMissingError: poppler's pdftoppm, needed to read printed QR codes from a PDF, is not installed. */
export const PdfRasterizerMissingError = defineError<{ command: string }>('PDF_RASTERIZER_MISSING', 'unavailable');

/** PdfTooManyPagesError: an uploaded PDF has more pages than any document we issue. */
export const PdfTooManyPagesError = defineError<{ pages: number; limit: number }>('PDF_TOO_MANY_PAGES', 'invalid');
/** PdfPageTooLargeError: a page to be rasterised is larger than any paper we print on. */
export const PdfPageTooLargeError = defineError<{ page: number; widthPt: number; heightPt: number; limitPt: number }>('PDF_PAGE_TOO_LARGE', 'invalid');

/** DOCUMENT_XML_NAME is the file name of the signed XML inside every PDF we issue. */
export const DOCUMENT_XML_NAME = 'document.xml';

/** FinishPdfOptions: the attachment and the metadata of an issued document. */
export interface FinishPdfOptions {
  readonly xml: Uint8Array;
  readonly title: string;
  /** BCP 47 tag of the main language (`kk` for bilingual documents, which are Kazakh first). */
  readonly language: string;
  readonly producer?: string;
  readonly creationDate: Date;
  readonly subject?: string;
  readonly keywords?: readonly string[];
}

/** finishPdf attaches the signed XML and sets title, /Lang, producer and dates. */
export async function finishPdf(pdf: Uint8Array, options: FinishPdfOptions): Promise<Uint8Array> {
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(options.language)) throw new TypeError(`${options.language} is not a BCP 47 tag`);
  const doc = await PDFDocument.load(pdf, OWN_PDF_LOAD);
  const producer = options.producer ?? 'Qujat';
  doc.setTitle(options.title, { showInWindowTitleBar: true });
  doc.setLanguage(options.language);
  doc.setProducer(producer);
  doc.setCreator(producer);
  doc.setCreationDate(options.creationDate);
  doc.setModificationDate(options.creationDate);
  if (options.subject !== undefined) doc.setSubject(options.subject);
  if (options.keywords !== undefined) doc.setKeywords([...options.keywords]);
  await doc.attach(options.xml, DOCUMENT_XML_NAME, {
    mimeType: 'application/xml',
    description: 'Signed XML: the legal original of this document',
    creationDate: options.creationDate,
    modificationDate: options.creationDate,
    afRelationship: AFRelationship.Alternative,
  });
  return doc.save(OWN_PDF_SAVE);
}

/** AttachmentLimits bound the work an uploaded PDF can cause. */
export interface AttachmentLimits {
  readonly maxPdfBytes?: number;
  readonly maxAttachmentBytes?: number;
}

function unreadable(reason: string): never {
  throw new PdfUnreadableError({ reason });
}

function text(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** Walks the EmbeddedFiles name tree (bounded depth and size) and collects file specs named `name`. */
function findFileSpecs(tree: PDFDict, name: string): PDFDict[] {
  const found: PDFDict[] = [];
  let visited = 0;
  const walk = (node: PDFDict, depth: number): void => {
    if (depth > 16 || ++visited > 4096) unreadable('the attachment tree is too deep or too large');
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; names && i + 1 < names.size(); i += 2) {
      const spec = names.lookup(i + 1);
      if (!(spec instanceof PDFDict)) continue;
      const specName = text(spec.lookup(PDFName.of('UF'))) ?? text(spec.lookup(PDFName.of('F')));
      if (text(names.lookup(i)) === name || specName === name) found.push(spec);
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) walk(kid, depth + 1);
    }
  };
  walk(tree, 0);
  return found;
}

function inflateBounded(data: Uint8Array, limit: number): Uint8Array {
  try {
    return zlib.inflateSync(data, { maxOutputLength: limit });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') unreadable(`the attachment is larger than ${limit} bytes`);
    return unreadable('the attachment stream is corrupt');
  }
}

/**
 * readPdfAttachment returns the embedded file called `name`, or null when there is none. It
 * opens PDFs made by anyone: only unfiltered and FlateDecode streams are read, inflated with a
 * hard cap; two attachments of the same name are refused rather than guessed between.
 */
export async function readPdfAttachment(pdf: Uint8Array, name: string, limits: AttachmentLimits = {}): Promise<Uint8Array | null> {
  const { maxPdfBytes = 50 * 1024 * 1024, maxAttachmentBytes = 5 * 1024 * 1024 } = limits;
  if (pdf.length > maxPdfBytes) unreadable(`the PDF is larger than ${maxPdfBytes} bytes`);
  // A PDF made by anyone may be malformed anywhere pdf-lib looks: every failure is «unreadable».
  try {
    return attachmentOf(await PDFDocument.load(pdf, { updateMetadata: false }), name, maxAttachmentBytes);
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new PdfUnreadableError({ reason: cause instanceof Error ? cause.message : 'not a PDF' }, { cause });
  }
}

function attachmentOf(doc: PDFDocument, name: string, maxAttachmentBytes: number): Uint8Array | null {
  const tree = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  if (!tree) return null;
  const specs = findFileSpecs(tree, name);
  if (specs.length === 0) return null;
  if (specs.length > 1) unreadable(`the PDF has ${specs.length} attachments named ${name}`);
  const stream = specs[0]!.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
  if (!(stream instanceof PDFRawStream)) unreadable(`the attachment ${name} has no embedded stream`);
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray().map((f) => f.toString()) : filter ? [filter.toString()] : [];
  if (stream.dict.has(PDFName.of('DecodeParms')) && filters.length > 0) unreadable('the attachment uses decode parameters');
  const raw = stream.getContents();
  if (filters.length === 0) return raw.length <= maxAttachmentBytes ? raw : unreadable(`the attachment is larger than ${maxAttachmentBytes} bytes`);
  if (filters.length === 1 && filters[0] === '/FlateDecode') return inflateBounded(raw, maxAttachmentBytes);
  return unreadable(`the attachment filter ${filters.join(' ')} is not supported`);
}

/**
 * RASTER_LIMITS bound what rasterising an uploaded PDF may cost, checked before pdftoppm runs: a
 * PDF of a few kilobytes can declare pages of 4500 × 4500 pt, which at 300 dpi are 350 Mpx each.
 * Our documents are A4 (595 × 842 pt) and a few pages long; the limits leave room for A3 and for
 * any PDF a citizen might have saved again, and refuse everything larger with its own reason.
 */
export const RASTER_LIMITS = {
  /** maxPages: the most pages an uploaded PDF may have. */
  maxPages: 50,
  /** maxSidePt: the longest side of a rasterised page, in points (20 in; A3 is 1191 pt). */
  maxSidePt: 1440,
  /** timeoutMs: pdftoppm is killed after this long. */
  timeoutMs: 15_000,
  /** memoryKiB: the address space pdftoppm may use (ulimit -v). */
  memoryKiB: 1024 * 1024,
} as const;

/** ExtractQrOptions: the image decoder (barcode room, wired in compose) and the raster settings. */
export interface ExtractQrOptions {
  readonly decodeImage: (png: Uint8Array) => Promise<string[]>;
  /** Raster resolution; 300 dpi gives ~4 px per 0.33 mm module. */
  readonly dpi?: number;
  /** How many pages from the first to read (default 2: the row is in the footer of every page). */
  readonly maxPages?: number;
  readonly pdftoppm?: string;
}

/** The shell's exit status for a command it could not find. */
const COMMAND_NOT_FOUND = 127;

/**
 * rasterise runs pdftoppm under a time limit and, through the shell's ulimit, a memory limit:
 * whatever slips past the checks before it cannot take the machine with it.
 */
function rasterise(pdftoppm: string, args: readonly string[]): Promise<void> {
  const { timeoutMs, memoryKiB } = RASTER_LIMITS;
  return new Promise((resolve, reject) => {
    const script = 'ulimit -v "$0" && exec "$@"';
    execFile('/bin/sh', ['-c', script, String(memoryKiB), pdftoppm, ...args], { timeout: timeoutMs, maxBuffer: 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      if (error.code === COMMAND_NOT_FOUND) return reject(new PdfRasterizerMissingError({ command: pdftoppm }));
      const why = error.killed ? `stopped after ${timeoutMs} ms` : String(stderr).trim().slice(0, 200) || error.message;
      reject(new PdfUnreadableError({ reason: `${pdftoppm} failed: ${why}` }, { cause: error }));
    });
  });
}

/** pageSidePt is a page's larger side as a rasteriser sees it: the MediaBox or CropBox, times UserUnit. */
function pageSidePt(doc: PDFDocument, index: number): { widthPt: number; heightPt: number } {
  const page = doc.getPage(index);
  const unit = page.node.lookupMaybe(PDFName.of('UserUnit'), PDFNumber)?.asNumber() ?? 1;
  const boxes = [page.getMediaBox(), page.getCropBox()];
  const widthPt = Math.max(...boxes.map((box) => Math.abs(box.width))) * Math.max(unit, 1);
  const heightPt = Math.max(...boxes.map((box) => Math.abs(box.height))) * Math.max(unit, 1);
  return { widthPt: Math.round(widthPt), heightPt: Math.round(heightPt) };
}

/** checkRasterBounds refuses a PDF whose page count or page sizes would make rasterising costly. */
async function checkRasterBounds(pdf: Uint8Array, pagesToRead: number): Promise<void> {
  const { maxPages, maxSidePt } = RASTER_LIMITS;
  // A PDF made by anyone may be malformed anywhere pdf-lib looks: every failure is «unreadable».
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const pages = doc.getPageCount();
    if (pages > maxPages) throw new PdfTooManyPagesError({ pages, limit: maxPages });
    if (pages === 0) unreadable('the PDF has no pages');
    for (let index = 0; index < Math.min(pages, pagesToRead); index++) {
      const size = pageSidePt(doc, index);
      if (!(size.widthPt <= maxSidePt && size.heightPt <= maxSidePt)) throw new PdfPageTooLargeError({ page: index + 1, ...size, limitPt: maxSidePt });
    }
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new PdfUnreadableError({ reason: cause instanceof Error ? cause.message : 'not a PDF' }, { cause });
  }
}

/** extractQrPayloadsFromPdf rasterises the first pages and returns every distinct QR text found. */
export async function extractQrPayloadsFromPdf(pdf: Uint8Array, options: ExtractQrOptions): Promise<string[]> {
  const { decodeImage, dpi = 300, maxPages = 2, pdftoppm = 'pdftoppm' } = options;
  await checkRasterBounds(pdf, maxPages);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qujat-qr-'));
  try {
    const input = path.join(dir, 'in.pdf');
    await writeFile(input, pdf);
    await rasterise(pdftoppm, ['-r', String(dpi), '-gray', '-png', '-f', '1', '-l', String(maxPages), input, path.join(dir, 'page')]);
    const pages = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    const found: string[] = [];
    for (const page of pages) found.push(...(await decodeImage(await readFile(path.join(dir, page)))));
    return [...new Set(found)];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * rasterFirstPage draws page 1 of a PDF we issued as a PNG `widthPx` wide: the picture the
 * verification page shows next to the signed content, so that a person can compare it with the
 * paper in hand. The PDF is ours (read from the registry), but the same limits apply.
 */
export async function rasterFirstPage(pdf: Uint8Array, options: { widthPx: number; pdftoppm?: string }): Promise<Uint8Array> {
  const { widthPx, pdftoppm = 'pdftoppm' } = options;
  await checkRasterBounds(pdf, 1);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qujat-page-'));
  try {
    const input = path.join(dir, 'in.pdf');
    await writeFile(input, pdf);
    await rasterise(pdftoppm, ['-png', '-f', '1', '-l', '1', '-singlefile', '-scale-to-x', String(widthPx), '-scale-to-y', '-1', input, path.join(dir, 'page')]);
    return await readFile(path.join(dir, 'page.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
