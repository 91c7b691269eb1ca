/**
 * Interop with decoders we did not write: the row is printed by the real render pipeline
 * (Chromium, blocked network, the codes drawn into the PDF as module marks), rasterised by poppler
 * at 150 dpi and read by zbarimg;
 * then a "photo" of the page (scaled, tilted, noisy) is read by our image decoder.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQrCodesInImage, decodeQrRow, encodeQrRow } from '../../../src/barcode/index.js';
import {
  chromiumLauncher,
  createBrowserPool,
  createPdfEngine,
  extractQrPayloadsFromPdf,
  finishPdf,
  loadAssets,
  pagePreparer,
  readPdfAttachment,
  type BrowserPool,
} from '../../../src/render/index.js';
import { signedXmlOfSize } from '../../unit/barcode/fixtures.js';
import { photograph, readPng, writeJpeg, writePng } from '../../unit/barcode/photo.js';
import { barcodePage } from './page.js';

const run = promisify(execFile);
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const NUMBER = '261234567890';
const LINK = `https://qujat.example.kz/verify/${NUMBER}?t=Zm9vYmFyYmF6cXV4cXV1eHh4`;
const LIMIT = { maxInflatedBytes: 1024 * 1024 };

let pool: BrowserPool;
let dir: string;

beforeAll(async () => {
  pool = createBrowserPool(
    { concurrency: 1, queueLimit: 4, restartAfter: 50, timeoutMs: 30_000 },
    { launch: chromiumLauncher('/usr/bin/chromium'), preparePage: pagePreparer(loadAssets('fonts')), logger: silent },
  );
  dir = await mkdtemp(path.join(os.tmpdir(), 'qujat-interop-'));
});

afterAll(async () => {
  await pool?.close();
  await rm(dir, { recursive: true, force: true });
});

async function zbar(file: string): Promise<string[]> {
  // zbarimg exits 4 when it finds nothing; the assertion below then says what was missing.
  const { stdout } = await run('zbarimg', ['--raw', '-q', file]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return stdout.split('\n').filter((line) => line !== '');
}

describe.each([
  ['6 KB', 6 * 1024],
  ['8 KB', 8 * 1024],
])('a printed %s signed XML', (_label, size) => {
  const xml = signedXmlOfSize(size, size);
  const row = encodeQrRow(xml, { number: NUMBER });
  let pdf: Uint8Array;
  let raster: Buffer;
  let camera: Buffer;

  beforeAll(async () => {
    const printed = await createPdfEngine(pool).print(barcodePage(row, NUMBER, LINK));
    expect(printed.pages).toBe(1);
    pdf = await finishPdf(printed.bytes, { xml, title: 'Test', language: 'kk', creationDate: new Date('2026-11-22T05:15:00Z') });
    const file = path.join(dir, `page-${size}.pdf`);
    await writeFile(file, pdf);
    await run('pdftoppm', ['-r', '150', '-png', '-singlefile', file, path.join(dir, `page-${size}`)]);
    raster = await readFile(path.join(dir, `page-${size}.png`));
    // A phone photo of a whole A4 page (12 MP) resolves about 300 dpi; the 150-dpi raster scaled
    // by 0.9 would leave 1.9 px per module, below what any decoder needs.
    await run('pdftoppm', ['-r', '300', '-gray', '-png', '-singlefile', file, path.join(dir, `camera-${size}`)]);
    camera = await readFile(path.join(dir, `camera-${size}.png`));
  });

  it('is read completely by zbarimg from a 150-dpi raster and reassembles to the same bytes', async () => {
    const file = path.join(dir, `page-${size}.png`);
    const scanned = await zbar(file);
    for (const part of row.parts) expect(scanned).toContain(part);
    expect(scanned).toContain(LINK);
    expect(scanned).toContain(NUMBER);
    const back = decodeQrRow(scanned, LIMIT);
    expect(back.number).toBe(NUMBER);
    expect(Buffer.from(back.xml).equals(Buffer.from(xml))).toBe(true);
    // Our decoder reads the same raster as well.
    expect((await decodeQrCodesInImage(raster)).sort()).toEqual([...row.parts, LINK].sort());
  });

  it('still reads from a scaled, tilted, noisy photo of the page (PNG and JPEG)', async () => {
    const photo = photograph(readPng(camera), { scale: 0.8, angleDeg: 3, noise: 30 });
    for (const image of [writePng(photo), writeJpeg(photo, 85)]) {
      const found = await decodeQrCodesInImage(image);
      for (const part of row.parts) expect(found).toContain(part);
      expect(Buffer.from(decodeQrRow(found, LIMIT).xml).equals(Buffer.from(xml))).toBe(true);
    }
  });

  it('agrees with its own attachment when read back from the PDF', async () => {
    const attachment = await readPdfAttachment(pdf, 'document.xml');
    const payloads = await extractQrPayloadsFromPdf(pdf, { decodeImage: (png) => decodeQrCodesInImage(png) });
    expect(payloads).toContain(LINK);
    const fromRow = decodeQrRow(payloads, LIMIT).xml;
    expect(attachment).not.toBeNull();
    expect(Buffer.from(fromRow).equals(Buffer.from(attachment!))).toBe(true);
  });
});
