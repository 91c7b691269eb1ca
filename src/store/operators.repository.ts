/** Queries on the operator accounts; each function takes the executor to run on. */
import type { Selectable } from 'kysely';
import type { Executor } from './documents.repository.js';
import type { OperatorsTable } from './tables.js';

/** OperatorRow is a stored account, password hash included (it never leaves the accounts room). */
export type OperatorRow = Selectable<OperatorsTable>;

/** NewOperatorRow is what a new account stores; it starts enabled. */
export type NewOperatorRow = Omit<OperatorRow, 'disabled'>;

export async function insertOperator(db: Executor, row: NewOperatorRow): Promise<void> {
  await db.insertInto('operators').values(row).execute();
}

export async function findOperatorByUsername(db: Executor, username: string): Promise<OperatorRow | undefined> {
  return db.selectFrom('operators').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findOperatorById(db: Executor, id: string): Promise<OperatorRow | undefined> {
  return db.selectFrom('operators').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listOperators(db: Executor): Promise<OperatorRow[]> {
  return db.selectFrom('operators').selectAll().orderBy('username').execute();
}

/** setOperatorDisabled returns whether an account with that username exists. */
export async function setOperatorDisabled(db: Executor, username: string, disabled: boolean): Promise<boolean> {
  const result = await db.updateTable('operators').set({ disabled: disabled ? 1 : 0 }).where('username', '=', username).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
