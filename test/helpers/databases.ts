/**
 * Store tests run on every dialect: SQLite always, PostgreSQL when QUJAT_TEST_DATABASE_URL names
 * a server where the role may create databases (.ci/run sets it up). Each fresh() store is an
 * empty file or an empty PostgreSQL database of its own, removed when the test ends.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, onTestFinished } from 'vitest';
import { createLogger } from '../../src/log/index.js';
import { openDatabase, type Database, type DialectName, type StoreConfig } from '../../src/store/index.js';

const POSTGRES_URL = process.env.QUJAT_TEST_DATABASE_URL;

/** TestStore is one empty database; open() it more than once to imitate several processes. */
export interface TestStore {
  readonly config: StoreConfig;
  /** The store's log lines, parsed. */
  readonly logs: Array<{ event: string; [field: string]: unknown }>;
  open(options?: Pick<StoreConfig, 'poolSize' | 'busyTimeoutMs'>): Promise<Database>;
}

export interface TestDialect {
  readonly name: DialectName;
  fresh(): Promise<TestStore>;
}

function testStore(config: StoreConfig): TestStore & { closeAll(): Promise<void> } {
  const logs: TestStore['logs'] = [];
  const logger = createLogger('debug', (line) => logs.push(JSON.parse(line)));
  const opened: Database[] = [];
  return {
    config,
    logs,
    async open(options = {}) {
      const db = await openDatabase({ ...config, ...options }, { logger });
      opened.push(db);
      return db;
    },
    async closeAll() {
      await Promise.all(opened.splice(0).map((db) => db.destroy()));
    },
  };
}

/** sqliteDialect is for tests of what only SQLite has (pragmas, several Databases on one file). */
export const sqliteDialect: TestDialect = {
  name: 'sqlite',
  async fresh() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-store-'));
    const store = testStore({ sqlitePath: path.join(dir, 'data', 'qujat.db') });
    onTestFinished(async () => {
      await store.closeAll();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return store;
  },
};

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function postgres(url: string): TestDialect {
  return {
    name: 'postgres',
    async fresh() {
      const name = `qujat_test_${randomBytes(6).toString('hex')}`;
      await admin(url, (client) => client.query(`create database ${name}`));
      const target = new URL(url);
      target.pathname = `/${name}`;
      const store = testStore({ url: target.toString(), sqlitePath: '/nonexistent/unused.db' });
      onTestFinished(async () => {
        await store.closeAll();
        await admin(url, (client) => client.query(`drop database if exists ${name} with (force)`));
      });
      return store;
    },
  };
}

/**
 * describeEachDialect declares the suite once per dialect. Without QUJAT_TEST_DATABASE_URL the
 * PostgreSQL suite is reported as skipped, with the reason in its name.
 */
export function describeEachDialect(title: string, body: (dialect: TestDialect) => void): void {
  describe(`${title} [sqlite]`, () => body(sqliteDialect));
  if (POSTGRES_URL) {
    describe(`${title} [postgres]`, () => body(postgres(POSTGRES_URL)));
  } else {
    describe.skip(`${title} [postgres] — skipped: set QUJAT_TEST_DATABASE_URL=postgres://user:password@host/db to run`, () =>
      body(postgres('postgres://unset')),
    );
  }
}
