/**
 * The print job tracker on its own: jobs run one at a time in order, report progress, keep their
 * PDF until they expire, and their number is bounded. The registry and the printer are small
 * in-memory stand-ins for the ports (the real ones are in batch-print.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/domain/index.js';
import { RenderQueueFullError } from '../../../src/render/index.js';
import { createPrintDocuments, createPrintJobs, type BatchPdfPrinter, type Principal, type PrintCopy } from '../../../src/usecases/index.js';

const A = '260000000152';
const B = '260000000281';
const REVOKED = '260000000310';
const SYSTEM: Principal = { id: 'system', role: 'SYSTEM' };
/** OWNERS: A is the employment department's, taken at a ЦОН; B and REVOKED the education department's. */
const OWNERS: Record<string, { providerId: string; conId: string | null }> = {
  [A]: { providerId: 'ekibastuz-employment', conId: 'con-ekibastuz' },
  [B]: { providerId: 'urzhar-education', conId: null },
  [REVOKED]: { providerId: 'urzhar-education', conId: null },
};

const registry = {
  async find(number: string) {
    if (![A, B, REVOKED].includes(number)) return null;
    const status = number === REVOKED ? { code: 'revoked' as const, reason: 'x', at: new Date(0), by: 'x' } : { code: 'valid' as const };
    return { number, status, applicant: { iin: '880412301010', name: 'x' }, owner: OWNERS[number] } as unknown as Awaited<ReturnType<Parameters<typeof createPrintDocuments>[0]['registry']['find']>>;
  },
};
const copies = { readHtml: async (number: string): Promise<PrintCopy> => ({ html: `<p>${number}</p>`, pages: 1 }) };

/** printer "prints" a document as its HTML, one line each, reporting progress after every one. */
const printer: BatchPdfPrinter = {
  async print(documents, options) {
    const lines: string[] = [];
    for await (const document of documents) {
      lines.push(document.html);
      options.onProgress?.(lines.length, options.total);
    }
    return { bytes: new TextEncoder().encode(lines.join('\n')), pages: lines.length };
  },
};

function clock() {
  let now = Date.parse('2026-11-22T06:00:00Z');
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('print jobs', () => {
  it('print in order and keep the PDF, the failures and the progress', async () => {
    const time = clock();
    const jobs = createPrintJobs(createPrintDocuments({ registry, copies, printer }), { clock: time });
    const first = jobs.start([B, A], SYSTEM);
    const second = jobs.start([A, '269999999999', REVOKED], SYSTEM);
    expect(jobs.status(first.id)).toMatchObject({ state: 'queued', done: 0, total: 2, expiresAt: null });
    await jobs.settled();
    expect(new TextDecoder().decode(jobs.pdf(first.id))).toBe(`<p>${B}</p>\n<p>${A}</p>`);
    const status = jobs.status(second.id);
    expect(status).toMatchObject({ state: 'done', done: 3, total: 3, pages: 1, error: null });
    expect(status.failures.map((f) => [f.number, f.error.code])).toEqual([
      ['269999999999', 'DOCUMENT_NOT_FOUND'],
      [REVOKED, 'DOCUMENT_NOT_VALID_FOR_PRINT'],
    ]);
    expect(status.expiresAt?.toISOString()).toBe('2026-11-22T06:15:00.000Z');
  });

  it('print only what the caller may read; another provider’s or ЦОН’s document fails as one that does not exist', async () => {
    const jobs = createPrintJobs(createPrintDocuments({ registry, copies, printer }), { clock: clock() });
    const employment: Principal = { id: 'key:employment', role: 'PROVIDER_EMPLOYEE', providerId: 'ekibastuz-employment' };
    const education: Principal = { id: 'key:education', role: 'PROVIDER_HEAD', providerId: 'urzhar-education' };
    const con: Principal = { id: 'key:con', role: 'CON_OPERATOR', conId: 'con-ekibastuz' };
    const otherCon: Principal = { id: 'key:con-2', role: 'CON_OPERATOR', conId: 'con-pavlodar' };
    const unknown = '269999999999';
    const ids = [employment, education, con, otherCon].map((who) => jobs.start([A, B, REVOKED, unknown], who).id);
    await jobs.settled();
    const outcome = (id: string) => {
      const status = jobs.status(id);
      return { printed: status.state === 'done' ? new TextDecoder().decode(jobs.pdf(id)) : null, failures: status.failures.map((f) => [f.number, f.error.code, f.error.params]) };
    };
    const notFound = (number: string) => [number, 'DOCUMENT_NOT_FOUND', { number }];
    expect(outcome(ids[0]!)).toEqual({ printed: `<p>${A}</p>`, failures: [notFound(B), notFound(REVOKED), notFound(unknown)] });
    // The revoked document is the education department's own: only its staff learn it is revoked.
    expect(outcome(ids[1]!)).toEqual({ printed: `<p>${B}</p>`, failures: [notFound(A), [REVOKED, 'DOCUMENT_NOT_VALID_FOR_PRINT', { number: REVOKED, status: 'revoked' }], notFound(unknown)] });
    expect(outcome(ids[2]!)).toEqual({ printed: `<p>${A}</p>`, failures: [notFound(B), notFound(REVOKED), notFound(unknown)] });
    expect(jobs.status(ids[3]!)).toMatchObject({ state: 'failed' });
    expect(jobs.status(ids[3]!).error?.code).toBe('PRINT_NOTHING_PRINTED');
  });

  it('are bounded, and expire after their time to live', async () => {
    const time = clock();
    const jobs = createPrintJobs(createPrintDocuments({ registry, copies, printer }), { clock: time, maxJobs: 2, ttlMs: 60_000 });
    const first = jobs.start([A], SYSTEM);
    jobs.start([B], SYSTEM);
    expect(() => jobs.start([A], SYSTEM)).toThrow(expect.objectContaining({ code: 'PRINT_JOBS_BUSY', kind: 'unavailable' }));
    await jobs.settled();
    // Finished but not fetched: still kept, still counted.
    expect(() => jobs.start([A], SYSTEM)).toThrow(expect.objectContaining({ code: 'PRINT_JOBS_BUSY' }));
    time.advance(60_000);
    expect(() => jobs.status(first.id)).toThrow(expect.objectContaining({ code: 'PRINT_JOB_NOT_FOUND', kind: 'not_found' }));
    expect(jobs.start([A], SYSTEM).total).toBe(1);
  });

  it('fail with the printer’s error, and the next job still runs', async () => {
    let calls = 0;
    const flaky: BatchPdfPrinter = {
      async print(documents, options) {
        if (++calls === 1) throw new RenderQueueFullError({ limit: 1 });
        return printer.print(documents, options);
      },
    };
    const jobs = createPrintJobs(createPrintDocuments({ registry, copies, printer: flaky }), { clock: clock() });
    const failed = jobs.start([A], SYSTEM);
    const next = jobs.start([B], SYSTEM);
    await jobs.settled();
    expect(jobs.status(failed.id)).toMatchObject({ state: 'failed', done: 1, total: 1 });
    expect((jobs.status(failed.id).error as AppError).code).toBe('RENDER_QUEUE_FULL');
    expect(() => jobs.pdf(failed.id)).toThrow(expect.objectContaining({ code: 'RENDER_QUEUE_FULL' }));
    expect(jobs.status(next.id).state).toBe('done');
  });
});
