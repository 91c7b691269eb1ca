/**
 * The bad-input corpus of the API: for every /v1 route of GET /v1/openapi.json, requests with
 * missing or wrong keys, malformed and unknown path parameters, wrong methods and media types,
 * malformed, huge and deep JSON, wrong and extra fields, bad IINs, names and dates, bad
 * Idempotency-Keys, paging cursors and filters, truncated multipart and overlong headers. None
 * answers 5xx; every 4xx is the JSON error envelope. One service for the whole file.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../src/compose.js';
import type { Role } from '../../../src/domain/index.js';
import { mutableClock } from '../../helpers/applications.js';
import { listen, startTestService, type HttpHandle } from '../../helpers/service.js';
import { BAD, BAD_DATES, BAD_IINS, BAD_NAMES, expectApiError, fill, fillBody, send, type Case } from './corpus.js';

type Who = 'nobody' | 'system' | 'employee' | 'head' | 'educationHead' | 'con' | 'applicant' | 'admin';
interface ApiCase extends Case<Who> {
  /** route: the OpenAPI route the case aims at, `METHOD /v1/path/{param}`. */
  readonly route: string;
}

const EMPLOYMENT = 'ekibastuz-employment';
const EDUCATION = 'urzhar-education';
const TURSYNOV = { iin: '990809301249', fullName: 'Тұрсынов Бауыржан Ғаниұлы' };
const clock = mutableClock('2026-11-23T04:00:00Z');
const JSON_TYPE = { 'content-type': 'application/json' };
const ADMIN_KEY = 'corpus-admin-key-0123456789abcdef';

/** ROUTES: each /v1 route with the caller who may call it and good values of its path parameters. */
const ROUTES: Record<string, { readonly as: Who; readonly params?: Readonly<Record<string, string>>; readonly json?: boolean }> = {
  'GET /v1/applications': { as: 'system' },
  'POST /v1/applications': { as: 'employee', json: true },
  'GET /v1/applications/{number}': { as: 'system', params: { number: '{app}' } },
  // APPROVE is not allowed on the submitted {app}: a case that slips through changes nothing.
  'POST /v1/applications/{number}/actions/{action}': { as: 'employee', params: { number: '{app}', action: 'APPROVE' }, json: true },
  'GET /v1/applications/{number}/attachments/{attachment}': { as: 'system', params: { number: '{app}', attachment: '1' } },
  'GET /v1/document-kinds': { as: 'nobody' },
  'POST /v1/documents': { as: 'system', json: true },
  'GET /v1/documents/{file}': { as: 'nobody', params: { file: '000000000001.pdf' } },
  'POST /v1/documents/{number}/revoke': { as: 'admin', params: { number: '000000000001' }, json: true },
  'GET /v1/applicants/{iin}/notifications': { as: 'system', params: { iin: TURSYNOV.iin } },
  'POST /v1/print-jobs': { as: 'system', json: true },
  'GET /v1/print-jobs/{file}': { as: 'system', params: { file: 'job-1' } },
  'POST /v1/applications/{number}/questionnaire': { as: 'system', params: { number: '{app}' }, json: true },
  'GET /v1/reports/quality': { as: 'head' },
  'GET /v1/applications/{number}/queue-position': { as: 'system', params: { number: '{app}' } },
  'GET /v1/providers/{id}/queue': { as: 'educationHead', params: { id: EDUCATION } },
  'GET /v1/providers/{id}/free-places': { as: 'educationHead', params: { id: EDUCATION } },
  'PUT /v1/providers/{id}/free-places': { as: 'educationHead', params: { id: EDUCATION }, json: true },
  'GET /v1/services': { as: 'nobody' },
  'GET /v1/services/{id}': { as: 'nobody', params: { id: 'unemployed-certificate' } },
  'POST /v1/verify': { as: 'nobody' },
  'GET /v1/openapi.json': { as: 'nobody' },
};

const methodOf = (route: string) => route.slice(0, route.indexOf(' '));
const templateOf = (route: string) => route.slice(route.indexOf(' ') + 1);

/** pathOf: the route's path with its good parameters, some replaced. */
function pathOf(route: string, replaced: Readonly<Record<string, string>> = {}): string {
  const params = { ...ROUTES[route]?.params, ...replaced };
  return templateOf(route).replace(/\{([a-z]+)\}/g, (_, name: string) => params[name] ?? '');
}

/** on: cases of one route, with its method, path and caller unless a case says otherwise. */
function on(route: string, cases: ReadonlyArray<Omit<ApiCase, 'route' | 'method' | 'path'> & { method?: string; path?: string }>): ApiCase[] {
  const spec = ROUTES[route];
  if (!spec) throw new Error(`no route ${route}`);
  return cases.map((c) => ({ route, method: methodOf(route), path: pathOf(route), as: spec.as, ...c }));
}

const json = (value: unknown) => JSON.stringify(value);

// ——— Per route: keys, methods, path parameters, media types and JSON itself. ———

const AUTH: readonly (readonly [string, Record<string, string>])[] = [
  ['no key', {}],
  ['a Basic credential', { authorization: 'Basic c3lzdGVtOnN5c3RlbQ==' }],
  ['an unknown key', { authorization: 'Bearer qj_0000000000000000_unknownsecretunknownsecret' }],
  ['a key of 400 characters', { authorization: `Bearer ${'k'.repeat(400)}` }],
  ['Bearer and nothing', { authorization: 'Bearer ' }],
];

function authCases(route: string): ApiCase[] {
  const spec = ROUTES[route];
  if (!spec || spec.as === 'nobody') return [];
  return on(route, AUTH.map(([name, headers]) => ({ name, as: 'nobody' as const, headers: { ...headers, ...(spec.json ? JSON_TYPE : {}) }, body: spec.json ? '{}' : undefined })));
}

const MALFORMED_PARAMETERS: readonly (readonly [string, string])[] = [
  ['path traversal', '..%2F..%2F..%2Fetc%2Fpasswd'],
  ['an encoded NUL', 'a%00b'],
  ['invalid UTF-8', '%FF%FE'],
  ['a bidi override', '%E2%80%AE123'],
  ['65 characters', 'A'.repeat(65)],
  ['a quote', "1'%20OR%20'1'%3D'1"],
];

function parameterCases(route: string): ApiCase[] {
  const spec = ROUTES[route];
  const body = spec?.json ? { headers: JSON_TYPE, body: '{}' } : {};
  return Object.keys(spec?.params ?? {}).flatMap((name) =>
    on(route, [
      ...MALFORMED_PARAMETERS.map(([what, value]) => ({ name: `${name}: ${what}`, path: pathOf(route, { [name]: value }), ...body })),
      { name: `${name}: unknown`, path: pathOf(route, { [name]: UNKNOWN[name] ?? 'unknown' }), ...body },
    ]),
  );
}

/** UNKNOWN: a well-formed value of each parameter that names nothing. */
const UNKNOWN: Record<string, string> = {
  number: '1401-2026-999999',
  action: 'LAUNCH_ROCKET',
  attachment: '999999',
  file: '999999999999.pdf',
  iin: '000101500015',
  id: 'nowhere',
};

function methodCases(route: string): ApiCase[] {
  return on(route, [{ name: 'a method the route has not', method: methodOf(route) === 'GET' ? 'DELETE' : 'PATCH' }]);
}

function mediaCases(route: string): ApiCase[] {
  if (!ROUTES[route]?.json) return [];
  return on(route, [
    { name: 'text/plain', headers: { 'content-type': 'text/plain' }, body: '{}' },
    { name: 'a form', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1&b=2' },
    { name: 'multipart', headers: { 'content-type': 'multipart/form-data; boundary=b' }, body: BAD.multipart('b', [{ name: 'a', value: '1' }]) },
    { name: 'JSON in latin1', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{}' },
    { name: 'malformed JSON', headers: JSON_TYPE, body: '{"serviceId": ' },
    { name: 'a single quote JSON', headers: JSON_TYPE, body: "{'a': 1}" },
    // The issue (H4): bytes that are no UTF-8 are refused as such, before any use case reads them.
    { name: 'invalid UTF-8 in JSON', headers: JSON_TYPE, body: BAD.invalidUtf8('{"comment": "', '"}'), status: 400 },
    { name: 'a JSON array', headers: JSON_TYPE, body: '[]' },
    { name: 'a JSON string', headers: JSON_TYPE, body: '"text"' },
    { name: 'JSON null', headers: JSON_TYPE, body: 'null' },
    { name: 'JSON nested 100000 deep', headers: JSON_TYPE, body: BAD.deepJson(100_000) },
    { name: 'JSON of 3 MB', headers: JSON_TYPE, body: BAD.hugeJson(3 * 1024 * 1024), status: 413 },
    { name: 'JSON of 50000 members', headers: JSON_TYPE, body: BAD.manyKeys(50_000) },
    { name: 'a prototype key', headers: JSON_TYPE, body: '{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}' },
  ]);
}

function headerCases(route: string): ApiCase[] {
  return on(route, [
    // Node refuses a head over 16 KB before any route: the issue wants the same envelope (431).
    { name: 'a header of 20 KB', headers: { 'x-padding': 'a'.repeat(20 * 1024) }, status: 431 },
  ]);
}

// ——— Route by route: what each body and query can get wrong. ———

const unemployedForm = (form: Record<string, unknown> = {}) => ({
  ...TURSYNOV,
  period: { from: '2026-03-01', to: '2026-11-20' },
  attachments: [],
  ...form,
});
const application = (change: Record<string, unknown> = {}, form: Record<string, unknown> = {}) =>
  json({ serviceId: 'unemployed-certificate', channel: 'provider', providerId: EMPLOYMENT, language: 'kk', form: unemployedForm(form), ...change });

const SUBMIT = on('POST /v1/applications', [
  { name: 'no service', headers: JSON_TYPE, body: json({ channel: 'provider', form: unemployedForm() }) },
  { name: 'an unknown service', headers: JSON_TYPE, body: application({ serviceId: 'birth-certificate' }) },
  { name: 'a service id of 10000 characters', headers: JSON_TYPE, body: application({ serviceId: 's'.repeat(10_000) }) },
  { name: 'an unknown channel', headers: JSON_TYPE, body: application({ channel: 'telegram' }) },
  { name: 'an unknown provider', headers: JSON_TYPE, body: application({ providerId: 'nowhere' }) },
  { name: 'a provider with a slash', headers: JSON_TYPE, body: application({ providerId: '../ekibastuz-employment' }) },
  { name: 'a language that is not kk or ru', headers: JSON_TYPE, body: application({ language: 'en' }) },
  { name: 'kk+ru as the application language', headers: JSON_TYPE, body: application({ language: 'kk+ru' }) },
  { name: 'an extra envelope field', headers: JSON_TYPE, body: application({ priority: 'urgent' }) },
  { name: 'no form', headers: JSON_TYPE, body: json({ serviceId: 'unemployed-certificate', channel: 'provider', providerId: EMPLOYMENT }) },
  { name: 'a form that is a string', headers: JSON_TYPE, body: application({ form: 'form' }) },
  { name: 'a form that is an array', headers: JSON_TYPE, body: application({ form: [] }) },
  { name: 'an extra form field', headers: JSON_TYPE, body: application({}, { nickname: 'Ерлан' }) },
  { name: 'no name', headers: JSON_TYPE, body: application({}, { fullName: undefined }) },
  { name: 'a name that is a number', headers: JSON_TYPE, body: application({}, { fullName: 42 }) },
  { name: 'a name of 100000 characters', headers: JSON_TYPE, body: application({}, { fullName: 'Ә'.repeat(100_000) }) },
  { name: 'a name of spaces', headers: JSON_TYPE, body: application({}, { fullName: '     ' }) },
  { name: 'a period that is a string', headers: JSON_TYPE, body: application({}, { period: '2026' }) },
  { name: 'a reversed period', headers: JSON_TYPE, body: application({}, { period: { from: '2026-11-20', to: '2026-03-01' } }) },
  { name: 'a period in the future', headers: JSON_TYPE, body: application({}, { period: { from: '2027-01-01', to: '2027-02-01' } }) },
  { name: 'a phone of letters', headers: JSON_TYPE, body: application({}, { phone: 'телефон' }) },
  { name: 'an e-mail without @', headers: JSON_TYPE, body: application({}, { email: 'omarov.kz' }) },
  { name: 'attachments that are an object', headers: JSON_TYPE, body: application({ attachments: {} }) },
  { name: 'eleven attachments', headers: JSON_TYPE, body: application({ attachments: Array.from({ length: 11 }, (_, i) => ({ name: `${i}.pdf`, mediaType: 'application/pdf', content: 'JVBERi0=' })) }) },
  { name: 'an attachment that is not base64', headers: JSON_TYPE, body: application({ attachments: [{ name: 'a.pdf', mediaType: 'application/pdf', content: '%%%not base64%%%' }] }) },
  { name: 'an attachment with a bad media type', headers: JSON_TYPE, body: application({ attachments: [{ name: 'a.pdf', mediaType: 'PDF', content: 'JVBERi0=' }] }) },
  // The name is kept as text and sent back percent-encoded, never used as a path.
  { name: 'an attachment named with a path', valid: true, headers: JSON_TYPE, body: application({ attachments: [{ name: '../../etc/passwd', mediaType: 'application/pdf', content: 'JVBERi0=' }] }) },
  { name: 'an attachment that is an executable', headers: JSON_TYPE, body: application({ attachments: [{ name: 'a.exe', mediaType: 'application/x-msdownload', content: 'TVqQAAMAAAAEAAAA' }] }) },
  { name: 'an attachment whose bytes are no PDF', headers: JSON_TYPE, body: application({ attachments: [{ name: 'a.pdf', mediaType: 'application/pdf', content: Buffer.from('hello').toString('base64') }] }) },
  ...BAD_IINS.map(([what, iin]) => ({ name: `an IIN: ${what}`, headers: JSON_TYPE, body: application({}, { iin }) })),
  // The issue (H4): a name with characters no name has is refused (400), not stored and printed.
  ...BAD_NAMES.map(([what, fullName]) => ({ name: `a name with ${what}`, headers: JSON_TYPE, body: application({}, { fullName }), status: 400 })),
  ...BAD_DATES.map(([what, from]) => ({ name: `a period starting on ${what}`, headers: JSON_TYPE, body: application({}, { period: { from, to: '2026-11-20' } }) })),
  { name: 'a child born in 1900', headers: JSON_TYPE, body: json({ serviceId: 'preschool-queue', channel: 'provider', providerId: EDUCATION, form: { ...TURSYNOV, child: { iin: '210510502015', fullName: 'Омаров Әлихан', birthDate: '1900-01-01' }, language: 'kk' } }) },
  { name: 'a child born tomorrow', headers: JSON_TYPE, body: json({ serviceId: 'preschool-queue', channel: 'provider', providerId: EDUCATION, form: { ...TURSYNOV, child: { iin: '210510502015', fullName: 'Омаров Әлихан', birthDate: '2026-11-24' }, language: 'kk' } }) },
  { name: 'a signed request that is not XML', headers: { 'content-type': 'application/xml' }, body: 'not xml' },
  { name: 'a signed request with an entity', headers: { 'content-type': 'application/xml' }, body: '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>' },
  { name: 'a signed request in invalid UTF-8', headers: { 'content-type': 'application/xml' }, body: BAD.invalidUtf8('<r:Request xmlns:r="urn:qujat:request">', '</r:Request>') },
  { name: 'a signed request nested 100000 deep', headers: { 'content-type': 'text/xml' }, body: `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}` },
  { name: 'an empty signed request', headers: { 'content-type': 'application/xml' }, body: '' },
  { name: 'an empty Idempotency-Key', headers: { ...JSON_TYPE, 'idempotency-key': '' }, body: application() },
  { name: 'an Idempotency-Key of 201 characters', headers: { ...JSON_TYPE, 'idempotency-key': 'k'.repeat(201) }, body: application() },
  { name: 'an Idempotency-Key with a space', headers: { ...JSON_TYPE, 'idempotency-key': 'my key' }, body: application() },
  { name: 'an Idempotency-Key in latin1', headers: { ...JSON_TYPE, 'idempotency-key': Buffer.from('clé', 'utf8').toString('latin1') }, body: application() },
  { name: 'an applicant key submitting for another', as: 'applicant', headers: JSON_TYPE, body: application({ channel: 'portal' }, { iin: '880412301010', fullName: 'Омаров Ерлан Серікұлы' }) },
  { name: 'the ЦОН submitting to the desk channel', as: 'con', headers: JSON_TYPE, body: application() },
]);

const act = (action: string, body: unknown, as: Who = 'employee'): Omit<ApiCase, 'route' | 'method'> & { name: string } => ({
  name: `${action}: ${json(body).slice(0, 60)}`,
  path: pathOf('POST /v1/applications/{number}/actions/{action}', { action }),
  headers: JSON_TYPE,
  body: json(body),
  as,
});

const ACTIONS = on('POST /v1/applications/{number}/actions/{action}', [
  act('APPROVE', { reason: 'not a code' }),
  act('APPROVE', { reason: 42 }),
  act('APPROVE', { comment: '' }),
  act('APPROVE', { comment: 'Ә'.repeat(2001) }),
  act('APPROVE', { comment: { text: 'x' } }),
  act('APPROVE', { unexpected: true }),
  act('APPROVE', { assignee: '' }),
  act('APPROVE', { organisationId: '../baldyrgan' }),
  act('APPROVE', { document: { 'bad key!': 1 } }),
  act('APPROVE', { document: [] }),
  act('APPROVE', { newDeadline: 'tomorrow' }),
  act('APPROVE', { newDeadline: '2026-02-30T10:00:00+05:00' }),
  // The issue (H4): an implausible date is refused as input (400), whatever the action.
  { ...act('APPROVE', { newDeadline: '9999-12-31T23:59:59Z' }), status: 400 },
  { ...act('APPROVE', { newDeadline: '0001-01-01T00:00:00Z' }), status: 400 },
  act('APPROVE', { newDeadline: '2026-11-25T10:00:00' }),
  act('APPROVE', {}),
  act('SIGN', {}),
  act('ISSUE_AT_CON', {}, 'con'),
  act('DELIVER_TO_CABINET', {}),
  act('EXTEND', { newDeadline: '2026-12-01T10:00:00+05:00', comment: 'x' }, 'head'),
  act('REFUSE_DOCUMENTS_AT_INTAKE', { reason: 'CHILD_OVER_AGE', comment: 'x' }),
  act('REFUSE_DOCUMENTS_AT_INTAKE', { reason: 'DOCUMENTS_INCOMPLETE' }),
  act('REFUSE_PERSON_NOT_FOUND', {}),
  act('REJECT_EDS', { reason: 'EDS_NOT_CONFIRMED' }),
  act('REGISTER', {}, 'applicant'),
  act('REGISTER', {}, 'educationHead'),
  act('LAUNCH_ROCKET', {}),
  act('register', {}),
  { name: 'an Idempotency-Key of 300 characters', headers: { ...JSON_TYPE, 'idempotency-key': 'k'.repeat(300) }, body: '{}' },
  { name: 'an Idempotency-Key with a tab', headers: { ...JSON_TYPE, 'idempotency-key': 'a\tb' }, body: '{}' },
]);

const READS = [
  ...on('GET /v1/document-kinds', [
    { name: 'a path below it', path: '/v1/document-kinds/..%2F..%2Fpackage.json' },
    { name: 'a kind below it', path: '/v1/document-kinds/unemployed-certificate%00' },
  ]),
  ...on('GET /v1/services', [
    { name: 'a service below it', path: '/v1/services/..%2F..%2Fpackage.json' },
    { name: 'an unknown service below it', path: '/v1/services/birth-certificate' },
  ]),
  ...on('GET /v1/services/{id}', [
    { name: 'an unknown service', path: '/v1/services/birth-certificate', status: 404 },
    { name: 'a service id with NUL', path: '/v1/services/unemployed-certificate%00' },
    { name: 'a service id of 300 characters', path: `/v1/services/${'s'.repeat(300)}` },
    { name: 'a service id in invalid UTF-8', path: '/v1/services/%FF%FE' },
    { name: 'a path below a service', path: '/v1/services/unemployed-certificate/..%2F..%2Fpackage.json' },
  ]),
  ...on('GET /v1/openapi.json', [
    { name: 'a path below it', path: '/v1/openapi.json/..%2F..%2Fpackage.json' },
    { name: 'another format', path: '/v1/openapi.yaml' },
  ]),
  ...on('GET /v1/applications', [
    ...['0', '-1', '201', 'abc', '1.5', '1e3', '', '99999999999999999999'].map((limit) => ({ name: `limit=${limit}`, path: `/v1/applications?limit=${limit}` })),
    { name: 'two limits', path: '/v1/applications?limit=1&limit=2' },
    { name: 'an empty cursor', path: '/v1/applications?cursor=' },
    { name: 'a cursor of 300 characters', path: `/v1/applications?cursor=${'c'.repeat(300)}` },
    { name: 'a cursor that is not one', path: '/v1/applications?cursor=not-a-cursor' },
    { name: 'a cursor of base64 JSON', path: `/v1/applications?cursor=${Buffer.from('{"at":"yesterday","number":1}').toString('base64url')}` },
    { name: 'a cursor with NUL', path: '/v1/applications?cursor=a%00b' },
    { name: 'a cursor in invalid UTF-8', path: '/v1/applications?cursor=%FF%FE%FD' },
    { name: 'two cursors', path: '/v1/applications?cursor=a&cursor=b' },
    { name: 'a lowercase state', path: '/v1/applications?state=in_work' },
    { name: 'a status with SQL', path: "/v1/applications?status=IN_WORK'%20OR%201%3D1" },
    { name: 'an unknown service', path: '/v1/applications?service=birth-certificate' },
    { name: 'an unknown channel', path: '/v1/applications?channel=fax' },
    { name: 'overdue=yes', path: '/v1/applications?overdue=yes' },
    { name: 'a provider with a path', path: '/v1/applications?provider=..%2F..%2Fetc' },
    { name: 'an empty assignee', path: '/v1/applications?assignee=' },
    { name: 'an unknown filter', path: '/v1/applications?sort=number' },
    { name: 'a filter as an object', path: '/v1/applications?state[gt]=A' },
    { name: 'a date filter the route has not', path: '/v1/applications?from=2026-02-30' },
  ]),
  ...on('GET /v1/applicants/{iin}/notifications', [
    ...BAD_IINS.filter(([, iin]) => typeof iin === 'string' && iin !== '').map(([what, iin]) => ({
      name: `an IIN: ${what}`,
      path: `/v1/applicants/${encodeURIComponent(String(iin))}/notifications`,
    })),
    { name: 'limit=0', path: `/v1/applicants/${TURSYNOV.iin}/notifications?limit=0` },
    { name: 'a cursor that is not one', path: `/v1/applicants/${TURSYNOV.iin}/notifications?cursor=zzz` },
    { name: 'an unknown parameter', path: `/v1/applicants/${TURSYNOV.iin}/notifications?unread=true` },
    { name: 'an applicant asking for another', as: 'applicant', path: '/v1/applicants/880412301010/notifications' },
  ]),
  ...on('GET /v1/reports/quality', [
    { name: 'no dates', path: '/v1/reports/quality' },
    { name: 'no end', path: '/v1/reports/quality?from=2026-11-01' },
    { name: 'a reversed period', path: '/v1/reports/quality?from=2026-11-30&to=2026-11-01' },
    ...BAD_DATES.map(([what, date]) => ({ name: `from ${what}`, path: `/v1/reports/quality?from=${encodeURIComponent(String(date))}&to=2026-11-30` })),
    { name: 'an unknown service', path: '/v1/reports/quality?from=2026-11-01&to=2026-11-30&service=nope' },
    { name: 'two froms', path: '/v1/reports/quality?from=2026-11-01&from=2026-11-02&to=2026-11-30' },
    { name: 'an applicant', as: 'applicant', path: '/v1/reports/quality?from=2026-11-01&to=2026-11-30' },
  ]),
  ...on('GET /v1/providers/{id}/queue', [
    { name: 'limit=-5', path: `/v1/providers/${EDUCATION}/queue?limit=-5` },
    { name: 'a cursor that is not one', path: `/v1/providers/${EDUCATION}/queue?cursor=%E2%80%AE` },
    { name: 'another provider', path: `/v1/providers/${EMPLOYMENT}/queue` },
    { name: 'an unknown parameter', path: `/v1/providers/${EDUCATION}/queue?age=5` },
  ]),
  ...on('GET /v1/providers/{id}/free-places', [{ name: 'another provider', path: `/v1/providers/${EMPLOYMENT}/free-places` }]),
  ...on('GET /v1/documents/{file}', [
    { name: 'no extension', path: '/v1/documents/000000000001' },
    { name: 'an extension that is not pdf or xml', path: '/v1/documents/000000000001.exe' },
    { name: 'a dotted traversal', path: '/v1/documents/..%2F..%2Fpackage.json' },
    { name: 'a token of 100 characters', path: `/v1/documents/000000000001.pdf?t=${'t'.repeat(100)}` },
    { name: 'two tokens', path: '/v1/documents/000000000001.pdf?t=a&t=b' },
    { name: 'an unknown parameter', path: '/v1/documents/000000000001.pdf?download=1' },
  ]),
  ...on('GET /v1/print-jobs/{file}', [
    { name: 'an unknown job', path: '/v1/print-jobs/nojob' },
    { name: 'an unknown job PDF', path: '/v1/print-jobs/nojob.pdf' },
    { name: 'a job with a dot', path: '/v1/print-jobs/a.b.pdf' },
  ]),
  ...on('GET /v1/applications/{number}/attachments/{attachment}', [
    { name: 'attachment 0', path: pathOf('GET /v1/applications/{number}/attachments/{attachment}', { attachment: '0' }) },
    { name: 'a negative attachment', path: pathOf('GET /v1/applications/{number}/attachments/{attachment}', { attachment: '-1' }) },
    { name: 'an attachment of 20 digits', path: pathOf('GET /v1/applications/{number}/attachments/{attachment}', { attachment: '9'.repeat(20) }) },
  ]),
  ...on('GET /v1/applications/{number}/queue-position', [{ name: 'an application that is in no queue', path: pathOf('GET /v1/applications/{number}/queue-position') }]),
  ...on('GET /v1/applications/{number}', [
    { name: 'an applicant reading another’s', as: 'applicant', path: pathOf('GET /v1/applications/{number}') },
    { name: 'another provider’s head', as: 'educationHead', path: pathOf('GET /v1/applications/{number}') },
  ]),
];

const WRITES = [
  ...on('POST /v1/applications/{number}/questionnaire', [
    { name: 'an open application', headers: JSON_TYPE, body: json({ quality: 'satisfied', accessibility: 'satisfied' }) },
    { name: 'an unknown answer', headers: JSON_TYPE, body: json({ quality: 'great', accessibility: 'satisfied' }) },
    { name: 'a missing answer', headers: JSON_TYPE, body: json({ quality: 'satisfied' }) },
    { name: 'an extra answer', headers: JSON_TYPE, body: json({ quality: 'satisfied', accessibility: 'satisfied', speed: 'fast' }) },
    { name: 'answers as numbers', headers: JSON_TYPE, body: json({ quality: 1, accessibility: 2 }) },
    { name: 'a head’s key', as: 'head', headers: JSON_TYPE, body: json({ quality: 'satisfied', accessibility: 'satisfied' }) },
  ]),
  ...on('PUT /v1/providers/{id}/free-places', [
    { name: 'free places -1', headers: JSON_TYPE, body: json({ organisationId: 'baldyrgan', ageYears: 3, free: -1 }) },
    { name: 'free places 1.5', headers: JSON_TYPE, body: json({ organisationId: 'baldyrgan', ageYears: 3, free: 1.5 }) },
    { name: 'free places of 1e308', headers: JSON_TYPE, body: '{"organisationId": "baldyrgan", "ageYears": 3, "free": 1e308}' },
    { name: 'free places as a string', headers: JSON_TYPE, body: json({ organisationId: 'baldyrgan', ageYears: 3, free: '5' }) },
    { name: 'age 7', headers: JSON_TYPE, body: json({ organisationId: 'baldyrgan', ageYears: 7, free: 1 }) },
    { name: 'age -1', headers: JSON_TYPE, body: json({ organisationId: 'baldyrgan', ageYears: -1, free: 1 }) },
    { name: 'an unknown organisation', headers: JSON_TYPE, body: json({ organisationId: 'nowhere', ageYears: 3, free: 1 }) },
    { name: 'no organisation', headers: JSON_TYPE, body: json({ ageYears: 3, free: 1 }) },
    { name: 'an extra field', headers: JSON_TYPE, body: json({ organisationId: 'baldyrgan', ageYears: 3, free: 1, note: 'x' }) },
    { name: 'another provider', path: `/v1/providers/${EMPLOYMENT}/free-places`, headers: JSON_TYPE, body: json({ organisationId: 'baldyrgan', ageYears: 3, free: 1 }) },
    { name: 'a ЦОН key', as: 'con', headers: JSON_TYPE, body: json({ organisationId: 'baldyrgan', ageYears: 3, free: 1 }) },
  ]),
  ...on('POST /v1/print-jobs', [
    { name: 'no numbers', headers: JSON_TYPE, body: '{}' },
    { name: 'numbers as a string', headers: JSON_TYPE, body: json({ numbers: '000000000001' }) },
    { name: 'no number in the list', headers: JSON_TYPE, body: json({ numbers: [] }) },
    { name: 'numbers of the wrong shape', headers: JSON_TYPE, body: json({ numbers: ['1', 'abc', null] }) },
    // A job takes any well-formed numbers and reports each unknown one in its progress.
    { name: 'unknown numbers', valid: true, headers: JSON_TYPE, body: json({ numbers: ['999999999999'] }) },
    { name: '10000 numbers', headers: JSON_TYPE, body: json({ numbers: Array.from({ length: 10_000 }, (_, i) => String(100000000000 + i)) }) },
    { name: 'the same number twice', headers: JSON_TYPE, body: json({ numbers: ['999999999999', '999999999999'] }) },
  ]),
  ...on('POST /v1/documents/{number}/revoke', [
    { name: 'an unknown document', headers: JSON_TYPE, body: json({ reason: 'ISSUED_IN_ERROR' }) },
    { name: 'a system key instead of the admin key', as: 'system', headers: JSON_TYPE, body: json({ reason: 'ISSUED_IN_ERROR' }) },
    { name: 'a reason that is a number', headers: JSON_TYPE, body: json({ reason: 7 }) },
  ]),
  ...on('POST /v1/documents', [
    { name: 'a kind with a path', headers: JSON_TYPE, body: json({ kind: '../unemployed-certificate', lang: 'kk', data: {} }) },
    { name: 'a language kk+en', headers: JSON_TYPE, body: json({ kind: 'unemployed-certificate', lang: 'kk+en', data: {} }) },
    { name: 'an applicant key', as: 'applicant', headers: JSON_TYPE, body: json({ kind: 'unemployed-certificate', lang: 'kk', data: {} }) },
    ...BAD_NAMES.slice(0, 5).map(([what, fullName]) => ({
      name: `data with a name with ${what} and no other field`,
      headers: JSON_TYPE,
      body: json({ kind: 'unemployed-certificate', lang: 'kk', data: { applicant: { iin: TURSYNOV.iin, fullName } } }),
    })),
  ]),
  // A file the verifier reads at all gets its verdict (200, valid false, the reason in kk and ru).
  ...on('POST /v1/verify', [
    { name: 'no body', headers: { 'content-type': 'application/pdf' }, body: '' },
    { name: 'a PDF that is not one', valid: true, headers: { 'content-type': 'application/pdf' }, body: 'hello' },
    { name: 'a truncated PDF', valid: true, headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.7\n1 0 obj << /Type /Catalog' },
    { name: 'an image that is not one', valid: true, headers: { 'content-type': 'image/png' }, body: '\x89PNG\r\n\x1a\nbroken' },
    { name: 'XML that is not a document', valid: true, headers: { 'content-type': 'application/xml' }, body: '<hello/>' },
    { name: 'XML with an external entity', valid: true, headers: { 'content-type': 'application/xml' }, body: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' },
    { name: 'a media type it does not read', headers: { 'content-type': 'text/plain' }, body: 'hello' },
    { name: 'no media type', body: 'hello' },
    { name: 'a truncated multipart', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: BAD.truncatedMultipart('xyz', 'file') },
    { name: 'multipart without its boundary', headers: { 'content-type': 'multipart/form-data' }, body: BAD.multipart('xyz', [{ name: 'file', value: 'x', filename: 'a.pdf' }]) },
    { name: 'multipart without a file', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: BAD.multipart('xyz', [{ name: 'note', value: 'x' }]) },
    { name: 'multipart with two files', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: BAD.multipart('xyz', [{ name: 'file', value: 'a', filename: 'a.pdf' }, { name: 'file', value: 'b', filename: 'b.pdf' }]) },
    { name: 'multipart with a file of another name', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: BAD.multipart('xyz', [{ name: 'upload', value: 'a', filename: 'a.pdf' }]) },
    { name: 'multipart with ten fields', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: BAD.multipart('xyz', Array.from({ length: 10 }, (_, i) => ({ name: `f${i}`, value: 'x' }))) },
    { name: 'multipart with a file named by a path', valid: true, headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: BAD.multipart('xyz', [{ name: 'file', value: 'hello', filename: '../../../etc/passwd', type: 'application/pdf' }]) },
  ]),
];

const CASES: readonly ApiCase[] = [
  ...Object.keys(ROUTES).flatMap((route) => [...authCases(route), ...parameterCases(route), ...methodCases(route), ...mediaCases(route), ...headerCases(route)]),
  ...SUBMIT,
  ...ACTIONS,
  ...READS,
  ...WRITES,
];

let service: Service;
let http: HttpHandle;
const keys = new Map<Who, string>();
const values: Record<string, string> = {};

beforeAll(async () => {
  service = await startTestService('corpus-api', { clock, env: { QUJAT_ADMIN_KEY_SHA256: createHash('sha256').update(ADMIN_KEY).digest('hex') } });
  http = await listen(service);
  const add = async (who: Who, role: Role, extra: { providerId?: string; iin?: string } = {}) =>
    keys.set(who, (await service.apiKeys.add({ role, label: `corpus ${who}`, ...extra })).key);
  await add('system', 'SYSTEM');
  await add('employee', 'PROVIDER_EMPLOYEE', { providerId: EMPLOYMENT });
  await add('head', 'PROVIDER_HEAD', { providerId: EMPLOYMENT });
  await add('educationHead', 'PROVIDER_HEAD', { providerId: EDUCATION });
  await add('con', 'CON_OPERATOR');
  await add('applicant', 'APPLICANT', { iin: TURSYNOV.iin });
  keys.set('admin', ADMIN_KEY);
  // The application every {app} names: taken at the desk, for an adult of the person registry.
  const submitted = await send(http.url, {
    method: 'POST',
    path: '/v1/applications',
    headers: { ...JSON_TYPE, authorization: `Bearer ${keys.get('employee')}` },
    body: application({}, { iin: '880412301010', fullName: 'Омаров Ерлан Серікұлы' }),
  });
  expect(submitted.status, submitted.body.toString()).toBe(201);
  values.app = (JSON.parse(submitted.body.toString()) as { number: string }).number;
});
afterAll(async () => {
  await http?.close();
  await service?.stop();
});

describe('the API’s bad-input corpus', () => {
  it('has cases for every /v1 route of the OpenAPI document, and more than 300 in all', async () => {
    const answer = await send(http.url, { method: 'GET', path: '/v1/openapi.json' });
    const document = JSON.parse(answer.body.toString()) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    expect(routes.filter((r) => r.includes(' /v1/')).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const route of Object.keys(ROUTES)) expect(CASES.filter((c) => c.route === route).length, route).toBeGreaterThanOrEqual(3);
    expect(CASES.length).toBeGreaterThan(300);
  });

  it.each(CASES.map((c) => [`${c.route} — ${c.name}`, c] as const))('%s', async (_name, c) => {
    const key = c.as && c.as !== 'nobody' ? keys.get(c.as) : undefined;
    const answer = await send(http.url, {
      method: c.method,
      path: fill(c.path, values),
      headers: { accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...c.headers },
      body: fillBody(c.body, values),
    });
    expectApiError(c, answer);
  });
});
