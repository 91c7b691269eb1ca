/**
 * Batch printing through the real service: 20 documents of every kind and language (one of them
 * several pages long) issued by the issuing use case, printed as one PDF through the HTTP print jobs.
 * Poppler and zbarimg read the result: the pages add up to the single prints, every number is in
 * the text, a page's QR row is its own document's, and the footer stands where the single print
 * has it. Documents that cannot be printed are reported one by one with kk and ru texts.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQrRow, encodePrintedQrRow } from '../../../src/barcode/index.js';
import type { Service } from '../../../src/compose.js';
import { createDocumentRegistry } from '../../../src/registry/index.js';
import { sampleRecord } from '../../helpers/issued-documents.js';
import { normalise, pdfText } from '../../helpers/poppler.js';
import { runProcess } from '../../helpers/run.js';
import { ROOT, startTestService } from '../../helpers/service.js';
import { SYSTEM_PRINCIPAL } from '../../../src/usecases/index.js';

const SAMPLES = path.join(ROOT, 'samples/documents');
// Applications show the application's number in their header, not the document's: the 20 are every other kind.
/** OWNER: the staff key below prints the documents of its own provider only; these are that provider's. */
const OWNER = { providerId: 'ekibastuz-employment', conId: null };
const sampleFiles = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.json') && !f.startsWith('application.')).sort();

let service: Service;
let server: Server;
let base: string;
let staffKey: string;
let work: string;
/** issued: number → page count of its single print, in the order issued. */
const issued: Array<{ number: string; pages: number; pdf: Uint8Array }> = [];

/** run is a poppler or zbar command that must succeed; asynchronous, as these loops run long on a loaded machine. */
async function run(command: string, args: readonly string[]): Promise<string> {
  const result = await runProcess(command, args);
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

/** pageText is pdftotext's normalised text of one page, as pdfPageText reads it. */
async function pageText(bytes: Uint8Array, page: number): Promise<string> {
  const file = path.join(work, `t-${randomBytes(4).toString('hex')}.pdf`);
  fs.writeFileSync(file, bytes);
  return normalise(await run('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']));
}

function pdfPages(pdf: Uint8Array): number {
  const file = path.join(work, `p-${randomBytes(4).toString('hex')}.pdf`);
  fs.writeFileSync(file, pdf);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

/** longCertificate fills a bilingual certificate with long entries: a document of several pages. */
function longCertificate(): unknown {
  const input = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'unemployed-certificate.kk+ru.json'), 'utf8')) as { data: Record<string, unknown> };
  const organisation = (i: number) => ({ kk: `«Екібастұз көгалдандыру ${i}» ЖШС `.repeat(8).trim(), ru: `ТОО «Экибастуз озеленение ${i}» `.repeat(8).trim() });
  input.data.publicWorks = Array.from({ length: 10 }, (_, i) => ({ kind: 'public-works', period: { from: '2026-04-01', to: '2026-06-30' }, organisation: organisation(i) }));
  input.data.training = Array.from({ length: 10 }, (_, i) => ({ kind: 'retraining', period: { from: '2026-07-06', to: '2026-09-25' }, organisation: organisation(i) }));
  return input;
}

async function api(method: string, url: string, body?: unknown, key: string | null = staffKey) {
  return fetch(`${base}${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(key ? { authorization: `Bearer ${key}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

interface JobStatus {
  state: string;
  done: number;
  total: number;
  pages: number | null;
  failures: Array<{ number: string; error: { code: string; message: { kk: string; ru: string } } }>;
  error: { code: string; message: { kk: string; ru: string } } | null;
}

/** printJob starts a job over HTTP and waits for it through the job tracker (no polling loop, no timing). */
async function printJob(numbers: readonly string[]): Promise<{ id: string; status: JobStatus }> {
  const started = await api('POST', '/v1/print-jobs', { numbers });
  expect(started.status).toBe(202);
  const { id, total } = (await started.json()) as { id: string; total: number };
  expect(total).toBe(numbers.length);
  expect(started.headers.get('location')).toBe(`/v1/print-jobs/${id}`);
  await service.printJobs.settled();
  const status = await api('GET', `/v1/print-jobs/${id}`);
  expect(status.status).toBe(200);
  return { id, status: (await status.json()) as JobStatus };
}

beforeAll(async () => {
  service = await startTestService('batch');
  staffKey = (await service.apiKeys.add({ role: 'PROVIDER_EMPLOYEE', providerId: 'ekibastuz-employment' })).key;
  server = service.app.listen(0, '127.0.0.1');
  // Longer than the slowest step between two requests here, so that fetch never reuses a socket the server is closing.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-batch-test-'));
  const inputs: unknown[] = sampleFiles.slice(0, 19).map((f) => JSON.parse(fs.readFileSync(path.join(SAMPLES, f), 'utf8')));
  inputs.splice(7, 0, longCertificate());
  for (const input of inputs) {
    const document = await service.issueDocument(input, OWNER);
    issued.push({ number: document.number, pages: document.pages, pdf: document.pdf });
  }
}, 240_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server?.closeAllConnections();
  await service?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('a batch of 20 issued documents', () => {
  let pdf: Uint8Array;
  let status: JobStatus;
  /** firstPage: where each document starts in the batch (1-based). */
  const firstPage: number[] = [];

  beforeAll(async () => {
    const job = await printJob(issued.map((d) => d.number));
    status = job.status;
    const response = await api('GET', `/v1/print-jobs/${job.id}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    pdf = new Uint8Array(await response.arrayBuffer());
    let page = 1;
    for (const document of issued) {
      firstPage.push(page);
      page += document.pages;
    }
  }, 240_000);

  it('is one PDF whose pages are the single prints added up, at least 20', () => {
    expect(issued).toHaveLength(20);
    expect(new Set(issued.map((d) => d.number)).size).toBe(20);
    // The issuing use case's page counts are what pdfinfo reads from the issued PDFs.
    for (const document of issued) expect(pdfPages(document.pdf)).toBe(document.pages);
    expect(issued.some((d) => d.pages >= 2)).toBe(true);
    const sum = issued.reduce((total, d) => total + d.pages, 0);
    expect(status).toMatchObject({ state: 'done', done: 20, total: 20, pages: sum, failures: [], error: null });
    expect(pdfPages(pdf)).toBe(sum);
    expect(sum).toBeGreaterThanOrEqual(20);
  });

  it('holds the 20 numbers in its text, each on the first page of its own document', async () => {
    const text = pdfText(pdf);
    for (const document of issued) expect(text).toContain(document.number);
    for (const [i, document] of issued.entries()) {
      const page = await pageText(pdf, firstPage[i]!);
      expect(page).toContain(document.number);
      for (const other of issued) if (other !== document) expect(page).not.toContain(other.number);
    }
  });

  it('has the words of each single print on the same pages', async () => {
    // As a multiset: the watermark's letters come out elsewhere in pdftotext's reading order.
    const words = async (bytes: Uint8Array, page: number) => (await pageText(bytes, page)).split(' ').sort();
    for (const [i, document] of issued.entries()) {
      for (let page = 1; page <= document.pages; page++) {
        expect(await words(pdf, firstPage[i]! + page - 1)).toEqual(await words(document.pdf, page));
      }
    }
  });

  it('carries on a page the QR row of that page’s document, read by zbarimg from a 200-dpi raster', async () => {
    const codes = async (bytes: Uint8Array, page: number) => {
      const name = path.join(work, `zbar-${randomBytes(4).toString('hex')}`);
      fs.writeFileSync(`${name}.pdf`, bytes);
      await run('pdftoppm', ['-r', '200', '-png', '-f', String(page), '-l', String(page), '-singlefile', `${name}.pdf`, name]);
      const read = await runProcess('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', `${name}.png`]);
      return read.stdout.split('\n').filter((c) => c.startsWith('QJ1:')).sort();
    };
    const long = issued.findIndex((d) => d.pages >= 2);
    // The second page of the long document, and the one-page document printed after it: each page
    // carries exactly the row its own signed XML makes.
    for (const [index, page] of [
      [long, 2],
      [long + 1, 1],
    ] as const) {
      const document = issued[index]!;
      const expected = encodePrintedQrRow(await service.registry.readXml(document.number), document.number).parts.slice().sort();
      expect(await codes(pdf, firstPage[index]! + page - 1)).toEqual(expected);
    }
    const short = issued[long + 1]!;
    expect(decodeQrRow(await codes(pdf, firstPage[long + 1]!), { maxInflatedBytes: 1024 * 1024 }).number).toBe(short.number);
  });

  it('puts the footer where the single print has it, on every page of a long document', async () => {
    const lastLineTop = async (bytes: Uint8Array, page: number) => {
      const file = path.join(work, `bbox-${randomBytes(4).toString('hex')}.pdf`);
      fs.writeFileSync(file, bytes);
      const words = await run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']);
      return Number([...words.matchAll(/yMin="([\d.]+)"/g)].at(-1)?.[1]);
    };
    const long = issued.findIndex((d) => d.pages >= 2);
    for (const i of [0, long]) {
      for (let page = 1; page <= issued[i]!.pages; page++) {
        // Within one CSS pixel (0.75 pt): Chromium places a fixed footer in the exact page area.
        expect(Math.abs((await lastLineTop(pdf, firstPage[i]! + page - 1)) - (await lastLineTop(issued[i]!.pdf, page)))).toBeLessThanOrEqual(0.8);
      }
    }
  });
});

describe('documents that cannot be printed', () => {
  it('are reported one by one, with kk and ru texts, and the others print', async () => {
    const registry = createDocumentRegistry(service.db);
    // A document registered without its HTML, as every document issued before migration 0004.
    const old = await registry.next('unemployed-certificate', new Date());
    await service.db.transaction((trx) => registry.register(trx, { ...sampleRecord(old), owner: OWNER }));
    const revoked = issued[3]!.number;
    await registry.revoke(revoked, { reason: 'test', at: new Date(), by: 'test' });
    const unknown = '269999999999';
    const { id, status } = await printJob([issued[0]!.number, unknown, old, revoked, issued[1]!.number]);
    expect(status).toMatchObject({ state: 'done', done: 5, total: 5, pages: issued[0]!.pages + issued[1]!.pages, error: null });
    expect(status.failures.map((f) => [f.number, f.error.code])).toEqual([
      [unknown, 'DOCUMENT_NOT_FOUND'],
      [old, 'DOCUMENT_PRINT_COPY_MISSING'],
      [revoked, 'DOCUMENT_NOT_VALID_FOR_PRINT'],
    ]);
    for (const failure of status.failures) {
      expect(failure.error.message.kk).toContain(failure.number);
      expect(failure.error.message.ru).toContain(failure.number);
    }
    const text = pdfText(new Uint8Array(await (await api('GET', `/v1/print-jobs/${id}.pdf`)).arrayBuffer()));
    expect(text).toContain(issued[0]!.number);
    expect(text).toContain(issued[1]!.number);
    expect(text).not.toContain(revoked);
  });

  it('a batch with nothing printable fails as a job, and its PDF answers 404 with the reasons', async () => {
    const { id, status } = await printJob(['269999999998']);
    expect(status.state).toBe('failed');
    expect(status.error?.code).toBe('PRINT_NOTHING_PRINTED');
    const response = await api('GET', `/v1/print-jobs/${id}.pdf`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: { kk: string; ru: string }; details: unknown } };
    expect(body.error.code).toBe('PRINT_NOTHING_PRINTED');
    expect(body.error.message.kk.length).toBeGreaterThan(0);
    expect(body.error.message.ru.length).toBeGreaterThan(0);
    expect(body.error.details).toEqual({ failures: [{ number: '269999999998', code: 'DOCUMENT_NOT_FOUND' }] });
  });
});

describe('the print use case', () => {
  it('reports progress up to the total, never going back', async () => {
    const numbers = issued.slice(4, 10).map((d) => d.number);
    const seen: Array<[number, number]> = [];
    const result = await service.printDocuments.print([...numbers, '269999999997'], SYSTEM_PRINCIPAL, { onProgress: (done, total) => seen.push([done, total]) });
    expect(result.printed).toEqual(numbers);
    expect(seen.at(-1)).toEqual([7, 7]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
    expect(seen.every(([, total]) => total === 7)).toBe(true);
  });
});

describe('bad requests', () => {
  const cases = [
    { name: 'no numbers', body: {}, status: 400, code: 'PRINT_BATCH_EMPTY' },
    { name: 'an empty list', body: { numbers: [] }, status: 400, code: 'PRINT_BATCH_EMPTY' },
    { name: 'a malformed number', body: { numbers: ['12345'] }, status: 400, code: 'INVALID_DOCUMENT_NUMBER' },
    { name: 'a number that is not a string', body: { numbers: [260000000152] }, status: 400, code: 'INVALID_DOCUMENT_NUMBER' },
    { name: 'a number twice', body: { numbers: ['260000000152', '260000000152'] }, status: 400, code: 'PRINT_BATCH_DUPLICATE' },
    { name: '501 numbers', body: { numbers: Array.from({ length: 501 }, (_, i) => String(260000000000 + i)) }, status: 400, code: 'PRINT_BATCH_TOO_LARGE' },
  ];
  it.each(cases)('$name → $status $code with kk and ru texts', async ({ body, status, code }) => {
    const response = await api('POST', '/v1/print-jobs', body);
    expect(response.status).toBe(status);
    const { error } = (await response.json()) as { error: { code: string; message: { kk: string; ru: string } } };
    expect(error.code).toBe(code);
    expect(error.message.kk).toMatch(/[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
    expect(error.message.ru).toMatch(/[А-Яа-я]/);
  });

  it('without the key → 401; an applicant\'s key → 403; an unknown job → 404; the PDF of an unfinished job → 409', async () => {
    expect((await api('POST', '/v1/print-jobs', { numbers: [issued[0]!.number] }, null)).status).toBe(401);
    const applicant = (await service.apiKeys.add({ role: 'APPLICANT', iin: '880412301010' })).key;
    expect((await api('POST', '/v1/print-jobs', { numbers: [issued[0]!.number] }, applicant)).status).toBe(403);
    expect((await api('GET', '/v1/print-jobs/abc', undefined, null)).status).toBe(401);
    const unknown = await api('GET', '/v1/print-jobs/no-such-job.pdf');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('PRINT_JOB_NOT_FOUND');
    // The job is queued and runs after this turn of the event loop: its PDF is not there yet.
    const { id } = service.printJobs.start([issued[0]!.number], SYSTEM_PRINCIPAL);
    expect(() => service.printJobs.pdf(id)).toThrow(expect.objectContaining({ code: 'PRINT_JOB_NOT_READY', kind: 'conflict' }));
    await service.printJobs.settled();
    expect(service.printJobs.status(id).state).toBe('done');
  });
});
