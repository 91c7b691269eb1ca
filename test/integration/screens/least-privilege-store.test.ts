/**
 * Migration 0006 on every dialect: ended sessions seen by every process on the database, and the
 * owner of documents registered before the migration backfilled from their applications.
 */
import { Kysely, Migrator, PostgresDialect, sql, type Dialect } from 'kysely';
import pg from 'pg';
import { expect, it } from 'vitest';
import { endedSessionsRepository, type Tables } from '../../../src/store/index.js';
import { migrationProvider } from '../../../src/store/migrations/index.js';
import { createSqliteDialect } from '../../../src/store/sqlite.js';
import { describeEachDialect, type TestStore } from '../../helpers/databases.js';

/** atVersion: the store's database migrated up to `migration` only, as a deployment before 0006 left it. */
async function atVersion(store: TestStore, dialect: 'sqlite' | 'postgres', migration: string): Promise<void> {
  const driver: Dialect =
    dialect === 'postgres'
      ? new PostgresDialect({ pool: new pg.Pool({ connectionString: store.config.url }) })
      : createSqliteDialect({ path: store.config.sqlitePath, busyTimeoutMs: 5000 });
  const db = new Kysely<Tables>({ dialect: driver });
  try {
    const { error } = await new Migrator({ db, provider: migrationProvider(dialect) }).migrateTo(migration);
    if (error) throw error;
    await sql`insert into operators (id, username, password_hash, role, provider_id, display_name, created_at)
      values ('op-1', 'ruslan', 'x', 'CON_OPERATOR', 'con-ekibastuz', 'Руслан', '2026-01-01T00:00:00.000Z')`.execute(db);
    const application = (number: string, channel: string) => sql`insert into applications
      (number, service_id, channel, provider_id, applicant_iin, applicant_name, language, form, state, status, terminal, assignee,
       received_at, registered_at, state_entered_at, deadline, due_key, breach_recorded_at, version)
      values (${number}, 'unemployed-certificate', ${channel}, 'ekibastuz-employment', '880412301010', 'Омаров', 'ru', '{}', 'S', 'S', null, null,
       '2026-01-01T00:00:00.000Z', null, '2026-01-01T00:00:00.000Z', null, '9999', null, 1)`;
    await application('1401-2026-000001', 'con').execute(db);
    await application('1401-2026-000002', 'provider').execute(db);
    const submit = (number: string, actor: string, role: string) => sql`insert into application_history
      (number, seq, at, actor_id, role, action, from_state, to_state, comment, reason)
      values (${number}, 1, '2026-01-01T00:00:00.000Z', ${actor}, ${role}, 'SUBMIT', 'S', 'S', null, null)`;
    await submit('1401-2026-000001', 'op-1', 'CON_OPERATOR').execute(db);
    await submit('1401-2026-000002', 'key:0123456789abcdef', 'PROVIDER_EMPLOYEE').execute(db);
    const document = (number: string) => sql`insert into issued_documents
      (number, kind, language, issued_at, issuer_bin, issuer_name_kk, issuer_name_ru, applicant_iin, applicant_name, xml_sha256, xml_size, pdf_sha256, pdf_size, token_sha256)
      values (${number}, 'unemployed-certificate', 'ru', '2026-01-02T00:00:00.000Z', '140540001231', 'kk', 'ru', '880412301010', 'Омаров', 'x', 0, 'p', 0, 't')`;
    const link = (document: string, application: string) => sql`insert into application_documents
      (document_number, application_number, kind, outcome, language, issued_at)
      values (${document}, ${application}, 'unemployed-certificate', 'positive', 'ru', '2026-01-02T00:00:00.000Z')`;
    for (const number of ['260000000017', '260000000025', '260000000033']) await document(number).execute(db);
    await link('260000000017', '1401-2026-000001').execute(db);
    await link('260000000025', '1401-2026-000002').execute(db);
  } finally {
    await db.destroy();
  }
}

describeEachDialect('least privilege (migration 0006)', (dialect) => {
  it('records a signed-out session for every process on the database, and drops ids whose cookies have expired', async () => {
    const store = await dialect.fresh();
    const [one, other] = [await store.open(), await store.open()];
    expect(await endedSessionsRepository.isSessionEnded(other.kysely, 'session-a')).toBe(false);
    await endedSessionsRepository.endSession(one.kysely, 'session-a', '2026-01-01T12:00:00.000Z', '2026-01-01T00:00:00.000Z');
    await endedSessionsRepository.endSession(one.kysely, 'session-a', '2026-01-01T12:00:00.000Z', '2026-01-01T00:00:00.000Z');
    expect(await endedSessionsRepository.isSessionEnded(other.kysely, 'session-a')).toBe(true);
    await endedSessionsRepository.endSession(other.kysely, 'session-b', '2026-01-02T12:00:00.000Z', '2026-01-01T12:00:00.001Z');
    expect(await endedSessionsRepository.isSessionEnded(one.kysely, 'session-a')).toBe(false);
    expect(await endedSessionsRepository.isSessionEnded(one.kysely, 'session-b')).toBe(true);
  });

  it('backfills the provider and the ЦОН of documents registered before it from their applications', async () => {
    const store = await dialect.fresh();
    await atVersion(store, dialect.name, '0005_operators');
    const db = await store.open();
    const documents = await db.kysely.selectFrom('issued_documents').select(['number', 'provider_id', 'con_id']).orderBy('number').execute();
    expect(documents).toEqual([
      { number: '260000000017', provider_id: 'ekibastuz-employment', con_id: 'con-ekibastuz' },
      { number: '260000000025', provider_id: 'ekibastuz-employment', con_id: null },
      // Issued on its own, without an application: no owner is known, only SYSTEM reads its files.
      { number: '260000000033', provider_id: null, con_id: null },
    ]);
    const applications = await db.kysely.selectFrom('applications').select(['number', 'con_id']).orderBy('number').execute();
    expect(applications).toEqual([
      { number: '1401-2026-000001', con_id: 'con-ekibastuz' },
      { number: '1401-2026-000002', con_id: null },
    ]);
  });
});
