/**
 * The citizen's cabinet: «Қызметті алу тарихы» / «История получения услуг» (my applications),
 * each application's page (status, history in words, deadline, documents, queue position, the
 * quality questionnaire once it is completed), the result PDFs and «Хабарламалар» / «Уведомления».
 * Everything goes through the use cases with the citizen's APPLICANT principal, so somebody
 * else's application is not found, as in the API.
 */
import { Router, type Request, type Response } from 'express';
import { DocumentNotFoundError, isoDateTimeInAlmaty, type AnyServiceDefinition } from '../../domain/index.js';
import { QUALITY_ANSWERS, QUALITY_QUESTIONS, type Applications, type ApplicationView, type IssuedDocuments, type QuestionnaireAnswers } from '../../usecases/index.js';
import type { RenderScreen } from '../screens/error-page.js';
import { screenView } from '../screens/index.js';
import { sessionOf, type SessionControl } from '../screens/session.js';
import { citizenOf } from './portal-signin.js';
import { formBody } from '../bodies.js';
import { regulationLine } from './regulation-line.js';

export interface PortalCabinetDeps {
  readonly services: readonly AnyServiceDefinition[];
  readonly applications: Applications;
  readonly registry: Pick<IssuedDocuments, 'readPdf'>;
  readonly render: RenderScreen;
  readonly session: SessionControl;
}

const PAGE = 20;
const time = (iso: string) => isoDateTimeInAlmaty(new Date(iso)).slice(11, 16);
const cursorOf = (req: Request) => (typeof req.query.after === 'string' && req.query.after !== '' ? { cursor: req.query.after } : {});

export function portalCabinetRoutes(deps: PortalCabinetDeps): Router {
  const router = Router();
  const form = formBody({ bytes: '8kb', fields: 10 });
  const names = new Map(deps.services.map((s) => [s.id, s.nameKey]));

  router.get('/cabinet', async (req, res) => {
    const citizen = citizenOf(req, res);
    if (!citizen) return;
    const page = await deps.applications.list({ applicantIin: citizen.iin, limit: PAGE, ...cursorOf(req) }, citizen);
    const items = page.items.map((a) => ({ ...a, serviceKey: names.get(a.serviceId) }));
    const view = { pageTitle: 'screens:portal.cabinet.title', items, next: page.nextCursor, citizenName: sessionOf(res).displayName, csrf: deps.session.csrfToken(res) };
    res.type('html').send(deps.render('screens/portal-cabinet', screenView(req, res, view)));
  });

  router.get('/cabinet/notifications', async (req, res) => {
    const citizen = citizenOf(req, res);
    if (!citizen?.iin) return;
    const page = await deps.applications.notifications(citizen.iin, citizen, { limit: PAGE, ...cursorOf(req) });
    const items = page.items.map((n) => ({ ...n, time: time(n.at) }));
    const view = { pageTitle: 'screens:portal.notifications.title', items, next: page.nextCursor, csrf: deps.session.csrfToken(res) };
    res.type('html').send(deps.render('screens/portal-notifications', screenView(req, res, view)));
  });

  const showApplication = (req: Request, res: Response, application: ApplicationView, thanks: boolean) => {
    const view = {
      pageTitle: 'screens:portal.application.title',
      application,
      serviceKey: names.get(application.serviceId),
      regulation: regulationLine(application.regulation),
      history: application.history.map((h) => ({ ...h, time: time(h.at), actionKey: h.action === 'SUBMIT' ? 'screens:portal.application.submitted' : `workflow:actions.${h.action}` })),
      questionnaire: application.terminal !== null && !application.questionnaireAnswered,
      questions: QUALITY_QUESTIONS.map((question) => ({ question, answers: QUALITY_ANSWERS.map((answer, i) => ({ answer, checked: i === QUALITY_ANSWERS.length - 1 })) })),
      thanks,
      csrf: deps.session.csrfToken(res),
    };
    res.type('html').send(deps.render('screens/portal-application', screenView(req, res, view)));
  };

  router.get('/cabinet/applications/:number', async (req, res) => {
    const citizen = citizenOf(req, res);
    if (!citizen) return;
    const application = await deps.applications.get(String(req.params.number), citizen);
    showApplication(req, res, application, req.query.thanks === '1' && application.questionnaireAnswered);
  });

  router.get('/cabinet/applications/:number/documents/:document', async (req, res) => {
    const citizen = citizenOf(req, res);
    if (!citizen) return;
    const application = await deps.applications.get(String(req.params.number), citizen);
    const number = String(req.params.document).replace(/\.pdf$/, '');
    // Only a document of this application, which the citizen may see, is handed out.
    if (!application.documents.some((d) => d.number === number)) throw new DocumentNotFoundError({ number });
    const bytes = await deps.registry.readPdf(number);
    res.type('application/pdf').setHeader('Content-Disposition', `attachment; filename="${number}.pdf"`);
    res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  router.post('/cabinet/applications/:number/questionnaire', form, async (req, res) => {
    deps.session.assertCsrf(req, res);
    const citizen = citizenOf(req, res);
    if (!citizen) return;
    const number = String(req.params.number);
    const body = req.body as Record<string, unknown>;
    // The use case checks the answers against the questionnaire (a 400 page otherwise).
    const answers = { quality: String(body.quality ?? ''), accessibility: String(body.accessibility ?? '') } as unknown as QuestionnaireAnswers;
    await deps.applications.answerQuestionnaire(number, answers, citizen);
    res.redirect(303, `/cabinet/applications/${encodeURIComponent(number)}?thanks=1`);
  });

  return router;
}
