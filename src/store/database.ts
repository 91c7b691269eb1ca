/**
 * openDatabase: SQLite by default, PostgreSQL when a URL is configured; the same migrations and
 * the same queries on both. Migrations run at open, so a process never sees an older schema.
 */
import { Kysely, Migrator, PostgresDialect, sql, type Dialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Logger } from '../log/index.js';
import { StoreMigrationError, StoreUnavailableError } from './errors.js';
import { migrationProvider, type DialectName } from './migrations/index.js';
import { createSqliteDialect } from './sqlite.js';
import type { Tables } from './tables.js';

/** StoreConfig: `url` (DATABASE_URL) selects PostgreSQL; otherwise the SQLite file at `sqlitePath`. */
export interface StoreConfig {
  readonly url?: string | undefined;
  readonly sqlitePath: string;
  /** Connections per process on PostgreSQL. */
  readonly poolSize?: number;
  /** How long a writer waits for another one on SQLite before STORE_BUSY. */
  readonly busyTimeoutMs?: number;
}

/** Tx is a transaction handle; everything done through it commits or rolls back together. */
export type Tx = Transaction<Tables>;

/** Database is an open store: the typed query builder, its dialect, transactions and shutdown. */
export interface Database {
  readonly kysely: Kysely<Tables>;
  readonly dialect: DialectName;
  /** transaction runs fn in one transaction: committed when fn resolves, rolled back when it throws. */
  transaction<T>(fn: (trx: Tx) => Promise<T>): Promise<T>;
  destroy(): Promise<void>;
}

/** describeTarget names the database for logs and errors without the password. */
function describeTarget(config: StoreConfig): string {
  if (!config.url) return config.sqlitePath;
  try {
    const url = new URL(config.url);
    url.password = '';
    return url.toString();
  } catch {
    return 'postgres (unparsable DATABASE_URL)';
  }
}

function createDialect(config: StoreConfig, logger: Logger): { name: DialectName; dialect: Dialect } {
  if (config.url) {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
    // An idle connection that the server drops emits 'error' on the pool; unheard, it would end
    // the process. The pool replaces the connection, so a log line is all it needs.
    pool.on('error', (error) => logger.warn('store.connection_lost', { error }));
    return { name: 'postgres', dialect: new PostgresDialect({ pool }) };
  }
  return { name: 'sqlite', dialect: createSqliteDialect({ path: config.sqlitePath, busyTimeoutMs: config.busyTimeoutMs ?? 5000 }) };
}

async function migrate(kysely: Kysely<Tables>, dialect: DialectName, logger: Logger): Promise<void> {
  // Kysely checks the order of executed migrations by the time each ran, so a clock set back
  // between two starts (or an instance with a wrong clock) would stop every later start. Our
  // migrations only add, each on its own, and pending ones still run in the order of their names.
  const migrator = new Migrator({ db: kysely, provider: migrationProvider(dialect), allowUnorderedMigrations: true });
  const { error, results = [] } = await migrator.migrateToLatest();
  for (const result of results) {
    if (result.status === 'Success') logger.info('store.migrated', { migration: result.migrationName, dialect });
  }
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? '(migration tables)';
    throw new StoreMigrationError({ migration: failed }, { cause: error });
  }
}

/** openDatabase connects, migrates to the latest schema and returns the open Database. */
export async function openDatabase(config: StoreConfig, deps: { logger: Logger }): Promise<Database> {
  const target = describeTarget(config);
  let name: DialectName = config.url ? 'postgres' : 'sqlite';
  let kysely: Kysely<Tables> | undefined;
  try {
    const created = createDialect(config, deps.logger);
    name = created.name;
    kysely = new Kysely<Tables>({ dialect: created.dialect });
    await sql`select 1`.execute(kysely);
  } catch (error) {
    deps.logger.error('store.unavailable', { dialect: name, target, error });
    await kysely?.destroy().catch(() => undefined);
    throw new StoreUnavailableError({}, { cause: error });
  }
  const open = kysely;
  try {
    await migrate(open, name, deps.logger);
  } catch (error) {
    await open.destroy();
    throw error;
  }
  deps.logger.info('store.opened', { dialect: name, target });
  return {
    kysely: open,
    dialect: name,
    transaction: (fn) => open.transaction().execute(fn),
    destroy: () => open.destroy(),
  };
}
