/**
 * SQLite through better-sqlite3, with two changes to Kysely's dialect:
 *
 * - Transactions start with BEGIN IMMEDIATE. A deferred BEGIN takes the write lock only at the
 *   first write, and in WAL mode a transaction that read before another connection committed
 *   then fails that write with SQLITE_BUSY_SNAPSHOT, which no busy timeout retries.
 * - Waiting for the write lock happens on the event loop, not inside SQLite. better-sqlite3 is
 *   synchronous, so its busy handler would freeze the whole process while another process (or
 *   another Database on the same file in this one, which then could never finish) holds the lock.
 *
 * Kysely's driver already serialises everything on the one connection with a mutex, so the
 * transactions of one Database never interleave.
 */
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
} from 'kysely';
import { StoreBusyError } from './errors.js';

/** SqliteOptions: where the file is and how long a writer waits for another one. */
export interface SqliteOptions {
  readonly path: string;
  readonly busyTimeoutMs: number;
}

const isBusy = (error: unknown): boolean =>
  error instanceof BetterSqlite3.SqliteError && error.code.startsWith('SQLITE_BUSY');

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** STATEMENT_CACHE: prepared statements kept per SQL text; the queries are a fixed set of shapes. */
const STATEMENT_CACHE = 500;

/**
 * cachingDatabase prepares each SQL text once: Kysely's driver prepares every query anew, which
 * took about a fifth of a workflow transition's time (bench/workflow). A statement is reused only
 * after the previous query finished, since the driver runs one query at a time on the connection.
 */
function cachingDatabase(raw: BetterSqlite3.Database) {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string): BetterSqlite3.Statement {
      let statement = statements.get(sql);
      if (!statement) {
        statement = raw.prepare(sql);
        if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value ?? '');
        statements.set(sql, statement);
      }
      return statement;
    },
    close(): void {
      statements.clear();
      raw.close();
    },
  };
}

class ImmediateSqliteDriver extends SqliteDriver {
  // Prepared once: pragma() prepares anew on every call, and a transaction makes two.
  private readonly noWait: BetterSqlite3.Statement;
  private readonly wait: BetterSqlite3.Statement;

  constructor(
    raw: BetterSqlite3.Database,
    private readonly busyTimeoutMs: number,
  ) {
    super({ database: cachingDatabase(raw) });
    this.noWait = raw.prepare('pragma busy_timeout = 0');
    this.wait = raw.prepare(`pragma busy_timeout = ${busyTimeoutMs}`);
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const deadline = Date.now() + this.busyTimeoutMs;
    for (let attempt = 0; ; attempt += 1) {
      this.noWait.get();
      try {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
        return;
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (Date.now() >= deadline) throw new StoreBusyError({ timeoutMs: this.busyTimeoutMs }, { cause: error });
      } finally {
        this.wait.get();
      }
      // Jitter keeps two waiting writers from retrying in lockstep.
      await sleep(Math.min(2 ** attempt, 25) + randomInt(0, 3));
    }
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  // SQLite's DDL is transactional; saying so makes Kysely's Migrator run inside one
  // (BEGIN IMMEDIATE) transaction, so two processes starting at once cannot both migrate.
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class QujatSqliteDialect extends SqliteDialect {
  constructor(
    private readonly raw: BetterSqlite3.Database,
    private readonly busyTimeoutMs: number,
  ) {
    super({ database: raw });
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.raw, this.busyTimeoutMs);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** createSqliteDialect opens (and on first start creates) the file with the pragmas Qujat relies on. */
export function createSqliteDialect(options: SqliteOptions): SqliteDialect {
  fs.mkdirSync(path.dirname(options.path), { recursive: true });
  const raw = new BetterSqlite3(options.path, { timeout: options.busyTimeoutMs });
  raw.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a killed process; only a power loss can drop the last commits.
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  return new QujatSqliteDialect(raw, options.busyTimeoutMs);
}
