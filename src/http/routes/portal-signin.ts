/**
 * The portal's demonstration sign-in (standing in for the e-gov login): the development citizens'
 * test certificates are listed; choosing one makes the server issue a login challenge, the
 * demonstration signer sign it with that certificate and the login verifier check it — the same
 * person checks as a signed request, so an expired or revoked certificate is refused with its
 * reason. Each challenge's nonce is accepted once. A signed-in citizen is an APPLICANT principal
 * with their IIN, so the use cases apply the API's ownership checks to every cabinet page.
 */
import { Router, type Request, type Response } from 'express';
import { defineError } from '../../domain/index.js';
import type { Principal } from '../../usecases/index.js';
import { RouteNotFoundError } from '../errors.js';
import type { CitizenSigning } from '../screens/citizen-signing.js';
import type { RenderScreen } from '../screens/error-page.js';
import { screenView } from '../screens/index.js';
import { principalOf, sessionOf, type SessionControl } from '../screens/session.js';
import type { UploadStore } from '../screens/upload-store.js';
import { formBody } from '../bodies.js';

/** LoginChallengeUnknownError: a signed challenge whose nonce this server did not issue, or already accepted. */
export const LoginChallengeUnknownError = defineError<Record<string, never>>('LOGIN_CHALLENGE_UNKNOWN', 'forbidden');

export interface PortalSignInDeps {
  readonly citizens: CitizenSigning | undefined;
  readonly render: RenderScreen;
  readonly session: SessionControl;
  readonly uploads: UploadStore;
  readonly now: () => Date;
}

/** A challenge lives this long; at most this many wait for their signature at once. */
const CHALLENGE_MS = 120_000;
const MAX_CHALLENGES = 10_000;

/** citizenOf: the signed-in citizen, or null after sending the visitor to the sign-in page. */
export function citizenOf(req: Request, res: Response): Principal | null {
  const principal = principalOf(res);
  if (principal?.role === 'APPLICANT' && principal.iin) return principal;
  res.redirect(303, `/signin?next=${encodeURIComponent(req.originalUrl)}`);
  return null;
}

/** nextPath: where to go after sign-in; only a path of this site. */
function nextPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/cabinet';
}

/** maskIin shows the birth date and the check digit, hiding the middle. */
export const maskIin = (iin: string) => `${iin.slice(0, 4)}••••••${iin.slice(10)}`;

export function portalSignInRoutes(deps: PortalSignInDeps): Router {
  const router = Router();
  const form = formBody({ bytes: '8kb', fields: 10 });
  const issued = new Map<string, number>();

  const signing = (): CitizenSigning => {
    if (!deps.citizens) throw new RouteNotFoundError({ path: '/signin' });
    return deps.citizens;
  };

  const show = (req: Request, res: Response, status: number, refusal: string | null, chosen: string | null) => {
    const now = deps.now().getTime();
    const certificates = signing()
      .certificates()
      .map((c) => ({
        iin: c.iin,
        masked: maskIin(c.iin),
        commonName: c.commonName,
        serialNumber: c.serialNumber,
        from: c.notBefore.toISOString().slice(0, 10),
        to: c.notAfter.toISOString().slice(0, 10),
        state: c.issuedAs === 'revoked' ? 'revoked' : c.notAfter.getTime() < now || c.issuedAs === 'expired' ? 'expired' : 'valid',
        chosen: c.iin === chosen,
      }));
    const page = { pageTitle: 'screens:portal.signin.title', certificates, refusal, next: nextPath(req.query.next ?? (req.body as Record<string, unknown> | undefined)?.next), csrf: deps.session.csrfToken(res) };
    res.status(status).type('html').send(deps.render('screens/portal-signin', screenView(req, res, page)));
  };

  router.get('/signin', (req, res) => show(req, res, 200, null, principalOf(res)?.iin ?? null));

  router.post('/signin', form, async (req, res) => {
    deps.session.assertCsrf(req, res);
    const citizens = signing();
    const iin = String((req.body as Record<string, unknown>).certificate ?? '');
    const now = deps.now();
    for (const [nonce, at] of issued) if (now.getTime() - at > CHALLENGE_MS || issued.size >= MAX_CHALLENGES) issued.delete(nonce);
    const challenge = citizens.challenge(now);
    issued.set(challenge.nonce, now.getTime());
    const check = citizens.verifyLogin(citizens.signLogin(iin, challenge.xml), now);
    if (!check.valid) {
      issued.delete(challenge.nonce);
      show(req, res, 403, `verify:reasons.${check.reason}`, iin);
      return;
    }
    if (!issued.delete(check.nonce)) throw new LoginChallengeUnknownError({});
    // A form being filled before sign-in stays with the citizen's new session.
    const before = sessionOf(res).id;
    const draft = deps.uploads.get(before, now.getTime());
    const session = await deps.session.replace(res, { id: `citizen:${check.iin}`, role: 'APPLICANT', iin: check.iin }, check.commonName);
    if (draft) {
      deps.uploads.drop(before);
      deps.uploads.put(session.id, draft, now.getTime());
    }
    res.redirect(303, nextPath((req.body as Record<string, unknown>).next));
  });

  router.post('/signout', form, async (req, res) => {
    deps.session.assertCsrf(req, res);
    deps.uploads.drop(sessionOf(res).id);
    await deps.session.replace(res, null, null);
    res.redirect(303, '/');
  });

  return router;
}
