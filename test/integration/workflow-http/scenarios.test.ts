/**
 * Every scenario in samples/scenarios driven through the real HTTP API of a composed service:
 * each call with the key of its role, each answer's status, state and documents as the scenario
 * expects; the issued document fetched as a PDF and verified.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../src/compose.js';
import type { Role } from '../../../src/domain/index.js';
import { ROOT } from '../../helpers/project.js';
import { listen, runningClock, startTestService, type HttpHandle } from '../../helpers/service.js';

interface Step {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  readonly role: Role;
  readonly idempotencyKey?: string;
  readonly body?: unknown;
  readonly expect: { readonly status: number; readonly state?: string; readonly documents?: readonly string[]; readonly queueStatus?: string };
}

interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly service: string;
  readonly channel: string;
  readonly provider: string;
  readonly applicantIin: string;
  readonly issued: string;
  readonly steps: readonly Step[];
}

interface ApplicationJson {
  number: string;
  state: string;
  history: Array<{ from: string; to: string; action: string }>;
  documents: Array<{ number: string; kind: string }>;
}

const DIR = path.join(ROOT, 'samples', 'scenarios');
const scenarios: Scenario[] = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Scenario);

let service: Service;
let http: HttpHandle;

beforeAll(async () => {
  // The scenarios' dates (periods, conclusions, orders) are of November 2026: the service's clock starts there.
  service = await startTestService('scenarios', { clock: runningClock() });
  http = await listen(service);
});

afterAll(async () => {
  await http?.close();
  await service?.stop();
});

/** keysFor makes a key for every role, scoped to the scenario's provider and applicant. */
async function keysFor(scenario: Scenario): Promise<Record<Role, string>> {
  const add = async (role: Role, scope: { providerId?: string; iin?: string } = {}) => (await service.apiKeys.add({ role, ...scope })).key;
  return {
    SYSTEM: await add('SYSTEM'),
    CON_OPERATOR: await add('CON_OPERATOR'),
    PROVIDER_EMPLOYEE: await add('PROVIDER_EMPLOYEE', { providerId: scenario.provider }),
    PROVIDER_HEAD: await add('PROVIDER_HEAD', { providerId: scenario.provider }),
    APPLICANT: await add('APPLICANT', { iin: scenario.applicantIin }),
  };
}

/** fill replaces `{name}` placeholders: inside strings, or a whole string by the value itself (a number). */
function fill(value: unknown, vars: Record<string, string | number>): unknown {
  if (typeof value === 'string') {
    const whole = /^\{([a-zA-Z]+)\}$/.exec(value);
    if (whole && vars[whole[1] as string] !== undefined) return vars[whole[1] as string];
    return value.replace(/\{([a-zA-Z]+)\}/g, (match, name: string) => String(vars[name] ?? match));
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, vars));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)]));
  return value;
}

async function send(step: Step, key: string, vars: Record<string, string | number>) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: 'application/json' };
  if (step.idempotencyKey) headers['idempotency-key'] = String(fill(step.idempotencyKey, vars));
  let body: string | undefined;
  if (step.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(fill(step.body, vars));
  }
  const response = await fetch(`${http.url}${String(fill(step.path, vars))}`, { method: step.method, headers, ...(body ? { body } : {}) });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as Record<string, unknown> | null };
}

describe('samples/scenarios', () => {
  it('has at least one scenario per service and channel, and a refusal with a reason', () => {
    const pairs = new Set(scenarios.map((s) => `${s.service}/${s.channel}`));
    for (const pair of [
      'unemployed-certificate/portal',
      'unemployed-certificate/con',
      'unemployed-certificate/provider',
      'disabled-children-home-education/portal',
      'disabled-children-home-education/provider',
      'preschool-queue/portal',
      'preschool-queue/con',
      'preschool-queue/provider',
    ]) {
      expect(pairs, pair).toContain(pair);
    }
    const refusal = scenarios.flatMap((s) => s.steps).find((step) => (step.body as { reason?: string } | undefined)?.reason);
    expect(refusal).toBeDefined();
  });

  for (const scenario of scenarios) {
    it(`${scenario.name}: every call as expected, the issued ${scenario.issued} verifies`, async () => {
      const keys = await keysFor(scenario);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
      const vars: Record<string, string | number> = { scenario: scenario.name, today };
      let transitions = 0;
      for (const [index, step] of scenario.steps.entries()) {
        const where = `${scenario.name} step ${index + 1}: ${step.method} ${step.path}`;
        const answer = await send(step, keys[step.role], vars);
        expect(answer.status, `${where}: ${JSON.stringify(answer.json)}`).toBe(step.expect.status);
        const json = answer.json ?? {};
        if (typeof json.number === 'string' && vars.number === undefined) vars.number = json.number;
        if (typeof json.ageYears === 'number') vars.childAge = json.ageYears;
        if (step.expect.state) expect(json.state, where).toBe(step.expect.state);
        if (step.expect.queueStatus) expect(json.status, where).toBe(step.expect.queueStatus);
        if (step.expect.documents) {
          const kinds = (json as unknown as ApplicationJson).documents.map((d) => d.kind).sort();
          expect(kinds, where).toEqual([...step.expect.documents].sort());
        }
        if (step.path.includes('/actions/')) transitions++;
      }

      const final = await send({ method: 'GET', path: '/v1/applications/{number}', role: 'APPLICANT', expect: { status: 200 } }, keys.APPLICANT, vars);
      expect(final.status).toBe(200);
      const application = final.json as unknown as ApplicationJson;
      // The history is a chain: each entry starts where the previous one ended, and ends at the state.
      for (let i = 1; i < application.history.length; i++) expect(application.history[i]?.from).toBe(application.history[i - 1]?.to);
      expect(application.history.at(-1)?.to).toBe(application.state);
      expect(application.history.length).toBeGreaterThanOrEqual(transitions);

      // The applicant's key lists this application among its own, and nobody else's.
      const own = await fetch(`${http.url}/v1/applications?limit=200`, { headers: { authorization: `Bearer ${keys.APPLICANT}` } });
      const worklist = (await own.json()) as { items: Array<{ number: string; applicant: { iin: string } }> };
      expect(worklist.items.map((item) => item.number)).toContain(application.number);
      expect(worklist.items.every((item) => item.applicant.iin === scenario.applicantIin)).toBe(true);

      const document = application.documents.find((d) => d.kind === scenario.issued);
      expect(document, `${scenario.issued} among ${JSON.stringify(application.documents)}`).toBeDefined();
      const pdf = await fetch(`${http.url}/v1/documents/${document?.number}.pdf`, { headers: { authorization: `Bearer ${keys.APPLICANT}` } });
      expect(pdf.status).toBe(200);
      const bytes = new Uint8Array(await pdf.arrayBuffer());
      const verdict = (await (await fetch(`${http.url}/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: bytes })).json()) as {
        valid: boolean;
        number: string;
        kind: string;
      };
      expect(verdict.valid, JSON.stringify(verdict)).toBe(true);
      expect(verdict.number).toBe(document?.number);
      expect(verdict.kind).toBe(scenario.issued);
    });
  }
});
