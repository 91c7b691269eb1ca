/**
 * Batch printing in the АРМ: the applications ticked on the worklist → the result documents of
 * each (read through the use cases with the session's principal, so an operator prints only what
 * they may see) → one print job rendered in batch mode, which again prints only the documents the
 * principal may read (its provider's, or its ЦОН's) → a page that shows its progress and then
 * offers the one PDF. Without JavaScript the page refreshes itself (<meta http-equiv="refresh">
 * inside <noscript>); with it, a first-party script polls the job's status instead. A job is
 * followed only from the session of the operator who started it.
 */
import { Router, type Response } from 'express';
import { AppError, defineError, type LocalizedText } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import { PrintJobNotFoundError, type ApplicationDocumentView, type Applications, type PrintJobs } from '../../usecases/index.js';
import type { RenderScreen } from '../screens/error-page.js';
import { screenView } from '../screens/index.js';
import type { SessionControl } from '../screens/session.js';
import { errorMessages, requireStaff, staff } from './arm-shared.js';
import { formBody } from '../bodies.js';

/** PrintSelectionEmptyError: the batch print form was sent with no application ticked. */
export const PrintSelectionEmptyError = defineError('PRINT_SELECTION_EMPTY', 'invalid');
/** PrintSelectionNoDocumentsError: none of the ticked applications has an issued document yet. */
export const PrintSelectionNoDocumentsError = defineError('PRINT_SELECTION_NO_DOCUMENTS', 'invalid');

export interface ArmPrintDeps {
  readonly applications: Applications;
  readonly printJobs: Pick<PrintJobs, 'start' | 'status' | 'pdf'>;
  readonly translator: Translator;
  readonly render: RenderScreen;
  readonly session: SessionControl;
}

/** MAX_SELECTED: applications one print form may tick (a worklist page shows 25). */
const MAX_SELECTED = 200;
/** REFRESH_SECONDS: how often the page without JavaScript reloads while the job runs. */
const REFRESH_SECONDS = 2;
/** MAX_OWNED: job owners remembered (the print jobs themselves expire sooner). */
const MAX_OWNED = 1000;
const JOB_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * resultDocuments: what a paper copy of an application's result is — the documents of its latest
 * outcome (the certificate, the refusal letter, the latest referral), not earlier notices.
 */
export function resultDocuments(documents: readonly ApplicationDocumentView[]): ApplicationDocumentView[] {
  const latest = [...documents].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt)).at(-1);
  if (!latest) return [];
  const ofOutcome = documents.filter((d) => d.outcome === latest.outcome);
  // A kind issued again (a second referral) is printed in its latest version only.
  const byKind = new Map<string, ApplicationDocumentView>();
  for (const d of ofOutcome) if ((byKind.get(d.kind)?.issuedAt ?? '') <= d.issuedAt) byKind.set(d.kind, d);
  return [...byKind.values()];
}

export function armPrintRoutes(deps: ArmPrintDeps): Router {
  const router = Router();
  const form = formBody({ bytes: '16kb', fields: MAX_SELECTED + 5 });
  // Which operator started which job: only they follow it and fetch its PDF.
  const owners = new Map<string, string>();

  const ownJob = (id: string, res: Response): string => {
    const owner = JOB_ID.test(id) ? owners.get(id) : undefined;
    // Another operator's job is answered as an unknown one.
    if (owner !== staff(res).id) throw new PrintJobNotFoundError({ id: id.slice(0, 40) });
    return id;
  };

  router.post('/arm/print', requireStaff, form, async (req, res) => {
    deps.session.assertCsrf(req, res);
    const principal = staff(res);
    const ticked = [(req.body as Record<string, unknown>).application].flat().filter((v): v is string => typeof v === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(v));
    const numbers = [...new Set(ticked)].slice(0, MAX_SELECTED);
    if (numbers.length === 0) throw new PrintSelectionEmptyError({});
    const documents: string[] = [];
    for (const number of numbers) {
      const view = await deps.applications.get(number, principal);
      documents.push(...resultDocuments(view.documents).map((d) => d.number));
    }
    if (documents.length === 0) throw new PrintSelectionNoDocumentsError({});
    const job = deps.printJobs.start(documents, principal);
    if (owners.size >= MAX_OWNED) owners.delete(owners.keys().next().value as string);
    owners.set(job.id, principal.id);
    res.redirect(303, `/arm/print/${job.id}`);
  });

  router.get('/arm/print/:id/status', requireStaff, (req, res) => {
    const status = deps.printJobs.status(ownJob(String(req.params.id), res));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ state: status.state, done: status.done, total: status.total });
  });

  router.get('/arm/print/:file', requireStaff, (req, res) => {
    const [, name, pdf] = /^(.*?)(\.pdf)?$/.exec(String(req.params.file)) ?? [];
    const id = ownJob(String(name), res);
    if (pdf) {
      const bytes = deps.printJobs.pdf(id);
      res
        .type('application/pdf')
        .setHeader('Content-Disposition', `inline; filename="print-${id}.pdf"`)
        .end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return;
    }
    const status = deps.printJobs.status(id);
    const running = status.state === 'queued' || status.state === 'running';
    const failures = status.failures.map((f) => ({ number: f.number, messages: errorMessages(deps.translator, f.error) }));
    const error: LocalizedText[] | null = status.error instanceof AppError ? errorMessages(deps.translator, status.error) : null;
    const page = {
      pageTitle: 'screens:arm.print.title',
      principal: staff(res),
      job: { id, state: status.state, done: status.done, total: status.total, pages: status.pages },
      running,
      refresh: running ? REFRESH_SECONDS : null,
      pdf: status.state === 'done' ? `/arm/print/${id}.pdf` : null,
      failures,
      error,
    };
    const view = screenView(req, res, page, { script: running });
    // The progress script reads the job's status from this origin.
    if (running) res.setHeader('Content-Security-Policy', `${String(res.getHeader('Content-Security-Policy'))}; connect-src 'self'`);
    res.type('html').send(deps.render('screens/arm-print', view));
  });

  return router;
}
