/** Queries on api_keys: add, find by id, list, revoke. The secret never reaches this file, only its hash. */
import type { Selectable } from 'kysely';
import { ROLES, type Role } from '../domain/index.js';
import type { Database } from './database.js';
import type { Executor } from './documents.repository.js';
import type { ApiKeysTable } from './tables.js';

/** ApiKeyRow is a stored key: its id, the hash of its secret, its role and scope. */
export type ApiKeyRow = Selectable<ApiKeysTable>;

export async function insertApiKey(db: Executor, row: Omit<ApiKeyRow, 'revoked_at'>): Promise<void> {
  await db.insertInto('api_keys').values({ ...row, revoked_at: null }).execute();
}

export async function findApiKey(db: Executor, id: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listApiKeys(db: Executor): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id').execute();
}

/** revokeApiKey marks a key revoked once; it returns false for an unknown or already revoked id. */
export async function revokeApiKey(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** StoredKey is a key as the API-keys use case sees it (its ApiKeyStore port). */
export interface StoredKey {
  readonly keyId: string;
  readonly secretSha256: string;
  readonly role: Role;
  readonly providerId: string | null;
  readonly conId: string | null;
  readonly iin: string | null;
  readonly label: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

function storedKey(row: ApiKeyRow): StoredKey {
  const role = ROLES.find((r) => r === row.role);
  // The table's check constraint admits only these roles.
  if (!role) throw new TypeError(`api_keys.role ${row.role}`);
  return {
    keyId: row.id,
    secretSha256: row.secret_sha256,
    role,
    providerId: row.provider_id,
    conId: row.con_id,
    iin: row.applicant_iin,
    label: row.label,
    createdAt: new Date(row.created_at),
    revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
  };
}

/** createApiKeyStore: the API-keys use case's store on an open Database. */
export function createApiKeyStore(db: Database) {
  return {
    add: (key: Omit<StoredKey, 'revokedAt'>) =>
      insertApiKey(db.kysely, {
        id: key.keyId,
        secret_sha256: key.secretSha256,
        role: key.role,
        provider_id: key.providerId,
        con_id: key.conId,
        applicant_iin: key.iin,
        label: key.label,
        created_at: key.createdAt.toISOString(),
      }),
    find: async (id: string) => {
      const row = await findApiKey(db.kysely, id);
      return row ? storedKey(row) : null;
    },
    list: async () => (await listApiKeys(db.kysely)).map(storedKey),
    revoke: (id: string, at: Date) => revokeApiKey(db.kysely, id, at.toISOString()),
  };
}
