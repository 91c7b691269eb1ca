/**
 * Print jobs: paper copies of many issued documents as one PDF. Always asynchronous, whatever the
 * size, so that a caller has one way to follow: `POST /v1/print-jobs` {numbers} → 202 {id, total}
 * with Location; `GET /v1/print-jobs/{id}` → {state, done, total, pages, failures, error};
 * `GET /v1/print-jobs/{id}.pdf` → the PDF once the state is `done` (409 before).
 * Documents that cannot be printed are listed in `failures` with their kk and ru reason; the
 * PDF holds the others. Every call goes through the `authorize` middleware the caller gives.
 */
import { Router } from 'express';
import type { AppError } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import type { PrintJobs } from '../../usecases/index.js';
import { errorBody, UnsupportedMediaTypeError } from '../errors.js';
import type { Authorize } from '../middleware/admin-key.js';

export interface PrintJobsRoutesDeps {
  readonly jobs: PrintJobs;
  readonly translator: Translator;
  readonly authorize: Authorize;
}

export function printJobsRoutes(deps: PrintJobsRoutesDeps): Router {
  const router = Router();
  // The error as the API writes any error, without the request id of the request that polls it.
  const described = (error: AppError) => {
    const { requestId: _requestId, ...rest } = errorBody(deps.translator, error, '').error;
    return rest;
  };

  router.post('/v1/print-jobs', deps.authorize, (req, res) => {
    if (!req.is('application/json')) throw new UnsupportedMediaTypeError({ contentType: req.get('content-type') ?? '' });
    const body: unknown = req.body;
    const numbers = typeof body === 'object' && body !== null ? (body as { numbers?: unknown }).numbers : undefined;
    const job = deps.jobs.start(numbers);
    res.setHeader('Location', `/v1/print-jobs/${job.id}`);
    res.status(202).json({ id: job.id, total: job.total, state: 'queued', status: `/v1/print-jobs/${job.id}`, pdf: `/v1/print-jobs/${job.id}.pdf` });
  });

  router.get('/v1/print-jobs/:file', deps.authorize, (req, res) => {
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

  return router;
}
