/** 100 intakes at once over HTTP: 100 distinct numbers, each with a complete history; a repeated Idempotency-Key gets the first answer. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Service } from '../../../src/compose.js';
import { listen, startService, type HttpHandle } from '../../helpers/service.js';

let service: Service;
let http: HttpHandle;
let operator: string;

beforeAll(async () => {
  service = await startService();
  http = await listen(service);
  operator = (await service.apiKeys.add({ role: 'CON_OPERATOR' })).key;
});

afterAll(async () => {
  await http?.close();
  await service?.stop();
});

const body = JSON.stringify({
  serviceId: 'unemployed-certificate',
  channel: 'con',
  providerId: 'ekibastuz-employment',
  language: 'ru',
  form: { iin: '880412301010', fullName: 'Омаров Ерлан Серікұлы', period: { from: '2026-01-01', to: '2026-06-30' } },
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
