import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../src/log/index.js';
import { openDatabase, StoreBusyError, StoreUnavailableError } from '../../../src/store/index.js';
import { migrationProvider } from '../../../src/store/migrations/index.js';
import { describeEachDialect, sqliteDialect } from '../../helpers/databases.js';

/** Every migration, in the order they apply, as the store lists them. */
const MIGRATIONS = Object.keys(await migrationProvider('sqlite').getMigrations()).sort();

const BARE_ROW = {
  number: '260000000017',
  kind: 'k',
  language: 'kk',
  issued_at: new Date(0).toISOString(),
  issuer_bin: 'b',
  issuer_name_kk: 'kk',
  issuer_name_ru: 'ru',
  applicant_iin: 'i',
  applicant_name: 'n',
  xml_sha256: 'x',
  xml_size: 0,
  pdf_sha256: 'p',
  pdf_size: 0,
  token_sha256: 't',
};

describeEachDialect('database', (dialect) => {
  it('creates the schema on first open and applies no migration twice', async () => {
    const store = await dialect.fresh();
    const first = await store.open();
    expect(first.dialect).toBe(dialect.name);
    await first.destroy();
    const second = await store.open();
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(second.kysely);
    expect(MIGRATIONS[0]).toBe('0001_documents');
    expect(applied.rows.map((r) => r.name)).toEqual(MIGRATIONS);
    expect(store.logs.filter((l) => l.event === 'store.migrated').map((l) => l.migration)).toEqual(MIGRATIONS);
    expect(store.logs.filter((l) => l.event === 'store.opened')).toHaveLength(2);
    const counters = await second.kysely.selectFrom('document_counters').selectAll().execute();
    expect(counters).toEqual([]);
  });

  it('opens a database whose later migration ran at an earlier time (a clock set back between two starts)', async () => {
    const store = await dialect.fresh();
    const first = await store.open();
    // As if the first migrations had run on a clock a year ahead of the one the last ran on.
    const ahead = new Date(Date.now() + 365 * 86_400_000).toISOString();
    await sql`update kysely_migration set timestamp = ${ahead} where name <> ${MIGRATIONS.at(-1)}`.execute(first.kysely);
    await first.destroy();
    const second = await store.open();
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(second.kysely);
    expect(applied.rows.map((r) => r.name)).toEqual(MIGRATIONS);
    await second.destroy();
  });

  it('lets two processes start on an empty database at once', async () => {
    const store = await dialect.fresh();
    const [a, b] = await Promise.all([store.open(), store.open()]);
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(a.kysely);
    expect(applied.rows).toHaveLength(MIGRATIONS.length);
    expect(b.dialect).toBe(dialect.name);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const store = await dialect.fresh();
    const db = await store.open();
    await db.transaction((trx) => trx.insertInto('document_counters').values({ year: 2026, last_value: 7 }).execute());
    await expect(
      db.transaction(async (trx) => {
        await trx.updateTable('document_counters').set({ last_value: 8 }).where('year', '=', 2026).execute();
        throw new Error('after the update');
      }),
    ).rejects.toThrow('after the update');
    const row = await db.kysely.selectFrom('document_counters').select('last_value').where('year', '=', 2026).executeTakeFirst();
    expect(row?.last_value).toBe(7);
  });

  it('round-trips binary columns byte for byte', async () => {
    const store = await dialect.fresh();
    const db = await store.open();
    const bytes = new Uint8Array(256).map((_, i) => i);
    await db.transaction(async (trx) => {
      await trx
        .insertInto('issued_documents')
        .values(BARE_ROW)
        .execute();
      await trx.insertInto('issued_document_files').values({ number: '260000000017', xml: Buffer.from(bytes), pdf: Buffer.from(bytes.subarray(1)) }).execute();
    });
    const row = await db.kysely.selectFrom('issued_document_files').selectAll().executeTakeFirstOrThrow();
    expect(new Uint8Array(row.xml)).toEqual(bytes);
    expect(new Uint8Array(row.pdf)).toEqual(bytes.subarray(1));
  });

  it('refuses a file row whose document does not exist (foreign keys on)', async () => {
    const store = await dialect.fresh();
    const db = await store.open();
    await expect(
      db.transaction((trx) =>
        trx.insertInto('issued_document_files').values({ number: 'missing', xml: Buffer.from('x'), pdf: Buffer.from('y') }).execute(),
      ),
    ).rejects.toThrow(/foreign key/i);
  });

  it('refuses a status change without reason, time and author, and a superseded row without its replacement', async () => {
    const store = await dialect.fresh();
    const db = await store.open();
    await db.transaction((trx) => trx.insertInto('issued_documents').values(BARE_ROW).execute());
    const change = (set: { status: 'revoked' | 'superseded'; status_reason?: string; status_at?: string; status_by?: string }) =>
      db.transaction((trx) => trx.updateTable('issued_documents').set(set).execute());
    await expect(change({ status: 'revoked' })).rejects.toThrow(/check/i);
    await expect(change({ status: 'superseded', status_reason: 'r', status_at: 'a', status_by: 'b' })).rejects.toThrow(/check/i);
    await change({ status: 'revoked', status_reason: 'r', status_at: 'a', status_by: 'b' });
    await expect(db.transaction((trx) => trx.updateTable('issued_documents').set({ language: 'en' }).execute())).rejects.toThrow(/check/i);
  });
});

describeEachDialect('database connections', (dialect) => {
  it.skipIf(dialect.name !== 'postgres')('survives the server dropping idle connections (PostgreSQL only)', async () => {
    const store = await dialect.fresh();
    const db = await store.open({ poolSize: 2 });
    await Promise.all([sql`select 1`.execute(db.kysely), sql`select 2`.execute(db.kysely)]);
    const admin = new pg.Client({ connectionString: store.config.url });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    } finally {
      await admin.end();
    }
    // Both pooled connections were idle; each one's loss is reported, then the pool opens new ones.
    await vi.waitUntil(() => store.logs.filter((l) => l.event === 'store.connection_lost').length === 2, { timeout: 10_000 });
    const row = await db.kysely.selectFrom('document_counters').selectAll().execute();
    expect(row).toEqual([]);
  });
});

describe('database [sqlite] specifics', () => {
  it('creates the file and its folder, in WAL mode with a busy timeout', async () => {
    const { fresh } = sqliteDialect;
    const store = await fresh();
    const db = await store.open();
    expect(fs.existsSync(store.config.sqlitePath)).toBe(true);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db.kysely);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db.kysely);
    expect(busy.rows[0]?.timeout).toBe(5000);
    const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db.kysely);
    expect(keys.rows[0]?.foreign_keys).toBe(1);
  });

  it('never interleaves read-modify-write transactions, within one Database or across two on the same file', async () => {
    const { fresh } = sqliteDialect;
    const store = await fresh();
    const a = await store.open();
    const b = await store.open();
    await a.transaction((trx) => trx.insertInto('document_counters').values({ year: 2026, last_value: 0 }).execute());
    // Each transaction reads, yields to the event loop, then writes what it read plus one: any
    // interleaving of two transactions would lose an increment.
    const bump = (db: typeof a) =>
      db.transaction(async (trx) => {
        const row = await trx.selectFrom('document_counters').select('last_value').where('year', '=', 2026).executeTakeFirstOrThrow();
        await new Promise((resolve) => setTimeout(resolve, 1));
        await trx.updateTable('document_counters').set({ last_value: row.last_value + 1 }).where('year', '=', 2026).execute();
      });
    await Promise.all(Array.from({ length: 100 }, (_, i) => bump(i % 2 === 0 ? a : b)));
    const row = await b.kysely.selectFrom('document_counters').select('last_value').executeTakeFirstOrThrow();
    expect(row.last_value).toBe(100);
  });
});

describe('database [sqlite] waiting for another writer', () => {
  it('waits on the event loop while another process holds the write lock, and gives up with STORE_BUSY', async () => {
    const store = await sqliteDialect.fresh();
    const db = await store.open({ busyTimeoutMs: 300 });
    const other = new BetterSqlite3(store.config.sqlitePath);
    other.exec('begin immediate');
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    try {
      const error = await db.transaction(async () => undefined).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreBusyError);
      expect((error as InstanceType<typeof StoreBusyError>).params).toEqual({ timeoutMs: 300 });
      // The process kept running timers while it waited: nothing blocked inside SQLite.
      expect(ticks).toBeGreaterThan(3);

      const pending = db.transaction((trx) => trx.insertInto('document_counters').values({ year: 2026, last_value: 1 }).execute());
      setTimeout(() => other.exec('commit'), 50);
      await pending;
      expect(await db.kysely.selectFrom('document_counters').select('last_value').execute()).toEqual([{ last_value: 1 }]);
    } finally {
      clearInterval(ticker);
      if (other.inTransaction) other.exec('rollback');
      other.close();
    }
  });
});

describe('database without a server', () => {
  it('reports an unreachable PostgreSQL as STORE_UNAVAILABLE and logs the target without the password', async () => {
    const lines: string[] = [];
    const logger = createLogger('debug', (line) => lines.push(line));
    const error = await openDatabase({ url: 'postgres://qujat:secret@127.0.0.1:1/qujat', sqlitePath: '/unused' }, { logger }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as InstanceType<typeof StoreUnavailableError>).kind).toBe('unavailable');
    expect(lines.join('')).toContain('127.0.0.1:1/qujat');
    expect(lines.join('')).not.toContain('secret');
  });
});
