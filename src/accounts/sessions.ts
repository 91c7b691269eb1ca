/**
 * Sessions as signed tokens (HMAC-SHA256 with a secret kept in data/keys): the browser holds the
 * token in an HttpOnly cookie. The server stores only the ids of sessions that were signed out
 * (EndedSessions), so that a copy of their cookie opens nothing. A session carries a random id (the
 * anchor of its CSRF token and its uploads), the principal when signed in, and the time it was last
 * seen, so an idle session ends even though the cookie is still there.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROLES } from '../domain/index.js';
import type { Principal } from '../usecases/index.js';

/** SESSION_SECRET_FILE: the signing secret under the keys directory, made on first start. */
export const SESSION_SECRET_FILE = 'session-secret';

export interface Session {
  readonly id: string;
  readonly principal: Principal | null;
  readonly displayName: string | null;
  /** issuedAt and seenAt: epoch milliseconds. */
  readonly issuedAt: number;
  readonly seenAt: number;
}

export interface SessionConfig {
  readonly idleMs: number;
  readonly maxAgeMs: number;
}

export interface Sessions {
  /** start: a fresh session (a new id, so a signed-in session never reuses an anonymous one's). */
  start(principal: Principal | null, displayName: string | null): Session;
  seal(session: Session): string;
  /** open: the session in a token, or null when it is forged, malformed, idle too long or too old. */
  open(token: string): Session | null;
  /** touch: the same session seen now. */
  touch(session: Session): Session;
  csrfToken(session: Session): string;
  checkCsrf(session: Session, token: string): boolean;
  /** expiresAt: the latest time the session's cookie could still open (epoch milliseconds). */
  expiresAt(session: Session): number;
}

/** EndedSessions: the store's record of signed-out session ids, shared by every instance on one database. */
export interface EndedSessions {
  end(id: string, expiresAt: Date): Promise<void>;
  isEnded(id: string): Promise<boolean>;
}

/** loadSessionSecret reads the secret, writing a new random one when there is none (idempotent). */
export function loadSessionSecret(keysDir: string): Buffer {
  const file = path.join(keysDir, SESSION_SECRET_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(keysDir, { recursive: true });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another instance wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
}

function isPrincipal(value: unknown): value is Principal {
  if (!value || typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p.id === 'string' &&
    ROLES.some((role) => role === p.role) &&
    (p.iin === undefined || typeof p.iin === 'string') &&
    (p.providerId === undefined || typeof p.providerId === 'string') &&
    (p.conId === undefined || typeof p.conId === 'string')
  );
}

function parse(json: string): Session | null {
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    if (typeof value.id !== 'string' || typeof value.issuedAt !== 'number' || typeof value.seenAt !== 'number') return null;
    if (value.principal !== null && !isPrincipal(value.principal)) return null;
    if (value.displayName !== null && typeof value.displayName !== 'string') return null;
    return { id: value.id, principal: value.principal, displayName: value.displayName, issuedAt: value.issuedAt, seenAt: value.seenAt };
  } catch {
    return null;
  }
}

function equal(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createSessions(secret: Buffer, config: SessionConfig, now: () => number = Date.now): Sessions {
  if (secret.length < 32) throw new TypeError('session secret shorter than 32 bytes');
  const mac = (purpose: string, text: string) => createHmac('sha256', secret).update(`${purpose}\u0000${text}`).digest('base64url');
  return {
    start(principal, displayName) {
      const at = now();
      return { id: randomBytes(18).toString('base64url'), principal, displayName, issuedAt: at, seenAt: at };
    },
    seal(session) {
      const body = Buffer.from(JSON.stringify(session)).toString('base64url');
      return `${body}.${mac('session', body)}`;
    },
    open(token) {
      const [body, signature, extra] = token.split('.');
      if (!body || !signature || extra !== undefined || !equal(signature, mac('session', body))) return null;
      const session = parse(Buffer.from(body, 'base64url').toString('utf8'));
      const at = now();
      if (!session || at - session.seenAt > config.idleMs || at - session.issuedAt > config.maxAgeMs || session.seenAt > at + 60_000) return null;
      return session;
    },
    touch: (session) => ({ ...session, seenAt: now() }),
    csrfToken: (session) => mac('csrf', session.id),
    checkCsrf: (session, token) => equal(token, mac('csrf', session.id)),
    expiresAt: (session) => session.issuedAt + config.maxAgeMs,
  };
}
