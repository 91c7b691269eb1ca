/**
 * API keys with roles (least privilege). A key reads `qj_<id>_<secret>`: the id finds the row,
 * and only the SHA-256 of the secret is stored and compared, in constant time. Staff keys carry
 * their provider, an applicant's key the applicant's IIN, a ЦОН operator's key its ЦОН if given.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { defineError, isValidIin, ROLES, type Role } from '../domain/index.js';
import type { Clock } from './ports.js';

/** ApiKeyScopeError: a key's provider or IIN does not fit its role. */
export const ApiKeyScopeError = defineError<{ role: string; problem: string }>('API_KEY_SCOPE_INVALID', 'invalid');
/** ApiKeyNotFoundError: no key with this id (or it is already revoked). */
export const ApiKeyNotFoundError = defineError<{ id: string }>('API_KEY_NOT_FOUND', 'not_found');

const STAFF_ROLES: readonly Role[] = ['PROVIDER_EMPLOYEE', 'PROVIDER_HEAD'];
const KEY = /^qj_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** ApiKeyIdentity is who a valid key speaks for. */
export interface ApiKeyIdentity {
  readonly keyId: string;
  readonly role: Role;
  readonly providerId: string | null;
  /** conId: the ЦОН a ЦОН operator's key works at (given as --provider), if any. */
  readonly conId: string | null;
  readonly iin: string | null;
}

/** apiKeyPrincipalId: the id a key acts under, as history lines and assignees record it. */
export function apiKeyPrincipalId(keyId: string): string {
  return `key:${keyId}`;
}

/** StoredApiKey is a key as the store keeps it: no secret, only its hash. */
export interface StoredApiKey extends ApiKeyIdentity {
  readonly secretSha256: string;
  readonly label: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

/** ApiKeyStore is the port the store implements. */
export interface ApiKeyStore {
  add(key: Omit<StoredApiKey, 'revokedAt'>): Promise<void>;
  find(id: string): Promise<StoredApiKey | null>;
  list(): Promise<StoredApiKey[]>;
  revoke(id: string, at: Date): Promise<boolean>;
}

/** NewApiKey is what `add` is asked for. */
export interface NewApiKey {
  readonly role: string;
  readonly providerId?: string | undefined;
  readonly iin?: string | undefined;
  readonly label?: string | undefined;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

function checkScope(request: NewApiKey): { role: Role; providerId: string | null; conId: string | null; iin: string | null } {
  const role = ROLES.find((r) => r === request.role);
  if (!role) throw new ApiKeyScopeError({ role: String(request.role), problem: `role: ${ROLES.join(', ')}` });
  const staff = STAFF_ROLES.includes(role);
  const given = request.providerId?.trim() || null;
  // A ЦОН operator's key may name its ЦОН as its --provider: it serves every provider, and reads the documents of applications taken at that ЦОН.
  const conId = role === 'CON_OPERATOR' ? given : null;
  const providerId = role === 'CON_OPERATOR' ? null : given;
  const iin = request.iin?.trim() || null;
  if (staff !== (providerId !== null)) throw new ApiKeyScopeError({ role, problem: staff ? '--provider' : 'no --provider' });
  if ((role === 'APPLICANT') !== (iin !== null)) throw new ApiKeyScopeError({ role, problem: role === 'APPLICANT' ? '--iin' : 'no --iin' });
  if (given !== null && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(given)) throw new ApiKeyScopeError({ role, problem: '--provider' });
  if (iin !== null && !isValidIin(iin)) throw new ApiKeyScopeError({ role, problem: '--iin' });
  return { role, providerId, conId, iin };
}

/** createApiKeys: make, authenticate, list and revoke keys over the store. */
export function createApiKeys(deps: { store: ApiKeyStore; clock: Clock }) {
  return {
    /** add makes a key and returns it in full: the only time its secret is seen. */
    async add(request: NewApiKey): Promise<{ key: string; stored: Omit<StoredApiKey, 'secretSha256' | 'revokedAt'> }> {
      const scope = checkScope(request);
      const id = randomBytes(8).toString('hex');
      const secret = randomBytes(32).toString('base64url');
      const stored = { keyId: id, ...scope, label: request.label?.trim() || scope.role.toLowerCase(), createdAt: deps.clock.now() };
      await deps.store.add({ ...stored, secretSha256: sha256(secret).toString('hex') });
      return { key: `qj_${id}_${secret}`, stored };
    },

    /** authenticate returns who a key speaks for, or null for a malformed, unknown, wrong or revoked key. */
    async authenticate(key: string): Promise<ApiKeyIdentity | null> {
      const match = KEY.exec(key);
      if (!match) return null;
      const stored = await deps.store.find(match[1] as string);
      const given = sha256(match[2] as string);
      const expected = stored ? Buffer.from(stored.secretSha256, 'hex') : Buffer.alloc(32);
      // The hash is compared even for an unknown id, so the answer takes the same time.
      const same = expected.length === given.length && timingSafeEqual(expected, given);
      if (!stored || !same || stored.revokedAt) return null;
      return { keyId: stored.keyId, role: stored.role, providerId: stored.providerId, conId: stored.conId, iin: stored.iin };
    },

    list: () => deps.store.list(),

    async revoke(id: string): Promise<void> {
      if (!(await deps.store.revoke(id, deps.clock.now()))) throw new ApiKeyNotFoundError({ id });
    },
  };
}

/** ApiKeys is what createApiKeys returns. */
export type ApiKeys = ReturnType<typeof createApiKeys>;
