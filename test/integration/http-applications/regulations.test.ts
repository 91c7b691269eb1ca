/**
 * Regulations end to end through the API: an application takes the norms of the act its provider
 * works under (Ekibastuz's 001 at the Ekibastuz desk, Urdzhar's 002 at the Urdzhar desk), keeps
 * that act when the provider is rebound, and is refused on a channel its provider's act does not
 * offer; the catalogue shows each service's regulations with their acts in kk and ru.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../src/compose.js';
import { listen, ROOT, startTestService, type HttpHandle } from '../../helpers/service.js';

// Wednesday 18 March 2026, 10:00 in Almaty: the minute norms end the same day.
const T0 = new Date('2026-03-18T05:00:00.000Z');
const clock = { now: () => new Date(T0) };
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();
const OMAROV = { iin: '880412301010', fullName: 'Омаров Ерлан Серікұлы' };

interface ApplicationJson {
  number: string;
  state: string;
  deadline: string | null;
  regulation: { id: string; act: { id: string; adopted: { date: string; number: string }; repealed: { date: string; number: string } | null } };
}
interface ErrorJson {
  error: { code: string; message: { kk: string; ru: string }; details: Record<string, unknown> };
}

let service: Service;
let http: HttpHandle;

async function open(env: Record<string, string> = {}) {
  service = await startTestService('regulations', { clock, env });
  http = await listen(service);
}

async function close() {
  await http.close();
  await service.stop();
}

beforeAll(() => open());
afterAll(() => close());

async function call(method: string, route: string, key?: string, body?: unknown) {
  const response = await fetch(`${http.url}${route}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as unknown };
}

const employeeKey = async (providerId: string) => (await service.apiKeys.add({ role: 'PROVIDER_EMPLOYEE', providerId })).key;

/** atDesk submits an unemployed certificate request at the provider's desk. */
async function atDesk(key: string, providerId: string): Promise<ApplicationJson> {
  const answer = await call('POST', '/v1/applications', key, {
    serviceId: 'unemployed-certificate',
    channel: 'provider',
    providerId,
    language: 'ru',
    form: { ...OMAROV, period: { from: '2026-01-01', to: '2026-02-28' } },
  });
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  return answer.json as ApplicationJson;
}

async function act(key: string, number: string, action: string): Promise<ApplicationJson> {
  const answer = await call('POST', `/v1/applications/${number}/actions/${action}`, key, {});
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return answer.json as ApplicationJson;
}

describe('regulations as data', () => {
  it('an application at the Ekibastuz desk gets Ekibastuz’s norms, one at the Urdzhar desk Urdzhar’s, and each shows its act', async () => {
    const cases = [
      // 001: intake actions 1–2 (≤ 25 s, L355), decision action 8 «10 минут» (L406).
      { providerId: 'ekibastuz-employment', regulation: 'unemployed-certificate/ekibastuz-2013', act: 'ekibastuz-2013-168-2', number: '168/2', intake: 1, decision: 10 },
      // 002: МИО step 1 ≤ 5 мин, step 5 ≤ 4 мин (L379, L447).
      { providerId: 'urzhar-employment', regulation: 'unemployed-certificate/urdzhar-2012', act: 'urdzhar-2012-502', number: '502', intake: 5, decision: 4 },
    ];
    for (const expected of cases) {
      const key = await employeeKey(expected.providerId);
      const submitted = await atDesk(key, expected.providerId);
      expect(submitted.deadline).toBe(at(expected.intake));
      expect(submitted.regulation).toMatchObject({ id: expected.regulation, act: { id: expected.act, adopted: { number: expected.number } } });
      await act(key, submitted.number, 'REGISTER');
      const inWork = await act(key, submitted.number, 'TAKE_INTO_WORK');
      expect(inWork.state).toBe('IN_WORK');
      expect(inWork.deadline).toBe(at(expected.decision));
      const read = (await call('GET', `/v1/applications/${submitted.number}`, key)).json as ApplicationJson;
      expect(read.regulation.id).toBe(expected.regulation);
      expect(read.regulation.act.repealed).not.toBeNull();
    }
  });

  it('refuses a request on a channel the provider’s act does not offer, in kk and ru', async () => {
    const system = (await service.apiKeys.add({ role: 'SYSTEM', label: 'portal' })).key;
    // Aktobe's act (003, service 3) offers the portal only «в части предоставлении информации» (L429–L439).
    const answer = await call('POST', '/v1/applications', system, {
      serviceId: 'disabled-children-home-education',
      channel: 'portal',
      providerId: 'aktobe-employment',
      language: 'ru',
      form: {
        iin: '920228401036',
        fullName: 'Иванова Елена Петровна',
        child: { iin: '150319502043', fullName: 'Иванов Артём Сергеевич', birthDate: '2015-03-19' },
        conclusion: { number: 'ПМПК-17', date: '2026-03-01' },
        homeEducationPeriod: { from: '2026-04-01', to: '2026-05-31' },
      },
    });
    expect(answer.status).toBe(400);
    const { error } = answer.json as ErrorJson;
    expect(error.code).toBe('REGULATION_CHANNEL_NOT_OFFERED');
    expect(error.details).toMatchObject({ providerId: 'aktobe-employment', regulationId: 'disabled-children-home-education/aktobe-2014', channel: 'portal' });
    expect(error.message.ru).toContain('disabled-children-home-education/aktobe-2014');
    expect(error.message.kk).toContain('арнасы көзделмеген');
  });

  it('GET /v1/services/{id} shows the service’s regulations with their acts, in kk and ru, repealed; an unknown id is a 404', async () => {
    const answer = await call('GET', '/v1/services/unemployed-certificate');
    expect(answer.status).toBe(200);
    const body = answer.json as {
      regulations: Array<{
        id: string;
        channels: string[];
        steps: Array<{ state: string; deadline: Record<string, unknown>; source: { seed: string; lines: number[] } }>;
        act: { name: { kk: string; ru: string }; status: string; statusText: { kk: string; ru: string }; repealed: { text: { kk: string; ru: string } } | null };
      }>;
    };
    expect(body.regulations.map((r) => r.id)).toEqual([
      'unemployed-certificate/urdzhar-2012',
      'unemployed-certificate/pavlodar-2013',
      'unemployed-certificate/ekibastuz-2013',
      'unemployed-certificate/mamlyut-2012',
      'unemployed-certificate/aktobe-2014',
    ]);
    const ekibastuz = body.regulations[2]!;
    expect(ekibastuz.act.name.kk).toBe('Павлодар облысы Екібастұз қалалық әкімдігінің 2013 жылғы 15 ақпандағы № 168/2 қаулысы');
    expect(ekibastuz.act.name.ru).toBe('Постановление акимата города Экибастуза Павлодарской области от 15 февраля 2013 года № 168/2');
    expect(ekibastuz.act.status).toBe('repealed');
    expect(ekibastuz.act.statusText).toEqual({ kk: 'күшін жойған', ru: 'утратил силу' });
    expect(ekibastuz.act.repealed?.text.ru).toContain('от 19 июня 2013 года № 555/6');
    expect(ekibastuz.steps.find((s) => s.state === 'IN_WORK')).toMatchObject({ deadline: { provider: { minutes: 10 } }, source: { seed: '001' } });
    const list = (await call('GET', '/v1/services')).json as { services: Array<{ id: string; regulations: unknown[] }> };
    expect(list.services.map((s) => [s.id, s.regulations.length])).toEqual([
      ['unemployed-certificate', 5],
      ['disabled-children-home-education', 4],
      ['preschool-queue', 1],
    ]);
    const missing = await call('GET', '/v1/services/no-such-service');
    expect(missing.status).toBe(404);
    expect((missing.json as ErrorJson).error.code).toBe('SERVICE_NOT_FOUND');
    expect((missing.json as ErrorJson).error.message.kk).toContain('no-such-service');
  });

  // Last: it restarts the service over the same database with the provider rebound.
  it('a provider rebound to another act keeps its earlier applications under the first', async () => {
    const before = await atDesk(await employeeKey('urzhar-employment'), 'urzhar-employment');
    await act(await employeeKey('urzhar-employment'), before.number, 'REGISTER');

    const providers = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples', 'providers.json'), 'utf8')) as Array<{ id: string; regulations: Record<string, string> }>;
    const urzhar = providers.find((p) => p.id === 'urzhar-employment')!;
    urzhar.regulations['unemployed-certificate'] = 'unemployed-certificate/mamlyut-2012';
    const data = service.config.paths.data;
    const rebound = path.join(data, 'providers-rebound.json');
    fs.writeFileSync(rebound, JSON.stringify(providers));
    await close();
    await open({ QUJAT_DATA_DIR: data, QUJAT_PROVIDERS_FILE: rebound });

    const key = await employeeKey('urzhar-employment');
    const earlier = await act(key, before.number, 'TAKE_INTO_WORK');
    expect(earlier.regulation.id).toBe('unemployed-certificate/urdzhar-2012');
    expect(earlier.deadline).toBe(at(4)); // Urdzhar's desk decision, ≤ 4 мин (002:L447)
    const later = await atDesk(key, 'urzhar-employment');
    expect(later.regulation.id).toBe('unemployed-certificate/mamlyut-2012');
    expect(later.deadline).toBe(at(10)); // Mamlyut's desk intake, ≤ 10 мин (004:L218)
    await act(key, later.number, 'REGISTER');
    expect((await act(key, later.number, 'TAKE_INTO_WORK')).deadline).toBe(at(10)); // Mamlyut's desk decision (004:L225)
  });
});
