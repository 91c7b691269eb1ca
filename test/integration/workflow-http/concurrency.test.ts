/**
 * 100 intakes at once over HTTP: 100 distinct numbers, each with a complete history; a repeated
 * Idempotency-Key gets the first answer. On SQLite, and on PostgreSQL when
 * QUJAT_TEST_DATABASE_URL names a server (a database of its own is made and dropped).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../src/compose.js';
import { listen, PAST_PERIOD, startService, type HttpHandle } from '../../helpers/service.js';

const POSTGRES_URL = process.env.QUJAT_TEST_DATABASE_URL;

let service: Service;
let http: HttpHandle;
let operator: string;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const body = JSON.stringify({
  serviceId: 'unemployed-certificate',
  channel: 'con',
  providerId: 'ekibastuz-employment',
  language: 'ru',
  form: { iin: '880412301010', fullName: 'Омаров Ерлан Серікұлы', period: PAST_PERIOD },
});

interface ApplicationJson {
  number: string;
  state: string;
  history: Array<{ seq: number; from: string; to: string }>;
}

function submit(idempotencyKey?: string) {
  return fetch(`${http.url}/v1/applications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    body,
  });
}

function suite(dialect: 'sqlite' | 'postgres') {
  const database = `qujat_test_${randomBytes(6).toString('hex')}`;
  beforeAll(async () => {
    let env: Record<string, string> = {};
    if (dialect === 'postgres') {
      await admin(`create database ${database}`);
      const url = new URL(POSTGRES_URL as string);
      url.pathname = `/${database}`;
      env = { DATABASE_URL: url.toString() };
    }
    service = await startService(env);
    http = await listen(service);
    operator = (await service.apiKeys.add({ role: 'CON_OPERATOR' })).key;
  });

  afterAll(async () => {
    await http?.close();
    await service?.stop();
    if (dialect === 'postgres') await admin(`drop database if exists ${database} with (force)`);
  });

  it('gives 100 parallel intakes 100 distinct numbers, each with its complete history', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => submit()));
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(201));
    const created = (await Promise.all(answers.map((a) => a.json()))) as ApplicationJson[];
    const numbers = created.map((a) => a.number);
    expect(new Set(numbers).size).toBe(100);

    const stored = (await Promise.all(
      numbers.map(async (number) => (await fetch(`${http.url}/v1/applications/${number}`, { headers: { authorization: `Bearer ${operator}` } })).json()),
    )) as ApplicationJson[];
    for (const [i, application] of stored.entries()) {
      expect(application.number).toBe(numbers[i]);
      expect(application.history.length).toBeGreaterThanOrEqual(1);
      expect(application.history.map((h) => h.seq)).toEqual([...application.history.map((h) => h.seq)].sort((a, b) => a - b));
      for (let k = 1; k < application.history.length; k++) expect(application.history[k]?.from).toBe(application.history[k - 1]?.to);
      expect(application.history.at(-1)?.to).toBe(application.state);
      expect(application).toEqual(created[i]);
    }
  });

  it('answers ten parallel repeats of one Idempotency-Key with one and the same application', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => submit('concurrency-repeat-1')));
    const numbers = new Set(await Promise.all(answers.map(async (a) => ((await a.json()) as ApplicationJson).number)));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(numbers.size).toBe(1);
  });
}

describe('HTTP intake under concurrency [sqlite]', () => suite('sqlite'));
if (POSTGRES_URL) describe('HTTP intake under concurrency [postgres]', () => suite('postgres'));
else describe.skip('HTTP intake under concurrency [postgres] — skipped: set QUJAT_TEST_DATABASE_URL to run', () => suite('postgres'));
