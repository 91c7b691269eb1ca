/** Queries on the ended (signed-out) sessions; each function takes the executor to run on. */
import type { Executor } from './documents.repository.js';

/**
 * endSession records a session id as ended until `expiresAt` (ISO 8601 UTC), and drops the ids
 * whose cookies have expired by `now` anyway, so the table holds only cookies that could still open.
 */
export async function endSession(db: Executor, id: string, expiresAt: string, now: string): Promise<void> {
  await db.deleteFrom('ended_sessions').where('expires_at', '<', now).execute();
  await db
    .insertInto('ended_sessions')
    .values({ id, expires_at: expiresAt })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function isSessionEnded(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('ended_sessions').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
