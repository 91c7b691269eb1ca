/**
 * The /v1 API over real HTTP on a composed service: the OpenAPI document describes exactly the
 * routes Express serves; keys authenticate (401) and roles authorise (403); bad input is a 4xx
 * with kk and ru texts, never a 5xx.
 */
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../src/compose.js';
import { listen, PAST_PERIOD, startService, type HttpHandle } from '../../helpers/service.js';

let service: Service;
let http: HttpHandle;
const keys: Record<string, string> = {};

beforeAll(async () => {
  service = await startService();
  http = await listen(service);
  keys.system = (await service.apiKeys.add({ role: 'SYSTEM' })).key;
  keys.applicant = (await service.apiKeys.add({ role: 'APPLICANT', iin: '880412301010' })).key;
  keys.head = (await service.apiKeys.add({ role: 'PROVIDER_HEAD', providerId: 'urzhar-education' })).key;
  const revoked = await service.apiKeys.add({ role: 'SYSTEM' });
  keys.revoked = revoked.key;
  await service.apiKeys.revoke(revoked.stored.keyId);
});

afterAll(async () => {
  await http?.close();
  await service?.stop();
});

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** expressRoutes walks the app's router (and routers mounted in it) for every method and path. */
function expressRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) found.push(`${method.toUpperCase()} ${layer.route.path}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found;
}

interface ErrorJson {
  error: { code: string; message: { kk: string; ru: string }; details?: unknown; requestId: string };
}

async function call(method: string, path: string, options: { key?: string; body?: string; type?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${http.url}${path}`, {
    method,
    headers: {
      ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
      ...(options.type ? { 'content-type': options.type } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as unknown) : null };
}

/** rejected expects a 4xx with the bilingual envelope and returns the error. */
async function rejected(status: number, method: string, path: string, options: Parameters<typeof call>[2] = {}) {
  const answer = await call(method, path, options);
  expect(answer.status, `${method} ${path}`).toBe(status);
  const { error } = answer.json as ErrorJson;
  expect(error.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  expect(error.message.kk.trim()).not.toBe('');
  expect(error.message.ru.trim()).not.toBe('');
  expect(error.message.kk).not.toBe(error.message.ru);
  expect(JSON.stringify(error)).not.toContain('{{');
  return { ...error, headers: answer.headers };
}

describe('GET /v1/openapi.json', () => {
  it('is OpenAPI 3.1 with bearer security and describes every /v1 route Express serves, and nothing else', async () => {
    const answer = await call('GET', '/v1/openapi.json');
    expect(answer.status).toBe(200);
    const document = answer.json as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { securitySchemes: Record<string, { scheme: string }> } };
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes.bearer?.scheme).toBe('bearer');
    const described = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{([A-Za-z]+)\}/g, ':$1')}`))
      .sort();
    const served = expressRoutes(service.app).filter((route) => route.split(' ')[1]?.startsWith('/v1/')).sort();
    expect(served.length).toBeGreaterThanOrEqual(17);
    expect(described).toEqual(served);
  });

  it('takes the request schemas from zod: the application form of each service', async () => {
    const document = (await call('GET', '/v1/openapi.json')).json as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>> };
    const submit = JSON.stringify(document.paths['/v1/applications']?.post?.requestBody?.content['application/json']?.schema);
    for (const id of ['unemployed-certificate', 'disabled-children-home-education', 'preschool-queue']) expect(submit).toContain(id);
    expect(submit).toContain('homeEducationPeriod');
  });

  it('points every $ref at a schema it defines', async () => {
    const document = (await call('GET', '/v1/openapi.json')).json as { components: { schemas: Record<string, unknown> } };
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([A-Za-z]+)"/g)].map((m) => m[1] as string);
    expect(refs).toContain('Application');
    for (const name of new Set(refs)) expect(document.components.schemas, name).toHaveProperty(name);
  });
});

describe('authentication and roles', () => {
  it('answers 401 with WWW-Authenticate without a key, with a malformed key and with a revoked key', async () => {
    for (const key of [undefined, 'qj_nonsense', keys.revoked]) {
      const error = await rejected(401, 'GET', '/v1/applications', key ? { key } : {});
      expect(error.code).toBe('AUTHENTICATION_REQUIRED');
      expect(error.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('answers 403 to a valid key whose role the route does not admit', async () => {
    const error = await rejected(403, 'GET', '/v1/reports/quality?from=2026-01-01&to=2026-12-31', { key: keys.applicant });
    expect(error.code).toBe('ROLE_FORBIDDEN');
    await rejected(403, 'PUT', '/v1/providers/urzhar-education/free-places', { key: keys.applicant, type: 'application/json', body: '{}' });
  });

  it('lets the catalogue and the OpenAPI document be read without a key', async () => {
    const answer = await call('GET', '/v1/services');
    expect(answer.status).toBe(200);
    const { services } = answer.json as { services: Array<{ id: string; name: { kk: string; ru: string }; states: Array<{ actions: Array<{ roles: string[] }> }> }> };
    expect(services.map((s) => s.id)).toEqual(['unemployed-certificate', 'disabled-children-home-education', 'preschool-queue']);
    expect(services[0]?.name.kk).not.toBe(services[0]?.name.ru);
    expect(services[0]?.states.flatMap((s) => s.actions).every((a) => a.roles.length > 0)).toBe(true);
  });
});

describe('attachments', () => {
  it('takes a file as base64 in the JSON application and gives the same bytes back, with their type as sniffed', async () => {
    const operator = (await service.apiKeys.add({ role: 'CON_OPERATOR' })).key;
    const pdf = Buffer.from('%PDF-1.4\n% a scanned identity document\n%%EOF\n');
    const submitted = await call('POST', '/v1/applications', {
      key: operator,
      type: 'application/json',
      body: JSON.stringify({
        serviceId: 'unemployed-certificate',
        channel: 'con',
        providerId: 'ekibastuz-employment',
        language: 'ru',
        form: { iin: '880412301010', fullName: 'Омаров Ерлан Серікұлы', period: PAST_PERIOD },
        attachments: [{ name: 'удостоверение.pdf', mediaType: 'application/octet-stream', content: pdf.toString('base64') }],
      }),
    });
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(201);
    const application = submitted.json as { number: string; attachments: Array<{ id: number; name: string; mediaType: string; size: number }> };
    expect(application.attachments).toHaveLength(1);
    expect(application.attachments[0]).toMatchObject({ name: 'удостоверение.pdf', mediaType: 'application/pdf', size: pdf.byteLength });
    const file = await fetch(`${http.url}/v1/applications/${application.number}/attachments/${application.attachments[0]?.id}`, { headers: { authorization: `Bearer ${operator}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('удостоверение.pdf'));
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    const stranger = (await service.apiKeys.add({ role: 'APPLICANT', iin: '900903401021' })).key;
    await rejected(404, 'GET', `/v1/applications/${application.number}/attachments/${application.attachments[0]?.id}`, { key: stranger });
    const own = await fetch(`${http.url}/v1/applications/${application.number}/attachments/${application.attachments[0]?.id}`, { headers: { authorization: `Bearer ${keys.applicant}` } });
    expect(own.status).toBe(200);
  });
});

describe('bad input is a 4xx with kk and ru texts', () => {
  it('checks the worklist query strictly', async () => {
    for (const query of ['limit=0', 'limit=201', 'limit=ten', 'channel=fax', 'overdue=yes', 'service=nothing', 'colour=red', 'limit=5&limit=6']) {
      const error = await rejected(400, 'GET', `/v1/applications?${query}`, { key: keys.system });
      expect(error.code, query).toBe('INVALID_INPUT');
    }
  });

  it('checks path parameters, the Idempotency-Key header, media types and bodies', async () => {
    const iin = await rejected(400, 'GET', '/v1/applicants/880412301011/notifications', { key: keys.system });
    expect(JSON.stringify(iin.details)).toContain('INVALID_IIN');
    expect((await rejected(400, 'POST', '/v1/applications/X1/actions/register', { key: keys.system })).code).toBe('PATH_PARAMETER_MALFORMED');
    expect((await rejected(400, 'GET', `/v1/applications/${'9'.repeat(65)}`, { key: keys.system })).code).toBe('PATH_PARAMETER_MALFORMED');
    expect((await rejected(400, 'GET', '/v1/applications/X1/attachments/0', { key: keys.system })).code).toBe('PATH_PARAMETER_MALFORMED');
    const idempotency = await rejected(400, 'POST', '/v1/applications', { key: keys.system, type: 'application/json', body: '{}', headers: { 'idempotency-key': 'two words' } });
    expect(idempotency.code).toBe('IDEMPOTENCY_KEY_MALFORMED');
    expect((await rejected(415, 'POST', '/v1/applications', { key: keys.system, type: 'text/plain', body: 'hello' })).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await rejected(400, 'POST', '/v1/applications', { key: keys.system, type: 'application/json', body: '{"serviceId":' })).code).toBe('MALFORMED_JSON');
    const envelope = await rejected(400, 'POST', '/v1/applications', { key: keys.system, type: 'application/json', body: JSON.stringify({ serviceId: 'x', channel: 'fax', colour: 1 }) });
    expect(JSON.stringify(envelope.details)).toMatch(/UNKNOWN_FIELD/);
    const action = await rejected(400, 'POST', '/v1/applications/X1/actions/REGISTER', { key: keys.system, type: 'application/json', body: JSON.stringify({ reason: 'x', when: 1 }) });
    expect(action.code).toBe('INVALID_INPUT');
    const places = await rejected(400, 'PUT', '/v1/providers/urzhar-education/free-places', { key: keys.head, type: 'application/json', body: JSON.stringify({ organisationId: 'baldyrgan', ageYears: 3, free: -1 }) });
    expect(places.code).toBe('INVALID_INPUT');
    const order = await rejected(400, 'GET', '/v1/reports/quality?from=2026-12-31&to=2026-01-01', { key: keys.system });
    expect(JSON.stringify(order.details)).toContain('DATE_ORDER');
    const questionnaire = await rejected(400, 'POST', '/v1/applications/X1/questionnaire', { key: keys.system, type: 'application/json', body: JSON.stringify({ quality: 'great' }) });
    expect(questionnaire.code).toBe('INVALID_INPUT');
  });

  it('never answers odd input with a 5xx', async () => {
    const json = { type: 'application/json' };
    const requests: Array<[string, string, Parameters<typeof call>[2]]> = [
      ['GET', '/v1/applications?cursor=garbage', {}],
      ['GET', '/v1/applications?cursor=eyJkIjoxLCJuIjoyfQ', {}],
      ['GET', '/v1/applications?status=%00', {}],
      ['GET', '/v1/applications/%E0%A4%A', {}],
      ['GET', '/v1/applications/1402-2026-000001/attachments/99999999999', {}],
      ['GET', '/v1/applications/1402-2026-000001/queue-position', {}],
      ['GET', '/v1/applicants/880412301010/notifications?cursor=abc', {}],
      ['GET', '/v1/providers/nowhere/queue', {}],
      ['GET', '/v1/providers/nowhere/free-places', {}],
      ['PUT', '/v1/providers/nowhere/free-places', { ...json, body: JSON.stringify({ organisationId: 'x', ageYears: 3, free: 1 }) }],
      ['PUT', '/v1/providers/urzhar-education/free-places', { ...json, body: JSON.stringify({ organisationId: 'nowhere', ageYears: 3, free: 1 }) }],
      ['POST', '/v1/applications', { ...json, body: JSON.stringify({ serviceId: 'preschool-queue', channel: 'portal', form: null }) }],
      ['POST', '/v1/applications', { ...json, body: JSON.stringify({ serviceId: 'preschool-queue', channel: 'con', form: { iin: 1 } }) }],
      ['POST', '/v1/applications', { ...json, body: '[]' }],
      ['POST', '/v1/applications', { ...json, body: '"text"' }],
      ['POST', '/v1/applications', { ...json, body: JSON.stringify({ serviceId: 'unemployed-certificate', channel: 'con', form: {}, attachments: [{ name: 'a', mediaType: 'text/plain', content: '!!' }] }) }],
      ['POST', '/v1/applications', { type: 'application/xml', body: '<a>' }],
      ['POST', '/v1/applications/1402-2026-000001/actions/SIGN', { ...json, body: JSON.stringify({ document: { registeredFrom: 5 } }) }],
      ['POST', '/v1/applications/1402-2026-000001/actions/EXTEND', { ...json, body: JSON.stringify({ newDeadline: 'tomorrow' }) }],
      ['POST', '/v1/applications/1402-2026-000001/questionnaire', { ...json, body: JSON.stringify({ quality: 'satisfied', accessibility: 'satisfied' }) }],
      ['GET', '/v1/reports/quality?from=2026-02-30&to=2026-03-01', {}],
      ['GET', '/v1/reports/quality', {}],
    ];
    for (const [method, path, options] of requests) {
      const answer = await call(method, path, { key: keys.system, ...options });
      expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.json)}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.json)}`).toBeLessThan(500);
    }
  });

  it('answers 404, not 403, when an applicant asks for an application or notifications that are not theirs', async () => {
    expect((await rejected(404, 'GET', '/v1/applicants/900903401021/notifications', { key: keys.applicant })).code).toMatch(/NOT_FOUND/);
    expect((await rejected(404, 'GET', '/v1/applications/1402-2026-000001', { key: keys.applicant })).code).toMatch(/NOT_FOUND/);
  });
});
