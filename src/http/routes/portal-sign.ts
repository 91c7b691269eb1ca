/**
 * The portal's signing step, after the review: the citizen picks a test certificate (their own by
 * default) in the demonstration stand-in for the national signing application; the request is
 * built as signed XML exactly as a real one (channel portal) and goes through
 * applications.submitSigned — the same EDS check as the API — with the draft's scans beside it.
 * A signature that fails the check still makes an application, rejected with the reason.
 */
import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { AnyServiceDefinition } from '../../domain/index.js';
import type { Applications } from '../../usecases/index.js';
import { RouteNotFoundError } from '../errors.js';
import type { CitizenSigning } from '../screens/citizen-signing.js';
import type { RenderScreen } from '../screens/error-page.js';
import { MEDIA_TYPES } from '../screens/file-types.js';
import { screenLanguage, screenView } from '../screens/index.js';
import { sessionOf, type SessionControl } from '../screens/session.js';
import type { HeldDraft, UploadStore } from '../screens/upload-store.js';
import { citizenOf, maskIin } from './portal-signin.js';
import { formBody } from '../bodies.js';

export interface PortalSignDeps {
  readonly services: readonly AnyServiceDefinition[];
  readonly citizens: CitizenSigning | undefined;
  readonly applications: Applications;
  readonly render: RenderScreen;
  readonly session: SessionControl;
  readonly uploads: UploadStore;
  readonly now: () => Date;
}

/** Signed is what a draft was signed as: one request per certificate, so a repeated post sends the same bytes under the same key. */
interface Signed {
  readonly key: string;
  readonly byCertificate: Map<string, Uint8Array>;
}

/** A session's last submission is remembered this long, for at most this many sessions. */
const SUBMITTED = { ttlMs: 60 * 60 * 1000, maxSessions: 5_000 };

export function portalSignRoutes(deps: PortalSignDeps): Router {
  const router = Router();
  const form = formBody({ bytes: '8kb', fields: 10 });
  const signed = new WeakMap<HeldDraft, Signed>();
  // A post of a draft already submitted (a double click, or back and post again) leads to its application, not to a second one.
  const submitted = new Map<string, { serviceId: string; number: string; at: number }>();
  const remember = (sessionId: string, serviceId: string, number: string) => {
    const at = deps.now().getTime();
    for (const [id, entry] of submitted) if (at - entry.at > SUBMITTED.ttlMs || submitted.size >= SUBMITTED.maxSessions) submitted.delete(id);
    submitted.set(sessionId, { serviceId, number, at });
  };
  const applicationPage = (number: string) => `/cabinet/applications/${encodeURIComponent(number)}`;

  /** serviceOf: the portal service asked for and the signer; neither exists without the development CA. */
  const serviceOf = (req: Request): { service: AnyServiceDefinition; citizens: CitizenSigning } => {
    const service = deps.services.find((s) => s.id === req.params.serviceId && s.channels.includes('portal'));
    if (!service || !deps.citizens) throw new RouteNotFoundError({ path: req.path });
    return { service, citizens: deps.citizens };
  };

  /** readyDraft: the validated draft of this service, or null after sending the citizen back to the form. */
  const readyDraft = (res: Response, service: AnyServiceDefinition): HeldDraft | null => {
    const draft = deps.uploads.get(sessionOf(res).id, deps.now().getTime());
    if (draft?.serviceId === service.id && draft.form !== null) return draft;
    res.redirect(303, `/apply/${service.id}`);
    return null;
  };

  router.get('/apply/:serviceId/sign', (req, res) => {
    const { service, citizens } = serviceOf(req);
    const citizen = citizenOf(req, res);
    if (!citizen) return;
    const draft = readyDraft(res, service);
    if (!draft) return;
    const certificates = citizens.certificates().map((c) => ({
      iin: c.iin,
      masked: maskIin(c.iin),
      commonName: c.commonName,
      issuedAs: c.issuedAs,
      chosen: c.iin === citizen.iin,
    }));
    const page = { pageTitle: 'screens:portal.sign.title', service, certificates, files: draft.files.length, csrf: deps.session.csrfToken(res) };
    res.type('html').send(deps.render('screens/portal-sign', screenView(req, res, page)));
  });

  router.post('/apply/:serviceId/sign', form, async (req, res) => {
    const { service, citizens } = serviceOf(req);
    deps.session.assertCsrf(req, res);
    const citizen = citizenOf(req, res);
    if (!citizen?.iin) return;
    const sessionId = sessionOf(res).id;
    const done = submitted.get(sessionId);
    const pending = deps.uploads.get(sessionId, deps.now().getTime());
    if (done?.serviceId === service.id && pending?.serviceId !== service.id) {
      res.redirect(303, applicationPage(done.number));
      return;
    }
    const draft = readyDraft(res, service);
    if (!draft) return;
    const certificate = String((req.body as Record<string, unknown>).certificate ?? citizen.iin);
    const lang = screenLanguage(req, res);
    const held = signed.get(draft) ?? { key: `portal:${randomUUID()}`, byCertificate: new Map<string, Uint8Array>() };
    signed.set(draft, held);
    let xml = held.byCertificate.get(certificate);
    if (!xml) {
      const form = draft.form as { iin?: unknown };
      xml = citizens.signRequest(certificate, {
        serviceId: service.id,
        language: lang === 'ru' ? 'ru' : 'kk',
        applicantIin: typeof form.iin === 'string' ? form.iin : citizen.iin,
        signedAt: deps.now(),
        form: draft.form,
      });
      held.byCertificate.set(certificate, xml);
    }
    const attachments = draft.files.map((file) => ({ name: file.name, mediaType: MEDIA_TYPES[file.type], bytes: file.bytes }));
    const application = await deps.applications.submitSigned(xml, citizen, { idempotencyKey: `${held.key}:${certificate}`, attachments });
    remember(sessionId, service.id, application.number);
    // Only the draft that was signed goes: a newer one, filled meanwhile in another tab, stays.
    if (deps.uploads.get(sessionId, deps.now().getTime()) === draft) deps.uploads.drop(sessionId);
    res.redirect(303, applicationPage(application.number));
  });

  return router;
}
