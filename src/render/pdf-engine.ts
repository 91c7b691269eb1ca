/** HTML → PDF on a pooled page. The page is already prepared (no JavaScript, no network). */
import type { BrowserPool } from './browser-pool.js';

/** PdfOutput is a printed document and its page count. */
export interface PdfOutput {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

/** PdfEngine prints complete HTML documents. */
export interface PdfEngine {
  print(html: string): Promise<PdfOutput>;
}

/**
 * countPdfPages counts page objects. Chromium (Skia) writes page dictionaries uncompressed, so
 * a scan is enough and costs far less than parsing the file; the tests check it against pdfinfo.
 */
export function countPdfPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

/** createPdfEngine prints through the pool with A4 and the CSS page size of the template. */
export function createPdfEngine(pool: BrowserPool): PdfEngine {
  return {
    async print(html) {
      const bytes = await pool.run(async (page) => {
        await page.setContent(html, { waitUntil: 'load' });
        return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true });
      });
      return { bytes, pages: countPdfPages(bytes) };
    },
  };
}
