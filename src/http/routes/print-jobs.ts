/**
 * Print jobs: paper copies of many issued documents as one PDF. Always asynchronous, whatever the
 * size, so that a caller has one way to follow: `POST /v1/print-jobs` {numbers} → 202 {id, total}
 * with Location; `GET /v1/print-jobs/{id}` → {state, done, total, pages, failures, error};
 * `GET /v1/print-jobs/{id}.pdf` → the PDF once the state is `done` (409 before).
 * Documents that cannot be printed are listed in `failures` with their kk and ru reason; the
 * PDF holds the others. Printing is staff work: API keys of the provider's staff, ЦОН and SYSTEM;
 * each prints only the documents it may read (its provider's, its ЦОН's; SYSTEM all), and another's
 * document fails exactly as a number that does not exist.
 */
import type { AppError, Role } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import type { PrintJobs } from '../../usecases/index.js';
import type { Api, RouteSpec } from '../api.js';
import { errorBody, UnsupportedMediaTypeError } from '../errors.js';
import { principal } from '../middleware/authenticate.js';

const PRINTING: readonly Role[] = ['CON_OPERATOR', 'PROVIDER_EMPLOYEE', 'PROVIDER_HEAD', 'SYSTEM'];
const STATUS = { type: 'object', description: 'state (queued, running, done, failed), done, total, pages, failures, error, expiresAt' };

export interface PrintJobsRoutesDeps {
  readonly jobs: PrintJobs;
  readonly translator: Translator;
}

export function printJobsRoutes(api: Api, deps: PrintJobsRoutesDeps): void {
  // The error as the API writes any error, without the request id of the request that polls it.
  const described = (error: AppError) => {
    const { requestId: _requestId, ...rest } = errorBody(deps.translator, error, '').error;
    return rest;
  };

  const start = {
    method: 'post',
    path: '/v1/print-jobs',
    operationId: 'startPrintJob',
    tag: 'printing',
    summary: 'Print many issued documents as one PDF, rendered in batch mode; answers the job to follow',
    access: { kind: 'key', roles: PRINTING },
    body: { 'application/json': { type: 'object', required: ['numbers'], properties: { numbers: { type: 'array', items: { type: 'string', pattern: '^\\d{12}$' } } } } },
    responses: { '202': { description: 'the job: id, total, links to its status and PDF', content: { 'application/json': { type: 'object' } } } },
  } satisfies RouteSpec;
  api.route(start, (req, res) => {
    if (!req.is('application/json')) throw new UnsupportedMediaTypeError({ contentType: req.get('content-type') ?? '' });
    const body: unknown = req.body;
    const numbers = typeof body === 'object' && body !== null ? (body as { numbers?: unknown }).numbers : undefined;
    const job = deps.jobs.start(numbers, principal(res));
    res.setHeader('Location', `/v1/print-jobs/${job.id}`);
    res.status(202).json({ id: job.id, total: job.total, state: 'queued', status: `/v1/print-jobs/${job.id}`, pdf: `/v1/print-jobs/${job.id}.pdf` });
  });

  const follow = {
    method: 'get',
    path: '/v1/print-jobs/{file}',
    operationId: 'followPrintJob',
    tag: 'printing',
    summary: 'A print job: its progress (`{id}`), or its PDF once done (`{id}.pdf`, 409 before)',
    access: { kind: 'key', roles: PRINTING },
    params: { file: 'the job id, or the job id with .pdf' },
    responses: { '200': { description: 'the progress, or the PDF', content: { 'application/json': STATUS, 'application/pdf': { type: 'string', format: 'binary' } } } },
  } satisfies RouteSpec;
  api.route(follow, (req, res) => {
    const match = /^([A-Za-z0-9_-]{1,64})(\.pdf)?$/.exec(String(req.params.file ?? ''));
    const id = match?.[1] ?? String(req.params.file ?? '');
    if (match?.[2]) {
      const pdf = deps.jobs.pdf(id);
      res
        .type('application/pdf')
        .setHeader('Content-Disposition', `inline; filename="print-${id}.pdf"`)
        .setHeader('Content-Length', String(pdf.byteLength))
        .end(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
      return;
    }
    const status = deps.jobs.status(id);
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      id: status.id,
      state: status.state,
      done: status.done,
      total: status.total,
      pages: status.pages,
      failures: status.failures.map((failure) => ({ number: failure.number, error: described(failure.error) })),
      error: status.error ? described(status.error) : null,
      expiresAt: status.expiresAt?.toISOString() ?? null,
    });
  });
}
