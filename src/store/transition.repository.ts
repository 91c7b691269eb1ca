/**
 * The two writes of every transition, the version-checked update and the history append, as SQL
 * compiled once per dialect (and per number of history lines) and run with fresh parameters:
 * building them through Kysely's query builder on every call cost more than SQLite ran them in
 * (bench/workflow). The parameters follow the order of the placeholders in the text.
 */
import { sql, type CompiledQuery, type RawBuilder } from 'kysely';
import type { ApplicationRecord, HistoryRecord } from '../domain/index.js';
import { toRow } from './applications.repository.js';
import type { Executor } from './documents.repository.js';
import type { DialectName } from './migrations/index.js';

const compiled = new Map<string, CompiledQuery>();

function once(db: Executor, key: string, build: () => RawBuilder<unknown>): CompiledQuery {
  let query = compiled.get(key);
  if (!query) {
    query = build().compile(db);
    compiled.set(key, query);
  }
  return query;
}

const p = null;

/**
 * updateApplication writes the record over the row whose version is the one before it. Only what a
 * transition changes is set: SQLite rewrites the index entries of every column it is told to set.
 */
export async function updateApplication(trx: Executor, dialect: DialectName, record: ApplicationRecord): Promise<boolean> {
  const template = once(
    trx,
    `${dialect}:update`,
    () => sql`update applications set state = ${p}, status = ${p}, terminal = ${p}, assignee = ${p}, registered_at = ${p},
      state_entered_at = ${p}, deadline = ${p}, due_key = ${p}, breach_recorded_at = ${p}, version = ${p}
      where number = ${p} and version = ${p}`,
  );
  const row = toRow(record);
  const parameters = [
    row.state,
    row.status,
    row.terminal,
    row.assignee,
    row.registered_at,
    row.state_entered_at,
    row.deadline,
    row.due_key,
    row.breach_recorded_at,
    row.version,
    row.number,
    record.version - 1,
  ];
  const result = await trx.executeQuery({ ...template, parameters });
  return (result.numAffectedRows ?? 0n) > 0n;
}

/**
 * appendHistory numbers the lines after the last one in the same statement (each line's subquery
 * sees the table before the insert, hence the offset). Concurrent appends to one application do
 * not happen: the caller holds the application's row (its version update) first.
 */
export async function appendHistory(
  trx: Executor,
  dialect: DialectName,
  number: string,
  entries: readonly Omit<HistoryRecord, 'seq'>[],
): Promise<void> {
  if (entries.length === 0) return;
  const template = once(trx, `${dialect}:history:${entries.length}`, () => {
    const rows = entries.map(
      (_, i) =>
        sql`(${p}, (select coalesce(max(seq), 0) + ${sql.lit(i + 1)} from application_history where number = ${p}), ${p}, ${p}, ${p}, ${p}, ${p}, ${p}, ${p}, ${p})`,
    );
    return sql`insert into application_history (number, seq, at, actor_id, role, action, from_state, to_state, comment, reason)
      values ${sql.join(rows)}`;
  });
  const parameters = entries.flatMap((entry) => [
    number,
    number,
    entry.at.toISOString(),
    entry.actorId,
    entry.role,
    entry.action,
    entry.from,
    entry.to,
    entry.comment,
    entry.reason,
  ]);
  await trx.executeQuery({ ...template, parameters });
}
