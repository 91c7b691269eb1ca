/**
 * Batch printing: many documents as one PDF, a chunk of documents per page load (one pool task
 * each, so the pool's per-task timeout holds for a chunk), the chunks merged with pdf-lib, which
 * draws the documents' barcodes (module marks) on the way. One
 * page load for many documents saves the per-load cost of a page load each (fonts subset once,
 * one PDF written per chunk): measured in docs/benchmarks.md, bench/batch.
 *
 * Each chunk's page count is checked against the single prints: a chunk that came out otherwise
 * (a document that no longer fits its pages) is printed again one document per page load, so a
 * paper copy is always the document as issued.
 */
import type { Page } from 'puppeteer-core';
import { PDFDocument } from 'pdf-lib';
import { batchHtml, documentParts, type BatchDocument, type DocumentParts } from './batch-layout.js';
import { RenderTimeoutError, type BrowserPool } from './browser-pool.js';
import { drawModuleMarks } from './module-marks.js';
import { OWN_PDF_LOAD, OWN_PDF_SAVE } from './pdf-lib-pace.js';
import { collectGarbage, countPdfPages, PDF_OPTIONS } from './pdf-engine.js';

export type { BatchDocument } from './batch-layout.js';

/** BatchOutput is the merged PDF; `reprinted` counts documents printed alone after a chunk's pages did not add up. */
export interface BatchOutput {
  readonly bytes: Uint8Array;
  readonly pages: number;
  readonly reprinted: number;
}

/** BatchProgress is told how many of the documents are printed, after every chunk. */
export type BatchProgress = (done: number, total: number) => void;

/** BatchPrinter prints documents, in the order given, as one PDF. */
export interface BatchPrinter {
  /**
   * print takes documents from an array or a (lazy) iterable, so that a large batch holds only a
   * chunk of HTML at a time; `total` is what progress reports count to (an array's length by default).
   */
  print(
    documents: Iterable<BatchDocument> | AsyncIterable<BatchDocument>,
    options?: { readonly total?: number; readonly onProgress?: BatchProgress },
  ): Promise<BatchOutput>;
}

/** BatchOptions: documents per page load (DEFAULT_BATCH_CHUNK unless given). */
export interface BatchOptions {
  readonly chunkSize?: number;
}

/**
 * DEFAULT_BATCH_CHUNK: documents per page load. With the barcodes drawn after Chromium, 25 cost
 * 15 % less per document than 10 and as much as 50 (bench/batch), and a chunk takes about 0.6 s,
 * far inside the pool's per-task timeout even on a loaded machine (a chunk that runs past it is
 * printed again in halves). Progress is reported after every chunk.
 */
export const DEFAULT_BATCH_CHUNK = 25;

/** Chunk is a run of documents printed in one page load, or one document that the batch layout cannot take. */
type Chunk = { readonly kind: 'batch'; readonly entries: readonly Entry[] } | { readonly kind: 'single'; readonly document: BatchDocument };

/** Print is one page load's PDF (barcodes not yet drawn) and the HTML it was printed from. */
interface Print {
  readonly html: string;
  readonly pdf: Uint8Array;
}

interface Entry {
  readonly document: BatchDocument;
  readonly parts: DocumentParts;
}

/** chunksOf groups consecutive documents with the same stylesheet, at most `size` per chunk. */
async function* chunksOf(documents: Iterable<BatchDocument> | AsyncIterable<BatchDocument>, size: number): AsyncGenerator<Chunk> {
  let run: Entry[] = [];
  for await (const document of documents) {
    const parts = documentParts(document);
    if (run.length > 0 && (!parts || run.length >= size || run[0]!.parts.style !== parts.style)) {
      yield { kind: 'batch', entries: run };
      run = [];
    }
    if (parts) run.push({ document, parts });
    else yield { kind: 'single', document };
  }
  if (run.length > 0) yield { kind: 'batch', entries: run };
}

/**
 * GARBAGE_EVERY_CHUNKS: page loads between garbage collections of a page. With JavaScript off V8
 * seldom collects, and a chunk's DOM is as large as a few dozen documents (see pdf-engine).
 */
const GARBAGE_EVERY_CHUNKS = 4;

/** createBatchPrinter prints batches through the pool that prints single documents. */
export function createBatchPrinter(pool: BrowserPool, options: BatchOptions = {}): BatchPrinter {
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_BATCH_CHUNK);
  const loads = new WeakMap<Page, number>();

  function printHtml(html: string): Promise<Print> {
    return pool.run(async (page) => {
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf(PDF_OPTIONS);
      const count = (loads.get(page) ?? 0) + 1;
      loads.set(page, count);
      // Printed already; a failed collection is the next task's problem, not this one's.
      if (count % GARBAGE_EVERY_CHUNKS === 0) await collectGarbage(page).catch(() => undefined);
      return { html, pdf };
    });
  }

  /**
   * printEntries prints documents in one page load. A load that runs past the pool's per-task
   * timeout (a machine under heavy load) is tried again as two halves, down to single documents.
   */
  async function printEntries(entries: readonly Entry[]): Promise<Print[]> {
    try {
      return [await printHtml(batchHtml(entries.map((entry) => entry.parts)))];
    } catch (error) {
      if (!(error instanceof RenderTimeoutError) || entries.length === 1) throw error;
      const half = Math.ceil(entries.length / 2);
      return [...(await printEntries(entries.slice(0, half))), ...(await printEntries(entries.slice(half)))];
    }
  }

  async function printChunk(chunk: Chunk): Promise<{ prints: Print[]; reprinted: number }> {
    if (chunk.kind === 'single') return { prints: [await printHtml(chunk.document.html)], reprinted: 0 };
    const printed = await printEntries(chunk.entries);
    const expected = chunk.entries.reduce((sum, entry) => sum + entry.parts.pages, 0);
    if (countMergedPages(printed) === expected) return { prints: printed, reprinted: 0 };
    const prints: Print[] = [];
    for (const entry of chunk.entries) prints.push(await printHtml(entry.document.html));
    return { prints, reprinted: chunk.entries.length };
  }

  return {
    async print(documents, printOptions = {}) {
      const total = printOptions.total ?? (Array.isArray(documents) ? documents.length : 0);
      const prints: Print[] = [];
      let done = 0;
      let reprinted = 0;
      for await (const chunk of chunksOf(documents, chunkSize)) {
        const printed = await printChunk(chunk);
        prints.push(...printed.prints);
        reprinted += printed.reprinted;
        done += chunk.kind === 'batch' ? chunk.entries.length : 1;
        printOptions.onProgress?.(done, Math.max(done, total));
      }
      if (prints.length === 0) throw new TypeError('a batch needs at least one document');
      return { bytes: await merge(prints), pages: countMergedPages(prints), reprinted };
    },
  };
}

function countMergedPages(prints: readonly Print[]): number {
  return prints.reduce((sum, print) => sum + countPdfPages(print.pdf), 0);
}

/** merge draws each print's module marks and puts the pages of all prints into one PDF. */
async function merge(prints: readonly Print[]): Promise<Uint8Array> {
  const merged = await PDFDocument.create({ updateMetadata: false });
  for (const print of prints) {
    const source = await PDFDocument.load(print.pdf, OWN_PDF_LOAD);
    drawModuleMarks(source, print.html);
    const pages = await merged.copyPages(source, source.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  return merged.save(OWN_PDF_SAVE);
}
