/**
 * API-key authentication: `Authorization: Bearer qj_<id>_<secret>` → `res.locals.principal`, the
 * Principal of the use cases. No key or a bad one → 401 (with WWW-Authenticate); a valid key whose
 * role the route does not admit → 403.
 */
import type { Request, RequestHandler, Response } from 'express';
import { defineError, type Role } from '../../domain/index.js';
import { apiKeyPrincipalId, type ApiKeyIdentity, type Principal } from '../../usecases/index.js';
import { AuthenticationRequiredError } from '../errors.js';

export const RoleForbiddenError = defineError<{ role: string; allowed: string }>('ROLE_FORBIDDEN', 'forbidden');

/** KeyAuthenticator is the use case that knows the keys. */
export interface KeyAuthenticator {
  authenticate(key: string): Promise<ApiKeyIdentity | null>;
}

function principalOf(identity: ApiKeyIdentity): Principal {
  return {
    id: apiKeyPrincipalId(identity.keyId),
    role: identity.role,
    ...(identity.iin ? { iin: identity.iin } : {}),
    ...(identity.providerId ? { providerId: identity.providerId } : {}),
    ...(identity.conId ? { conId: identity.conId } : {}),
  };
}

/** principal reads what `authenticate` left for the handlers. */
export function principal(res: Response): Principal {
  return res.locals.principal as Principal;
}

function bearer(req: Request): string | null {
  const match = /^Bearer ([\x21-\x7e]{1,300})$/.exec(req.get('authorization') ?? '');
  return match ? (match[1] as string) : null;
}

/**
 * identify reads the key of a request where a key is one way in among others (a document's files
 * also open with its verification token): null without a key, 401 for a key that is not valid.
 */
export async function identify(keys: KeyAuthenticator, req: Request): Promise<Principal | null> {
  const key = bearer(req);
  if (!key) return null;
  const identity = await keys.authenticate(key);
  if (!identity) throw new AuthenticationRequiredError({});
  return principalOf(identity);
}

/** authenticate makes the check of one route: a valid key of one of `roles`. */
export function apiKeyAccess(keys: KeyAuthenticator): (roles: readonly Role[]) => RequestHandler {
  return (roles) => async (req, res, next) => {
    const key = bearer(req);
    const identity = key ? await keys.authenticate(key) : null;
    if (!identity) throw new AuthenticationRequiredError({});
    if (!roles.includes(identity.role)) throw new RoleForbiddenError({ role: identity.role, allowed: roles.join(', ') });
    res.locals.principal = principalOf(identity);
    next();
  };
}
