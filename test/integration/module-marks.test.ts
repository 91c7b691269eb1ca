/**
 * Module marks on real Chromium prints: a code placed as an empty link box is drawn into the PDF
 * where Chromium laid the box out (in a fixed footer, on every page), its link removed, other
 * links kept; zbarimg reads the drawn codes from a 150-dpi raster of each page; a code whose box
 * never reaches a page stops the print; malformed hrefs are not marks.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code128, qrCode, type PrintedBarcode } from '../../src/barcode/index.js';
import { chromiumLauncher, createBrowserPool, createPdfEngine, loadAssets, moduleMarkHref, pagePreparer, type BrowserPool } from '../../src/render/index.js';
import { parseModuleMark } from '../../src/render/module-marks.js';
import { CHROMIUM } from '../helpers/project.js';

const run = promisify(execFile);
const silent = { debug() {}, info() {}, warn() {}, error() {} };

let pool: BrowserPool;
let dir: string;

beforeAll(async () => {
  pool = createBrowserPool(
    { concurrency: 1, queueLimit: 4, restartAfter: 50, timeoutMs: 30_000 },
    { launch: chromiumLauncher(CHROMIUM), preparePage: pagePreparer(loadAssets('fonts')), logger: silent },
  );
  dir = await mkdtemp(path.join(os.tmpdir(), 'qujat-marks-'));
});

afterAll(async () => {
  await pool?.close();
  await rm(dir, { recursive: true, force: true });
});

const mark = (code: PrintedBarcode, style = '') =>
  `<a href="${moduleMarkHref(code)}" style="display: block; width: ${code.widthMm}mm; height: ${code.heightMm}mm; ${style}" aria-hidden="true" tabindex="-1"></a>`;

function page(body: string, footer: string): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>marks</title><style>
@page { size: A4; margin: 10mm; }
footer { position: fixed; left: 0; right: 0; bottom: 0; display: flex; gap: 5mm; }
</style></head><body>${body}<footer>${footer}</footer></body></html>`;
}

/** codesOnPages reads every page at 150 dpi with zbarimg: one sorted list of codes per page. */
async function codesOnPages(pdf: Uint8Array, pages: number): Promise<string[][]> {
  const file = path.join(dir, `print-${pages}.pdf`);
  await writeFile(file, pdf);
  const result: string[][] = [];
  for (let n = 1; n <= pages; n++) {
    const prefix = path.join(dir, `page-${n}`);
    await run('pdftoppm', ['-r', '150', '-f', String(n), '-l', String(n), '-singlefile', '-png', file, prefix]);
    const { stdout } = await run('zbarimg', ['--raw', '-q', `${prefix}.png`]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    result.push(stdout.split('\n').filter((line) => line !== '').sort());
  }
  return result;
}

function linkUris(doc: PDFDocument): string[][] {
  return doc.getPages().map((p) =>
    (p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []).map((ref) => {
      const action = doc.context.lookup(ref, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict);
      return (action?.lookup(PDFName.of('URI')) as PDFString | undefined)?.decodeText() ?? '';
    }),
  );
}

describe('module marks', () => {
  it('are drawn where Chromium laid their boxes out, on every page of a fixed footer, and their links removed', async () => {
    const link = 'https://qujat.example.kz/verify/261234567890?t=Zm9vYmFy';
    // A part of a QR row is a version ~20 symbol at 0.35 mm per module.
    const part = `QJ1:261234567890:1/1:${'0123456789ABCDEF'.repeat(40)}`;
    const html = page(
      `<p style="height: 300mm">Бірінші бет / Первая страница</p><p>Екінші бет</p><p><a href="https://qujat.example.kz/">qujat</a></p>`,
      mark(qrCode(link)) + mark(qrCode(part, { errorCorrection: 'M', moduleMm: 0.35 })) + mark(code128('261234567890')),
    );
    const printed = await createPdfEngine(pool).print(html);
    expect(printed.pages).toBe(2);
    const doc = await PDFDocument.load(printed.bytes);
    // No mark is left as a link, nor written out unreferenced; the ordinary link on page 2 stays.
    expect(linkUris(doc)).toEqual([[], ['https://qujat.example.kz/']]);
    expect(Buffer.from(printed.bytes).toString('latin1')).not.toContain('qujat-modules:');
    const expected = [link, part, '261234567890'].sort();
    expect(await codesOnPages(printed.bytes, 2)).toEqual([expected, expected]);
  });

  it('stop the print when a code never reaches a page', async () => {
    const html = page('<p>Мәтін</p>', mark(qrCode('https://qujat.example.kz/'), 'margin-left: -400mm'));
    await expect(createPdfEngine(pool).print(html)).rejects.toThrow(/did not reach the printed pages/);
  });
});

describe('parseModuleMark', () => {
  it('reads back what moduleMarkHref wrote, and nothing malformed', () => {
    const code = qrCode('https://qujat.example.kz/');
    const back = parseModuleMark(moduleMarkHref(code));
    expect(back?.columns).toBe(code.columns);
    expect(back?.rows).toBe(code.rows);
    expect(Buffer.from(back!.dark).equals(Buffer.from(code.dark))).toBe(true);
    const href = moduleMarkHref(code);
    for (const bad of [
      href.slice(0, -2),
      href.replace(/:(\d+)x/, ':0x'),
      href.replace(/:(\d+)x(\d+):/, ':2000x2000:'),
      href.replace('qujat-modules:', 'https:'),
      `${href}=`,
    ]) {
      expect(parseModuleMark(bad)).toBeNull();
    }
  });
});
