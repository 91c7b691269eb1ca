/**
 * print-documents: paper copies of issued documents, many as one PDF (operators' print runs).
 * A copy is the issued document itself, printed again from the HTML kept at issue time, so it
 * has the same number, barcodes and verification QR. A document that cannot be printed (unknown,
 * not the caller's to read, issued before the HTML was kept, no longer valid) is reported on its own
 * and the others print; one the caller may not read is reported exactly as an unknown one.
 *
 * Large batches run as jobs in this process: start → id, status {state, done, total}, the PDF;
 * one job prints at a time, finished jobs expire, and the number of jobs kept is bounded.
 */
import { randomBytes } from 'node:crypto';
import { AppError, defineError, InternalError, InvalidDocumentNumberError } from '../domain/index.js';
import type { Principal } from './applications/types.js';
import { readableDocument } from './document-access.js';
import type { Clock, IssuedDocuments } from './ports.js';

/** PrintBatchEmptyError: no list of document numbers was given, or it is empty. */
export const PrintBatchEmptyError = defineError('PRINT_BATCH_EMPTY', 'invalid');
/** PrintBatchTooLargeError: more numbers than one print run may hold. */
export const PrintBatchTooLargeError = defineError<{ count: number; limit: number }>('PRINT_BATCH_TOO_LARGE', 'invalid');
/** PrintBatchDuplicateError: a number is listed twice; a print run prints each document once. */
export const PrintBatchDuplicateError = defineError<{ number: string }>('PRINT_BATCH_DUPLICATE', 'invalid');
/** DocumentNotValidForPrintError: a revoked or superseded document gets no new paper copy. */
export const DocumentNotValidForPrintError = defineError<{ number: string; status: string }>('DOCUMENT_NOT_VALID_FOR_PRINT', 'conflict');
/** PrintNothingPrintedError: not one document of the batch could be printed; `failures` says why for each. */
export const PrintNothingPrintedError = defineError<{ failures: ReadonlyArray<{ number: string; code: string }> }>('PRINT_NOTHING_PRINTED', 'not_found');
/** PrintJobNotFoundError: no such job, or it expired. */
export const PrintJobNotFoundError = defineError<{ id: string }>('PRINT_JOB_NOT_FOUND', 'not_found');
/** PrintJobNotReadyError: the job's PDF is asked for before the job has finished. */
export const PrintJobNotReadyError = defineError<{ id: string; done: number; total: number }>('PRINT_JOB_NOT_READY', 'conflict');
/** PrintJobsBusyError: as many jobs as this instance keeps are queued, running or waiting to be fetched. */
export const PrintJobsBusyError = defineError<{ limit: number }>('PRINT_JOBS_BUSY', 'unavailable');

/** PrintCopy is a document's printed HTML and the page count of its print. */
export interface PrintCopy {
  readonly html: string;
  readonly pages: number;
}

/** PrintCopies reads the printed HTML: DocumentNotFoundError, or the registry's error for a document without it. */
export interface PrintCopies {
  readHtml(number: string): Promise<PrintCopy>;
}

/** BatchPdfPrinter prints documents in order as one PDF, reporting documents done. */
export interface BatchPdfPrinter {
  print(
    documents: AsyncIterable<PrintCopy>,
    options: { readonly total: number; readonly onProgress?: (done: number, total: number) => void },
  ): Promise<{ readonly bytes: Uint8Array; readonly pages: number }>;
}

export interface PrintDocumentsDeps {
  readonly registry: Pick<IssuedDocuments, 'find'>;
  readonly copies: PrintCopies;
  readonly printer: BatchPdfPrinter;
  /** maxDocuments per print run (default 500). */
  readonly maxDocuments?: number;
}

/** PrintFailure is a document left out of the print, and why. */
export interface PrintFailure {
  readonly number: string;
  readonly error: AppError;
}

/** PrintResult is the PDF of the documents that printed, in the order asked, and those that did not. */
export interface PrintResult {
  readonly pdf: Uint8Array;
  readonly pages: number;
  readonly printed: readonly string[];
  readonly failures: readonly PrintFailure[];
}

/** PrintProgress counts documents done (printed or left out) out of the batch. */
export type PrintProgress = (done: number, total: number) => void;

async function* prepend<T>(head: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

const asAppError = (error: unknown): AppError => (error instanceof AppError ? error : new InternalError({}, { cause: error }));

/** createPrintDocuments builds the use case: numbers checks a request's list, print prints it. */
export function createPrintDocuments(deps: PrintDocumentsDeps) {
  const limit = deps.maxDocuments ?? 500;

  /** numbers checks the list a caller sent: 1..limit distinct 12-digit document numbers. */
  function numbers(input: unknown): string[] {
    if (!Array.isArray(input) || input.length === 0) throw new PrintBatchEmptyError({});
    if (input.length > limit) throw new PrintBatchTooLargeError({ count: input.length, limit });
    const seen = new Set<string>();
    for (const item of input) {
      if (typeof item !== 'string' || !/^\d{12}$/.test(item)) throw new InvalidDocumentNumberError({ number: String(item).slice(0, 40) });
      if (seen.has(item)) throw new PrintBatchDuplicateError({ number: item });
      seen.add(item);
    }
    return [...seen];
  }

  async function copyOf(number: string, principal: Principal): Promise<PrintCopy> {
    // Another provider's or ЦОН's document is not found, before its status could tell it exists.
    const document = readableDocument(principal, await deps.registry.find(number), number);
    if (document.status.code !== 'valid') throw new DocumentNotValidForPrintError({ number, status: document.status.code });
    return deps.copies.readHtml(number);
  }

  /** print prints the documents of the list that the principal may read. */
  async function print(input: unknown, principal: Principal, options: { readonly onProgress?: PrintProgress } = {}): Promise<PrintResult> {
    const list = numbers(input);
    const failures: PrintFailure[] = [];
    const printed: string[] = [];
    let printedDone = 0;
    const report = () => options.onProgress?.(printedDone + failures.length, list.length);
    async function* copies(): AsyncGenerator<PrintCopy> {
      for (const number of list) {
        let copy: PrintCopy;
        try {
          copy = await copyOf(number, principal);
        } catch (error) {
          // A lookup that fails for the store's own reasons fails the batch; a document's own problem is its own.
          if (!(error instanceof AppError) || error.kind === 'unavailable' || error.kind === 'internal') throw error;
          failures.push({ number, error });
          report();
          continue;
        }
        printed.push(number);
        yield copy;
      }
    }
    // The printer needs at least one document: look for the first printable one before calling it.
    const pending = copies();
    const first = await pending.next();
    if (first.done) throw new PrintNothingPrintedError({ failures: failures.map((f) => ({ number: f.number, code: f.error.code })) });
    const output = await deps.printer.print(prepend(first.value, pending), {
      total: list.length,
      onProgress: (done) => {
        printedDone = done;
        report();
      },
    });
    return { pdf: output.bytes, pages: output.pages, printed, failures };
  }

  return { limit, numbers, print };
}

/** PrintDocuments is what createPrintDocuments returns. */
export type PrintDocuments = ReturnType<typeof createPrintDocuments>;

/** PrintJobState: queued, running, done (the PDF is ready) or failed (`error` says why). */
export type PrintJobState = 'queued' | 'running' | 'done' | 'failed';

/** PrintJobStatus is what a caller polling a job sees. */
export interface PrintJobStatus {
  readonly id: string;
  readonly state: PrintJobState;
  readonly done: number;
  readonly total: number;
  readonly pages: number | null;
  readonly failures: readonly PrintFailure[];
  readonly error: AppError | null;
  /** expiresAt: when a finished job and its PDF are dropped (null while it is not finished). */
  readonly expiresAt: Date | null;
}

interface Job {
  readonly id: string;
  state: PrintJobState;
  done: number;
  readonly total: number;
  result: PrintResult | null;
  error: AppError | null;
  finishedAt: number | null;
}

export interface PrintJobsOptions {
  /** ttlMs: how long a finished job is kept (default 15 minutes). */
  readonly ttlMs?: number;
  /** maxJobs: jobs kept at once, finished ones included (default 8): each holds its PDF. */
  readonly maxJobs?: number;
  readonly clock: Clock;
}

/** createPrintJobs runs print runs in the background, one at a time, in this process. */
export function createPrintJobs(printDocuments: PrintDocuments, options: PrintJobsOptions) {
  const ttlMs = options.ttlMs ?? 15 * 60_000;
  const maxJobs = options.maxJobs ?? 8;
  const jobs = new Map<string, Job>();
  let queue: Promise<void> = Promise.resolve();
  const now = () => options.clock.now().getTime();

  function expire(): void {
    for (const [id, job] of jobs) if (job.finishedAt !== null && now() - job.finishedAt >= ttlMs) jobs.delete(id);
  }

  async function run(job: Job, list: readonly string[], principal: Principal): Promise<void> {
    job.state = 'running';
    try {
      job.result = await printDocuments.print(list, principal, {
        onProgress: (done) => {
          job.done = done;
        },
      });
      job.state = 'done';
    } catch (error) {
      job.error = asAppError(error);
      job.state = 'failed';
    }
    job.done = job.total;
    job.finishedAt = now();
  }

  function find(id: string): Job {
    expire();
    const job = jobs.get(id);
    if (!job) throw new PrintJobNotFoundError({ id: id.slice(0, 40) });
    return job;
  }

  return {
    /** start checks the list (4xx errors at once) and queues the job, which prints what the principal may read. */
    start(input: unknown, principal: Principal): { id: string; total: number } {
      const list = printDocuments.numbers(input);
      expire();
      if (jobs.size >= maxJobs) throw new PrintJobsBusyError({ limit: maxJobs });
      const job: Job = { id: randomBytes(16).toString('base64url'), state: 'queued', done: 0, total: list.length, result: null, error: null, finishedAt: null };
      jobs.set(job.id, job);
      queue = queue.then(() => run(job, list, principal));
      return { id: job.id, total: job.total };
    },

    status(id: string): PrintJobStatus {
      const job = find(id);
      return {
        id: job.id,
        state: job.state,
        done: job.done,
        total: job.total,
        pages: job.result?.pages ?? null,
        failures: job.result?.failures ?? [],
        error: job.error,
        expiresAt: job.finishedAt === null ? null : new Date(job.finishedAt + ttlMs),
      };
    },

    /** pdf is the finished job's PDF; PrintJobNotReadyError before, the job's own error if it failed. */
    pdf(id: string): Uint8Array {
      const job = find(id);
      if (job.error) throw job.error;
      if (!job.result) throw new PrintJobNotReadyError({ id: job.id, done: job.done, total: job.total });
      return job.result.pdf;
    },

    /** settled resolves when every job started so far has finished. */
    settled(): Promise<void> {
      return queue;
    },
  };
}

/** PrintJobs is what createPrintJobs returns. */
export type PrintJobs = ReturnType<typeof createPrintJobs>;
