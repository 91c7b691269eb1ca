/** HTML → PDF on a pooled page. The page is already prepared (no JavaScript, no network). */
import type { Page } from 'puppeteer-core';
import type { BrowserPool } from './browser-pool.js';
import { withModuleMarks } from './module-marks.js';

/** PdfOutput is a printed document and its page count. */
export interface PdfOutput {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

/** PdfEngine prints complete HTML documents, barcodes (module marks) drawn in. */
export interface PdfEngine {
  print(html: string): Promise<PdfOutput>;
}

/**
 * GARBAGE_EVERY: prints between garbage collections of a page. With JavaScript off, V8 seldom
 * collects, and the DOM of every replaced document stays in the renderer: about +30 MB per page
 * per 400 prints, all of it released by one collection (measured in bench/, see docs/benchmarks.md).
 */
const GARBAGE_EVERY = 100;

/**
 * countPdfPages counts page objects. Chromium (Skia) writes page dictionaries uncompressed, so
 * a scan is enough and costs far less than parsing the file; the tests check it against pdfinfo.
 */
export function countPdfPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

/** PDF_OPTIONS: A4 unless the template's CSS page size says otherwise; batch prints use the same. */
export const PDF_OPTIONS = { format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true } as const;

/** collectGarbage runs a full garbage collection in a page's renderer. */
export async function collectGarbage(page: Page): Promise<void> {
  const session = await page.createCDPSession();
  try {
    await session.send('HeapProfiler.collectGarbage');
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** createPdfEngine prints through the pool (or a lane of it) with A4 and the CSS page size of the template. */
export function createPdfEngine(pool: Pick<BrowserPool, 'run'>): PdfEngine {
  const prints = new WeakMap<Page, number>();
  return {
    async print(html) {
      const printed = await pool.run(async (page) => {
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf(PDF_OPTIONS);
        const count = (prints.get(page) ?? 0) + 1;
        prints.set(page, count);
        // The document is printed; a failed collection is the next task's problem, not this one's.
        if (count % GARBAGE_EVERY === 0) await collectGarbage(page).catch(() => undefined);
        return pdf;
      });
      return { bytes: await withModuleMarks(printed, html), pages: countPdfPages(printed) };
    },
  };
}
