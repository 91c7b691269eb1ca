/**
 * An application in the АРМ (`/arm/applications/<number>`): its data with the form's kk/ru labels,
 * attachments, history, documents (each opens its stored PDF for printing) and one form per action
 * the use case allows the operator now. Each rendered form carries its own idempotency key, so a
 * form sent twice acts once. What the use case refuses comes back on the page, in kk and ru, with
 * the status the API would give. Every read and action goes through the use cases with the
 * session's principal, so the API's role and provider checks hold here too.
 */
import { Router, type Request, type Response } from 'express';
import { AppError, type AnyServiceDefinition, type LocalizedText } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import { readableDocument, type Applications, type ApplicationView, type IssuedDocuments, type ProviderInfo } from '../../usecases/index.js';
import { RouteNotFoundError, statusOf } from '../errors.js';
import type { RenderScreen } from '../screens/error-page.js';
import { formModel, type ItemModel } from '../screens/form-model.js';
import { reviewView } from '../screens/form-view.js';
import { screenView } from '../screens/index.js';
import type { SessionControl } from '../screens/session.js';
import { pathParameter } from './inputs.js';
import { actionForms, actionRequest, postedValues } from './arm-action-forms.js';
import { almatyTime, deadlineView, errorMessages, formKey, requireStaff, staff } from './arm-shared.js';
import { formBody } from '../bodies.js';
import { regulationLine } from './regulation-line.js';

export interface ArmApplicationDeps {
  readonly applications: Applications;
  readonly registry: Pick<IssuedDocuments, 'find' | 'readPdf'>;
  readonly services: readonly AnyServiceDefinition[];
  readonly providers: readonly ProviderInfo[];
  readonly translator: Translator;
  readonly render: RenderScreen;
  readonly session: SessionControl;
  readonly now: () => Date;
}

/** flatten: the stored form as the screen form's dotted names (`child.iin`, `preferredOrganisations.0`). */
function flatten(value: unknown, prefix = '', into: Record<string, string> = {}): Record<string, string> {
  if (value === null || value === undefined) return into;
  if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else into[prefix] = String(value);
  return into;
}

/** Problem: what went wrong with a posted action, for the page. */
interface Problem {
  readonly action: string;
  readonly values: Readonly<Record<string, string>>;
  readonly messages: readonly LocalizedText[];
}

export function armApplicationRoutes(deps: ArmApplicationDeps): Router {
  const router = Router();
  const { translator } = deps;
  const services = new Map(deps.services.map((s) => [s.id, s]));
  const models = new Map<string, ItemModel[]>(deps.services.map((s) => [s.id, formModel(s.form)]));
  const providers = new Map(deps.providers.map((p) => [p.id, p]));
  const actionNames = new Set(deps.services.flatMap((s) => Object.values(s.states).flatMap((state) => Object.keys(state.actions ?? {}))));
  const form = formBody({ bytes: '16kb', fields: 30 });

  const serviceOf = (view: ApplicationView): AnyServiceDefinition => {
    const service = services.get(view.serviceId);
    if (!service) throw new TypeError(`no service ${view.serviceId}`);
    return service;
  };

  const show = (req: Request, res: Response, view: ApplicationView, status: number, problem: Problem | null) => {
    const service = serviceOf(view);
    const now = deps.now();
    const page = {
      pageTitle: 'screens:arm.application.title',
      principal: staff(res),
      csrf: deps.session.csrfToken(res),
      app: view,
      serviceKey: service.nameKey,
      stateKey: `workflow:states.${view.state}`,
      statusKey: `workflow:statuses.${view.status}`,
      received: almatyTime(view.receivedAt),
      registered: view.registeredAt ? almatyTime(view.registeredAt) : null,
      deadline: deadlineView(translator, view.deadline, view.overdue, now),
      regulation: regulationLine(view.regulation),
      data: reviewView(models.get(view.serviceId) ?? [], flatten(view.form)),
      attachments: view.attachments.map((a) => ({ ...a, kilobytes: Math.max(1, Math.round(a.size / 1024)) })),
      history: [...view.history].reverse().map((h) => ({
        ...h,
        at: almatyTime(h.at),
        // Intake is recorded as SUBMIT, which is no action of the workflow.
        actionKey: h.action === 'SUBMIT' ? 'screens:arm.application.submitted' : `workflow:actions.${h.action}`,
        toKey: `workflow:states.${h.to}`,
        roleKey: h.role === 'SYSTEM' || h.role === 'APPLICANT' ? `screens:arm.actors.${h.role}` : `screens:arm.roles.${h.role}`,
        reasonKey: h.reason ? `reasons:${h.reason}` : null,
      })),
      documents: view.documents.map((d) => ({ ...d, kindKey: `documents:${d.kind}.title`, issued: almatyTime(d.issuedAt) })),
      forms: actionForms(view, service, providers.get(view.providerId), formKey, problem),
      problem,
      done: typeof req.query.done === 'string' && actionNames.has(req.query.done) ? `workflow:actions.${req.query.done}` : null,
    };
    res.status(status).type('html').send(deps.render('screens/arm-application', screenView(req, res, page)));
  };

  router.get('/arm/applications/:number', requireStaff, async (req, res) => {
    const view = await deps.applications.get(pathParameter(req, 'number'), staff(res));
    show(req, res, view, 200, null);
  });

  router.post('/arm/applications/:number/actions/:action', requireStaff, form, async (req, res) => {
    deps.session.assertCsrf(req, res);
    const principal = staff(res);
    const number = pathParameter(req, 'number');
    const action = pathParameter(req, 'action');
    // An action no service declares is no page of the АРМ (the form and its error page know only declared ones).
    if (!actionNames.has(action)) throw new RouteNotFoundError({ path: req.path });
    const values = postedValues(req.body);
    const key = /^arm-[0-9a-f-]{36}$/.test(values._key ?? '') ? { idempotencyKey: values._key as string } : {};
    let view = await deps.applications.get(number, principal);
    try {
      const request = actionRequest(serviceOf(view), view, action, values);
      view = await deps.applications.act(number, action, request, principal, key);
    } catch (error) {
      if (!(error instanceof AppError) || error.kind === 'internal' || error.kind === 'unavailable') throw error;
      // The page as it is now (another operator may have acted), with the form as it was sent.
      const current = await deps.applications.get(number, principal);
      show(req, res, current, statusOf(error), { action, values, messages: errorMessages(translator, error, (path) => `screens:arm.fields.${fieldName(path)}`) });
      return;
    }
    res.redirect(303, `/arm/applications/${encodeURIComponent(view.number)}?done=${action}`);
  });

  router.get('/arm/applications/:number/attachments/:attachment', requireStaff, async (req, res) => {
    const file = await deps.applications.attachment(pathParameter(req, 'number'), Number(pathParameter(req, 'attachment')), staff(res));
    res
      .type(file.mediaType)
      .setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });

  // Printing a result: its stored PDF, opened in the browser's viewer, only through an application the operator may see.
  router.get('/arm/applications/:number/documents/:document', requireStaff, async (req, res) => {
    const view = await deps.applications.get(pathParameter(req, 'number'), staff(res));
    const wanted = String(req.params.document).replace(/\.pdf$/, '');
    const document = view.documents.find((d) => d.number === wanted);
    if (!document) throw new RouteNotFoundError({ path: req.path });
    // Seeing the application is not enough: the document must be this operator's provider's or ЦОН's.
    readableDocument(staff(res), await deps.registry.find(document.number), document.number);
    const pdf = await deps.registry.readPdf(document.number);
    res
      .type('application/pdf')
      .setHeader('Content-Disposition', `inline; filename="${document.number}.pdf"`)
      .end(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  });

  return router;
}

/** fieldName: the form input an issue path belongs to (`data.registeredFrom` → registeredFrom). */
function fieldName(path: string): string {
  const known = ['reason', 'comment', 'newDeadline', 'organisation', 'registeredFrom', 'basisKk', 'basisRu', 'monthlyAmount'];
  const last = path.split('.').filter(Boolean);
  const tail = last[last.length - 1] ?? '';
  if (last.includes('basis')) return tail === 'ru' ? 'basisRu' : 'basisKk';
  if (tail === 'organisationId') return 'organisation';
  return known.includes(tail) ? tail : 'other';
}
