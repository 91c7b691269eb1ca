/**
 * The citizen portal's screens: the services (`/`), a service's screen form (`/apply/<id>`) drawn
 * from its form definition, and the review of what would be signed. Validation is the API's own
 * (validateForm), so the screen and the API accept and refuse the same data.
 */
import { Router, type Request, type Response } from 'express';
import { InvalidInputError, languagesOf, type AnyServiceDefinition, type OutputLanguage } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import { RouteNotFoundError } from '../errors.js';
import { formModel, readSubmission, type ItemModel } from '../screens/form-model.js';
import { errorProblem, formView, issueProblems, reviewView, type Problem } from '../screens/form-view.js';
import type { RenderScreen } from '../screens/error-page.js';
import { screenView } from '../screens/index.js';
import type { SessionControl } from '../screens/session.js';
import { principalOf, sessionOf } from '../screens/session.js';
import { MEDIA_TYPES } from '../screens/file-types.js';
import type { HeldFile, UploadStore } from '../screens/upload-store.js';
import { attachmentParser, totalsError, uploadStatus, type UploadLimits } from '../screens/uploads.js';

export interface PortalDeps {
  readonly services: readonly AnyServiceDefinition[];
  /** validate runs the service's form rules (validateForm); it throws InvalidInputError. */
  readonly validate: (service: AnyServiceDefinition, input: unknown) => unknown;
  readonly translator: Translator;
  readonly render: RenderScreen;
  readonly session: SessionControl;
  readonly uploads: UploadStore;
  readonly limits: UploadLimits;
  readonly now: () => Date;
}

/** The rules the form script mirrors, with their texts from validation.json. */
const SCRIPT_RULES = { required: 'REQUIRED', iin: 'INVALID_IIN', phone: 'INVALID_FORMAT', email: 'INVALID_FORMAT', dateOrder: 'DATE_ORDER' } as const;

export function portalRoutes(deps: PortalDeps): Router {
  const router = Router();
  const { translator } = deps;
  const forms = new Map(deps.services.filter((s) => s.channels.includes('portal')).map((s) => [s.id, { service: s, model: formModel(s.form) }]));

  const messages = (lang: OutputLanguage) =>
    Object.fromEntries(
      Object.entries(SCRIPT_RULES).map(([name, rule]) => [name, languagesOf(lang).map((l) => translator.t(l, `validation:${rule}`)).join(' / ')]),
    );

  type FormEntry = { service: AnyServiceDefinition; model: ItemModel[] };
  const formOf = (req: Request): FormEntry => {
    const entry = forms.get(String(req.params.serviceId));
    if (!entry) throw new RouteNotFoundError({ path: req.path });
    return entry;
  };

  const fileView = (file: HeldFile) => ({ name: file.name, kindKey: `workflow:attachmentKinds.${file.kind}`, type: MEDIA_TYPES[file.type], size: kilobytes(file.bytes.byteLength) });

  const showForm = (req: Request, res: Response, entry: FormEntry, values: Readonly<Record<string, unknown>>, held: readonly HeldFile[], problems: Problem[], status: number, refused = false) => {
    const { items, errors } = formView(entry.model, values, problems);
    const page = { pageTitle: entry.service.nameKey, service: entry.service, items, errors, csrf: deps.session.csrfToken(res), limits: limitsView(deps.limits), held: held.map(fileView), refused };
    const view = screenView(req, res, page, { script: true });
    res.status(status).type('html').send(deps.render('screens/portal-apply', { ...view, messages: messages(view.lang) }));
  };

  /** hold keeps what the citizen typed and attached, so a page with problems does not lose the files. */
  const hold = (res: Response, entry: FormEntry, values: Readonly<Record<string, unknown>>, files: readonly HeldFile[], form: unknown) => {
    const flat: Record<string, string> = {};
    for (const [key, value] of Object.entries(values)) if (key !== '_csrf' && key !== 'drop' && typeof value === 'string') flat[key] = value;
    deps.uploads.put(sessionOf(res).id, { serviceId: entry.service.id, form, values: flat, files }, deps.now().getTime());
  };

  const draftOf = (res: Response, entry: FormEntry) => {
    const draft = deps.uploads.get(sessionOf(res).id, deps.now().getTime());
    return draft?.serviceId === entry.service.id ? draft : null;
  };

  router.get('/', (req, res) => {
    const services = [...forms.values()].map(({ service }) => ({ id: service.id, nameKey: service.nameKey, channels: service.channels }));
    const citizen = principalOf(res)?.role === 'APPLICANT';
    const page = { pageTitle: 'screens:portal.title', services, citizen, csrf: deps.session.csrfToken(res) };
    res.type('html').send(deps.render('screens/portal-home', screenView(req, res, page)));
  });

  router.get('/apply/:serviceId', (req, res) => {
    const entry = formOf(req);
    const draft = draftOf(res, entry);
    showForm(req, res, entry, draft?.values ?? {}, draft?.files ?? [], [], 200);
  });

  router.post('/apply/:serviceId', async (req, res) => {
    const entry = formOf(req);
    const slots = new Map(entry.model.flatMap((item) => item.fields.filter((f) => f.kind).map((f) => [f.name, { field: item.field, kind: f.kind as string }])));
    const upload = await attachmentParser(deps.limits, (name) => slots.get(name) ?? null)(req, res);
    deps.session.assertCsrf(req, res);
    const values = req.body as Record<string, unknown>;
    const filesItem = entry.model.find((item) => item.files);
    // Files attached on an earlier page stay, unless the citizen ticked them off.
    const dropped = new Set([values.drop].flat().map(String));
    const kept = (draftOf(res, entry)?.files ?? []).filter((_, i) => !dropped.has(String(i)));
    const files = [...kept, ...upload.files];
    const refusal = upload.error ?? totalsError(files, deps.limits);
    if (refusal) {
      const params = refusal.params as Record<string, string | number>;
      showForm(req, res, entry, values, kept, [errorProblem(translator, filesItem?.field ?? '', refusal.code, params)], uploadStatus(refusal), true);
      return;
    }
    let form: unknown;
    try {
      form = deps.validate(entry.service, readSubmission(entry.model, values, files));
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      hold(res, entry, values, files, null);
      showForm(req, res, entry, values, files, issueProblems(translator, error.params.details), 400);
      return;
    }
    hold(res, entry, values, files, form);
    res.redirect(303, `/apply/${entry.service.id}/review`);
  });

  router.get('/apply/:serviceId/review', (req, res) => {
    const entry = formOf(req);
    const draft = draftOf(res, entry);
    if (!draft || draft.form === null) {
      res.redirect(303, `/apply/${entry.service.id}`);
      return;
    }
    const view = screenView(req, res, { pageTitle: 'screens:review.title', service: entry.service, items: reviewView(entry.model, draft.values), files: draft.files.map(fileView) });
    res.type('html').send(deps.render('screens/portal-review', view));
  });

  return router;
}

const kilobytes = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

function limitsView(limits: UploadLimits) {
  const mb = (bytes: number) => Number((bytes / (1024 * 1024)).toFixed(1));
  return { fileMb: mb(limits.maxFileBytes), totalMb: mb(limits.maxTotalBytes), files: limits.maxFiles };
}
