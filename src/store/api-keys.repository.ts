/** Queries on api_keys: add, find by id, list, revoke. The secret never reaches this file, only its hash. */
import type { Selectable } from 'kysely';
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
