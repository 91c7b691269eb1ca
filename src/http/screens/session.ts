/**
 * The screens' session cookie: every visitor of the portal and the АРМ has a signed session (an
 * anonymous one until sign-in), renewed on each request so that it ends after the idle time. Every
 * POST form carries the session's CSRF token in `_csrf` (a synchronizer token derived from the
 * session id); a form posted without it, or from another session, is refused with 403.
 * Signing out records the session's id as ended in the store, so that a copy of the old cookie
 * opens nothing on any instance; disabling an account ends its sessions, as the account is read
 * on every request.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { EndedSessions, OperatorAccounts, Session, Sessions } from '../../accounts/index.js';
import type { Principal } from '../../usecases/index.js';
import { defineError } from '../../domain/index.js';
import { cookieValue, setCookie } from './cookies.js';

/** CsrfTokenInvalidError: a form posted without the token of the session it came from. */
export const CsrfTokenInvalidError = defineError('CSRF_TOKEN_INVALID', 'forbidden');

const COOKIE = 'qujat_session';

export interface SessionDeps {
  readonly sessions: Sessions;
  readonly accounts: Pick<OperatorAccounts, 'active'>;
  readonly ended: EndedSessions;
  /** secure: the cookie is sent over HTTPS only (the public URL is https). */
  readonly secure: boolean;
}


/** sessionOf: the session the session middleware put on the response. */
export function sessionOf(res: Response): Session {
  const session = res.locals.session as Session | undefined;
  if (!session) throw new TypeError('no session: the route is not behind the session middleware');
  return session;
}

/** principalOf: who is signed in, or null. */
export function principalOf(res: Response): Principal | null {
  return sessionOf(res).principal;
}

export interface SessionControl {
  /** middleware opens (or starts) the session, checks the account is still enabled, and renews the cookie. */
  readonly middleware: RequestHandler;
  /** replace ends the current session and starts another (sign-in, sign-out). */
  replace(res: Response, principal: Principal | null, displayName: string | null): Promise<Session>;
  /** csrfToken: the token the session's forms carry. */
  csrfToken(res: Response): string;
  /** assertCsrf: for a POST whose body is parsed; throws CSRF_TOKEN_INVALID (403) without the session's token. */
  assertCsrf(req: Request, res: Response): void;
}

export function sessionControl(deps: SessionDeps): SessionControl {
  const { sessions } = deps;
  const attributes = `Path=/; HttpOnly; SameSite=Lax${deps.secure ? '; Secure' : ''}`;
  const write = (res: Response, session: Session) => {
    res.locals.session = session;
    setCookie(res, COOKIE, sessions.seal(session), attributes);
    // Pages of a session are not for shared caches, and are never served back after sign-out.
    res.setHeader('Cache-Control', 'no-store');
  };
  return {
    middleware: async (req: Request, res: Response, next: NextFunction) => {
      const token = cookieValue(req.get('cookie'), COOKIE);
      let session = token ? sessions.open(token) : null;
      // Only a signed-in session is worth ending; an anonymous one is never looked up.
      if (session?.principal && (await deps.ended.isEnded(session.id))) session = null;
      if (session?.principal && session.principal.role !== 'APPLICANT') {
        const active = await deps.accounts.active(session.principal.id);
        session = active ? { ...session, principal: active.principal, displayName: active.displayName } : null;
      }
      write(res, session ? sessions.touch(session) : sessions.start(null, null));
      next();
    },
    async replace(res, principal, displayName) {
      const current = sessionOf(res);
      if (current.principal) await deps.ended.end(current.id, new Date(sessions.expiresAt(current)));
      const session = sessions.start(principal, displayName);
      write(res, session);
      return session;
    },
    csrfToken: (res) => sessions.csrfToken(sessionOf(res)),
    assertCsrf(req, res) {
      const token = (req.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof token !== 'string' || !sessions.checkCsrf(sessionOf(res), token)) throw new CsrfTokenInvalidError({});
    },
  };
}
