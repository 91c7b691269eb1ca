/**
 * Administrative calls (revoking a document) need `Authorization: Bearer <key>`; only the
 * key's SHA-256 is configured, and the comparison takes constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AuthenticationRequiredError } from '../errors.js';

/** Authorize is a middleware that lets a request through or fails it. */
export type Authorize = RequestHandler;

/** adminKey authorises requests whose bearer key hashes to one of the configured SHA-256 values. */
export function adminKey(keySha256s: readonly string[]): Authorize {
  const expected = keySha256s.map((hex) => Buffer.from(hex, 'hex')).filter((b) => b.length === 32);
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{16,200})$/.exec(header);
    const given = match ? createHash('sha256').update(match[1] as string).digest() : null;
    if (!given || !expected.some((candidate) => timingSafeEqual(candidate, given))) throw new AuthenticationRequiredError({});
    res.locals.principal = 'admin';
    next();
  };
}
