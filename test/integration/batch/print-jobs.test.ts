/**
 * The print job tracker on its own: jobs run one at a time in order, report progress, keep their
 * PDF until they expire, and their number is bounded. The registry and the printer are small
 * in-memory stand-ins for the ports (the real ones are in batch-print.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/domain/index.js';
import { RenderQueueFullError } from '../../../src/render/index.js';
import { createPrintDocuments, createPrintJobs, type BatchPdfPrinter, type PrintCopy } from '../../../src/usecases/index.js';

const A = '260000000152';
const B = '260000000281';
const REVOKED = '260000000310';

const registry = {
  async find(number: string) {
    if (![A, B, REVOKED].includes(number)) return null;
    const status = number === REVOKED ? { code: 'revoked' as const, reason: 'x', at: new Date(0), by: 'x' } : { code: 'valid' as const };
    return { number, status } as unknown as Awaited<ReturnType<Parameters<typeof createPrintDocuments>[0]['registry']['find']>>;
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
    const first = jobs.start([B, A]);
    const second = jobs.start([A, '269999999999', REVOKED]);
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

  it('are bounded, and expire after their time to live', async () => {
    const time = clock();
    const jobs = createPrintJobs(createPrintDocuments({ registry, copies, printer }), { clock: time, maxJobs: 2, ttlMs: 60_000 });
    const first = jobs.start([A]);
    jobs.start([B]);
    expect(() => jobs.start([A])).toThrow(expect.objectContaining({ code: 'PRINT_JOBS_BUSY', kind: 'unavailable' }));
    await jobs.settled();
    // Finished but not fetched: still kept, still counted.
    expect(() => jobs.start([A])).toThrow(expect.objectContaining({ code: 'PRINT_JOBS_BUSY' }));
    time.advance(60_000);
    expect(() => jobs.status(first.id)).toThrow(expect.objectContaining({ code: 'PRINT_JOB_NOT_FOUND', kind: 'not_found' }));
    expect(jobs.start([A]).total).toBe(1);
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
    const failed = jobs.start([A]);
    const next = jobs.start([B]);
    await jobs.settled();
    expect(jobs.status(failed.id)).toMatchObject({ state: 'failed', done: 1, total: 1 });
    expect((jobs.status(failed.id).error as AppError).code).toBe('RENDER_QUEUE_FULL');
    expect(() => jobs.pdf(failed.id)).toThrow(expect.objectContaining({ code: 'RENDER_QUEUE_FULL' }));
    expect(jobs.status(next.id).state).toBe('done');
  });
});
