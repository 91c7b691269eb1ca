/**
 * The PDF container: finishPdf on a Chromium PDF, read back by us and by poppler and qpdf;
 * readPdfAttachment on PDFs we did not make (qpdf attachments, none, several, bombs, garbage).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/domain/index.js';
import {
  chromiumLauncher,
  createBrowserPool,
  createPdfEngine,
  extractQrPayloadsFromPdf,
  finishPdf,
  loadAssets,
  pagePreparer,
  PdfRasterizerMissingError,
  PdfUnreadableError,
  readPdfAttachment,
  type BrowserPool,
} from '../../../src/render/index.js';
import { signedXmlOfSize } from '../../unit/barcode/fixtures.js';

const run = promisify(execFile);
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const codeOf = (error: unknown) => (error as AppError).code;

let pool: BrowserPool;
let dir: string;
let printed: Uint8Array;
const xml = signedXmlOfSize(7 * 1024);
const TITLE = 'Жұмыссыз ретінде тіркелу туралы анықтама / Справка о регистрации в качестве безработного';

beforeAll(async () => {
  pool = createBrowserPool(
    { concurrency: 1, queueLimit: 4, restartAfter: 50, timeoutMs: 30_000 },
    { launch: chromiumLauncher('/usr/bin/chromium'), preparePage: pagePreparer(loadAssets('fonts')), logger: silent },
  );
  dir = await mkdtemp(path.join(os.tmpdir(), 'qujat-pdf-'));
  printed = (await createPdfEngine(pool).print('<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>x</title></head><body><p>Анықтама</p></body></html>')).bytes;
});

afterAll(async () => {
  await pool?.close();
  await rm(dir, { recursive: true, force: true });
});

async function save(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

describe('finishPdf', () => {
  it('attaches document.xml and sets the metadata that poppler and qpdf read back', async () => {
    const created = new Date('2026-11-22T05:15:00Z');
    const pdf = await finishPdf(printed, { xml, title: TITLE, language: 'kk', creationDate: created, subject: 'unemployed-certificate', keywords: ['261234567890'] });
    const file = await save('finished.pdf', pdf);
    expect(Buffer.from((await readPdfAttachment(pdf, 'document.xml'))!).equals(Buffer.from(xml))).toBe(true);

    const { stdout: list } = await run('pdfdetach', ['-list', file]);
    expect(list).toMatch(/1 embedded files\s+1: document\.xml/);
    await run('pdfdetach', ['-save', '1', '-o', path.join(dir, 'detached.xml'), file]);
    expect((await readFile(path.join(dir, 'detached.xml'))).equals(Buffer.from(xml))).toBe(true);

    const { stdout: info } = await run('pdfinfo', ['-isodates', file]);
    expect(info.split('\n').find((line) => line.startsWith('Title:'))?.replace(/^Title:\s+/, '')).toBe(TITLE);
    expect(info).toMatch(/Producer:\s+Qujat/);
    expect(info).toMatch(/CreationDate:\s+2026-11-22T05:15:00/);
    expect(info).toMatch(/Subject:\s+unemployed-certificate/);

    const { stdout: check } = await run('qpdf', ['--check', file]);
    expect(check).toContain('No syntax or stream encoding errors found');

    const doc = await PDFDocument.load(pdf);
    expect(doc.catalog.get(PDFName.of('Lang'))).toEqual(PDFString.of('kk'));
    expect(doc.catalog.get(PDFName.of('AF'))).toBeDefined();
    const { stdout: json } = await run('qpdf', ['--json', '--json-key=attachments', file]);
    const attachment = JSON.parse(json).attachments['document.xml'];
    expect(attachment.filespec).toBeDefined();
    expect(json).toContain('application/xml');
  });

  it('refuses a language that is not a BCP 47 tag', async () => {
    await expect(finishPdf(printed, { xml, title: 't', language: 'kk+ru', creationDate: new Date() })).rejects.toThrow(TypeError);
  });
});

describe('readPdfAttachment on PDFs we did not make', () => {
  it('reads an attachment added by qpdf and returns null when there is none', async () => {
    const plain = await save('plain.pdf', printed);
    const xmlFile = await save('document.xml', xml);
    const withQpdf = path.join(dir, 'qpdf.pdf');
    await run('qpdf', [plain, '--add-attachment', xmlFile, '--key=document.xml', '--mimetype=application/xml', '--', withQpdf]);
    expect(Buffer.from((await readPdfAttachment(await readFile(withQpdf), 'document.xml'))!).equals(Buffer.from(xml))).toBe(true);
    expect(await readPdfAttachment(printed, 'document.xml')).toBeNull();
    expect(await readPdfAttachment(await readFile(withQpdf), 'other.xml')).toBeNull();
  });

  it('refuses two attachments of the same name, an inflate bomb, and bytes that are not a PDF', async () => {
    const doc = await PDFDocument.load(printed);
    await doc.attach(xml, 'document.xml', { mimeType: 'application/xml' });
    await doc.attach(Buffer.from('<other/>'), 'document.xml', { mimeType: 'application/xml' });
    expect(await readPdfAttachment(await doc.save(), 'document.xml').catch(codeOf)).toBe(PdfUnreadableError.code);

    // 64 MiB of zeros compress to ~64 KB: pdf-lib would inflate it all, our reader stops at the cap.
    const bombDoc = await PDFDocument.load(printed);
    await bombDoc.attach(Buffer.alloc(64 * 1024 * 1024), 'document.xml', { mimeType: 'application/xml' });
    const bomb = await bombDoc.save();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(await readPdfAttachment(bomb, 'document.xml', { maxAttachmentBytes: 1024 * 1024 }).catch(codeOf)).toBe(PdfUnreadableError.code);

    expect(await readPdfAttachment(Buffer.from('not a pdf at all'), 'document.xml').catch(codeOf)).toBe(PdfUnreadableError.code);
    expect(await readPdfAttachment(printed, 'document.xml', { maxPdfBytes: 100 }).catch(codeOf)).toBe(PdfUnreadableError.code);
  });
});

describe('extractQrPayloadsFromPdf', () => {
  it('says clearly when pdftoppm is missing', async () => {
    const error = await extractQrPayloadsFromPdf(printed, { decodeImage: async () => [], pdftoppm: '/nonexistent/pdftoppm' }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe(PdfRasterizerMissingError.code);
  });

  it('refuses bytes that poppler cannot open', async () => {
    const error = await extractQrPayloadsFromPdf(Buffer.from('%PDF-1.7 broken'), { decodeImage: async () => [] }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe(PdfUnreadableError.code);
  });
});
