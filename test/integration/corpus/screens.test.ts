/**
 * The bad-input corpus of the screens: every screen POST (the АРМ's sign-in, actions, printing and
 * free places; the portal's form, signing step, questionnaire, sign-in and sign-out; the
 * verification upload) sent without or with a wrong CSRF token, with too many fields, bodies over
 * the limit, other media types, invalid UTF-8, control characters and bidi controls, truncated
 * multipart, unknown ids, numbers and actions; and screen pages asked with bad paths and query
 * parameters. None answers 5xx; every 4xx is an HTML page in kk or ru. One service for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorAccounts } from '../../../src/accounts/index.js';
import { composeOperators, type Service } from '../../../src/compose.js';
import { mutableClock } from '../../helpers/applications.js';
import { listen, startTestService, type HttpHandle } from '../../helpers/service.js';
import { silentLogger } from '../../helpers/silent-logger.js';
import { Visitor } from '../screens/screen-client.js';
import { BAD, BAD_NAMES, expectApiError, expectErrorPage, fill, fillBody, send, type Case } from './corpus.js';

type Who = 'visitor' | 'staff' | 'educationStaff' | 'citizen';
/** ScreenCase: a case whose path lies outside the screens (`api`) is held to the API's envelope. */
type ScreenCase = Case<Who> & { readonly api?: true };

const EMPLOYMENT = 'ekibastuz-employment';
const EDUCATION = 'urzhar-education';
const PASSWORD = 'Жұмыс-орны-2026!';
const TURSYNOV = { iin: '990809301249', fullName: 'Тұрсынов Бауыржан Ғаниұлы' };
const clock = mutableClock('2026-11-23T04:00:00Z');
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const MULTIPART = { 'content-type': 'multipart/form-data; boundary=corpus' };

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const withToken = (fields: Record<string, string> = {}) => form({ _csrf: '{csrf}', ...fields }).replace('%7Bcsrf%7D', '{csrf}');
/** fields: that many fields besides the token. */
const many = (count: number) => withToken(Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, 'x'])));
/** raw: a form body with bytes that are no UTF-8 in one field. */
const raw = (name: string) => Buffer.concat([Buffer.from(`_csrf={csrf}&${name}=`), Buffer.from([0x80, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff])]);

/** The form cases every screen POST gets: token, size, field count and media type. */
function postCases(path: string, as: Who, fields: Record<string, string>, limits: { bytes: number; fields: number }): Case<Who>[] {
  return [
    { name: 'no CSRF token', method: 'POST', path, as, headers: FORM, body: form(fields), status: 403 },
    { name: 'a wrong CSRF token', method: 'POST', path, as, headers: FORM, body: form({ _csrf: 'forged', ...fields }), status: 403 },
    { name: 'an empty CSRF token', method: 'POST', path, as, headers: FORM, body: form({ _csrf: '', ...fields }), status: 403 },
    { name: 'two CSRF tokens', method: 'POST', path, as, headers: FORM, body: `${withToken(fields)}&_csrf=forged` },
    // Without a session a guarded page sends the visitor to sign in (303); an open one refuses the token.
    { name: 'the token without a session', method: 'POST', path, headers: FORM, body: form({ _csrf: 'x', ...fields }), valid: true },
    // The issue (M2): more fields than the form has is 413, not a silently truncated form.
    { name: 'too many fields', method: 'POST', path, as, headers: FORM, body: many(limits.fields + 5), status: 413 },
    { name: 'a body over the limit', method: 'POST', path, as, headers: FORM, body: withToken({ ...fields, padding: 'x'.repeat(limits.bytes + 1024) }), status: 413 },
    { name: 'JSON instead of a form', method: 'POST', path, as, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ _csrf: 'x', ...fields }) },
    { name: 'no media type', method: 'POST', path, as, body: withToken(fields) },
    // The issue (H4): a body with bytes that are no UTF-8 is refused (400), whatever the field.
    { name: 'invalid UTF-8 in a field', method: 'POST', path, as, headers: FORM, body: raw(Object.keys(fields)[0] ?? 'x'), status: 400 },
    // A broken escape in a field the form has not is read as the text it is: nothing to refuse.
    { name: 'a malformed percent-escape', method: 'POST', path, as, headers: FORM, body: `${withToken(fields)}&x=%E0%A4%A`, valid: true },
  ];
}

/** multipartForm: the portal form's fields as the browser sends them, the token first. */
const multipartForm = (fields: Record<string, string>, token = '{csrf}') =>
  BAD.multipart('corpus', [...(token ? [{ name: '_csrf', value: token }] : []), ...Object.entries(fields).map(([name, value]) => ({ name, value }))]);
const PERSON = { iin: TURSYNOV.iin, fullName: TURSYNOV.fullName, 'period.from': '2026-01-01', 'period.to': '2026-06-30' };
const apply = (name: string, body: string, extra: Partial<Case<Who>> = {}): Case<Who> => ({ name, method: 'POST', path: '/apply/unemployed-certificate', as: 'citizen', headers: MULTIPART, body, ...extra });

/** The portal's application form: a multipart body (it carries files). */
const APPLY_CASES: readonly Case<Who>[] = [
  apply('no CSRF token', multipartForm(PERSON, ''), { status: 403 }),
  apply('a wrong CSRF token', multipartForm(PERSON, 'forged'), { status: 403 }),
  // The form is multipart: a URL-encoded body carries no token the form reads.
  apply('a URL-encoded body', withToken(PERSON), { headers: FORM, status: 403 }),
  apply('JSON instead of a form', JSON.stringify(PERSON), { headers: { 'content-type': 'application/json' }, status: 403 }),
  { name: 'an unknown service', method: 'POST', path: '/apply/birth-certificate', as: 'citizen', headers: MULTIPART, body: multipartForm(PERSON), status: 404 },
  { name: 'a service with a traversal', method: 'POST', path: '/apply/..%2F..%2Fetc', as: 'citizen', headers: MULTIPART, body: multipartForm(PERSON) },
  apply('a truncated multipart', BAD.truncatedMultipart('corpus', 'attachments.identity-document')),
  apply('multipart without its boundary', multipartForm(PERSON), { headers: { 'content-type': 'multipart/form-data' } }),
  apply('a file that is an executable', BAD.multipart('corpus', [{ name: '_csrf', value: '{csrf}' }, { name: 'attachments.identity-document', value: 'MZ\u0090\u0000', filename: 'a.exe', type: 'application/x-msdownload' }])),
  apply('a file named by a path, not a PDF', BAD.multipart('corpus', [{ name: '_csrf', value: '{csrf}' }, { name: 'attachments.identity-document', value: 'hello', filename: '../../../etc/passwd', type: 'application/pdf' }])),
  // The issue (M2): more fields than the form has is 413.
  apply('a form of 500 fields', multipartForm(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, 'x']))), { status: 413 }),
  apply('a field of 100 KB', multipartForm({ ...PERSON, fullName: 'ә'.repeat(50 * 1024) })),
  // The issue (H4): names with characters no name has, IINs that are none and implausible dates are 400 with the form shown again.
  ...BAD_NAMES.map(([what, fullName]) => apply(`a name with ${what}`, multipartForm({ ...PERSON, fullName }), { status: 400 })),
  ...['880412301011', '８８０４１２３０１０１０', 'abc', ''].map((iin) => apply(`an IIN «${iin}»`, multipartForm({ ...PERSON, iin }), { status: 400 })),
  ...['2026-02-30', '0001-01-01', '9999-12-31', '2026-13-01', '01.01.2026'].map((from) => apply(`a period from ${from}`, multipartForm({ ...PERSON, 'period.from': from }), { status: 400 })),
];

const CASES: readonly ScreenCase[] = [
  // ——— АРМ sign-in and sign-out ———
  ...postCases('/arm/login', 'visitor', { username: 'nobody', password: 'wrong' }, { bytes: 8 * 1024, fields: 10 }),
  { name: 'an unknown operator', method: 'POST', path: '/arm/login', as: 'visitor', headers: FORM, body: withToken({ username: 'nobody', password: 'wrong' }) },
  { name: 'no password', method: 'POST', path: '/arm/login', as: 'visitor', headers: FORM, body: withToken({ username: 'nobody' }) },
  ...BAD_NAMES.map(([what, username]) => ({ name: `a user name with ${what}`, method: 'POST', path: '/arm/login', as: 'visitor' as const, headers: FORM, body: withToken({ username, password: 'wrong' }) })),
  ...postCases('/arm/logout', 'staff', {}, { bytes: 8 * 1024, fields: 10 }),

  // ——— АРМ actions ———
  ...postCases('/arm/applications/{app}/actions/REFUSE_DOCUMENTS_AT_INTAKE', 'staff', { reason: 'DOCUMENTS_INCOMPLETE' }, { bytes: 16 * 1024, fields: 30 }),
  // The issue (M5): an action no service has is 404, as the API answers it.
  { name: 'an unknown action', method: 'POST', path: '/arm/applications/{app}/actions/LAUNCH_ROCKET', as: 'staff', headers: FORM, body: withToken(), status: 404 },
  { name: 'a lowercase action', method: 'POST', path: '/arm/applications/{app}/actions/register', as: 'staff', headers: FORM, body: withToken() },
  { name: 'an action of 100 characters', method: 'POST', path: `/arm/applications/{app}/actions/${'A'.repeat(100)}`, as: 'staff', headers: FORM, body: withToken() },
  { name: 'an action with a traversal', method: 'POST', path: '/arm/applications/{app}/actions/..%2F..%2Farm', as: 'staff', headers: FORM, body: withToken() },
  { name: 'an action not allowed in the state', method: 'POST', path: '/arm/applications/{app}/actions/APPROVE', as: 'staff', headers: FORM, body: withToken() },
  { name: 'an action of another role', method: 'POST', path: '/arm/applications/{app}/actions/REJECT_EDS', as: 'staff', headers: FORM, body: withToken({ reason: 'EDS_NOT_CONFIRMED' }) },
  { name: 'an unknown application', method: 'POST', path: '/arm/applications/1401-2026-999999/actions/REGISTER', as: 'staff', headers: FORM, body: withToken(), status: 404 },
  { name: 'another provider’s application', method: 'POST', path: '/arm/applications/{app}/actions/REGISTER', as: 'educationStaff', headers: FORM, body: withToken() },
  { name: 'a number with a traversal', method: 'POST', path: '/arm/applications/..%2F..%2Fetc/actions/REGISTER', as: 'staff', headers: FORM, body: withToken() },
  { name: 'a number with NUL', method: 'POST', path: '/arm/applications/1401%00/actions/REGISTER', as: 'staff', headers: FORM, body: withToken() },
  { name: 'a reason no service has', method: 'POST', path: '/arm/applications/{app}/actions/REFUSE_DOCUMENTS_AT_INTAKE', as: 'staff', headers: FORM, body: withToken({ reason: 'BECAUSE', comment: 'x' }) },
  { name: 'a reason of another action', method: 'POST', path: '/arm/applications/{app}/actions/REFUSE_DOCUMENTS_AT_INTAKE', as: 'staff', headers: FORM, body: withToken({ reason: 'CHILD_OVER_AGE', comment: 'x' }) },
  { name: 'a comment of 5000 characters', method: 'POST', path: '/arm/applications/{app}/actions/REFUSE_DOCUMENTS_AT_INTAKE', as: 'staff', headers: FORM, body: withToken({ reason: 'DOCUMENTS_INCOMPLETE', comment: 'ә'.repeat(2500) }) },
  { name: 'no comment where one is required', method: 'POST', path: '/arm/applications/{app}/actions/REFUSE_DOCUMENTS_AT_INTAKE', as: 'staff', headers: FORM, body: withToken({ reason: 'DOCUMENTS_INCOMPLETE' }) },
  { name: 'a forged idempotency key', method: 'POST', path: '/arm/applications/{app}/actions/APPROVE', as: 'staff', headers: FORM, body: withToken({ _key: '../../x' }) },
  // Somebody not signed in to the АРМ is sent to its sign-in page (303).
  { name: 'a signed-out visitor', method: 'POST', path: '/arm/applications/{app}/actions/REGISTER', as: 'visitor', headers: FORM, body: withToken(), valid: true },
  { name: 'a citizen', method: 'POST', path: '/arm/applications/{app}/actions/REGISTER', as: 'citizen', headers: FORM, body: withToken(), valid: true },

  // ——— АРМ printing and free places ———
  ...postCases('/arm/print', 'staff', { application: '1401-2026-999999' }, { bytes: 16 * 1024, fields: 205 }),
  { name: 'no application ticked', method: 'POST', path: '/arm/print', as: 'staff', headers: FORM, body: withToken() },
  { name: 'an unknown application ticked', method: 'POST', path: '/arm/print', as: 'staff', headers: FORM, body: withToken({ application: '1401-2026-999999' }) },
  { name: 'an application without results', method: 'POST', path: '/arm/print', as: 'staff', headers: FORM, body: withToken({ application: '{app}' }) },
  { name: 'a malformed application ticked', method: 'POST', path: '/arm/print', as: 'staff', headers: FORM, body: withToken({ application: '../../etc/passwd' }) },
  ...postCases('/arm/queue/free-places', 'educationStaff', { organisation: 'baldyrgan', ageYears: '3', free: '1' }, { bytes: 4 * 1024, fields: 10 }),
  ...[
    ['free -1', { organisation: 'baldyrgan', ageYears: '3', free: '-1' }],
    ['free 1.5', { organisation: 'baldyrgan', ageYears: '3', free: '1.5' }],
    ['free of 400 digits', { organisation: 'baldyrgan', ageYears: '3', free: '9'.repeat(400) }],
    ['free in Arabic-Indic digits', { organisation: 'baldyrgan', ageYears: '3', free: '٣' }],
    ['age 9', { organisation: 'baldyrgan', ageYears: '9', free: '1' }],
    ['age of letters', { organisation: 'baldyrgan', ageYears: 'three', free: '1' }],
    ['an unknown organisation', { organisation: 'nowhere', ageYears: '3', free: '1' }],
    ['no organisation', { ageYears: '3', free: '1' }],
  ].map(([name, fields]) => ({ name: String(name), method: 'POST', path: '/arm/queue/free-places', as: 'educationStaff' as const, headers: FORM, body: withToken(fields as Record<string, string>) })),
  { name: 'a provider without organisations', method: 'POST', path: '/arm/queue/free-places', as: 'staff', headers: FORM, body: withToken({ organisation: 'baldyrgan', ageYears: '3', free: '1' }) },

  // ——— The portal's form, signing step, questionnaire, sign-in and sign-out ———
  ...APPLY_CASES,
  ...postCases('/apply/unemployed-certificate/sign', 'citizen', { certificate: TURSYNOV.iin }, { bytes: 8 * 1024, fields: 10 }),
  // Nothing to sign: back to the form (303); signed out: to the sign-in (303).
  { name: 'signing with no form filled', method: 'POST', path: '/apply/preschool-queue/sign', as: 'citizen', headers: FORM, body: withToken({ certificate: TURSYNOV.iin }), valid: true },
  { name: 'signing an unknown service', method: 'POST', path: '/apply/nothing/sign', as: 'citizen', headers: FORM, body: withToken({ certificate: TURSYNOV.iin }), status: 404 },
  { name: 'signing signed out', method: 'POST', path: '/apply/unemployed-certificate/sign', as: 'visitor', headers: FORM, body: withToken({ certificate: TURSYNOV.iin }), valid: true },
  ...postCases('/cabinet/applications/{app}/questionnaire', 'citizen', { quality: 'satisfied', accessibility: 'satisfied' }, { bytes: 8 * 1024, fields: 10 }),
  { name: 'another citizen’s application', method: 'POST', path: '/cabinet/applications/{app}/questionnaire', as: 'citizen', headers: FORM, body: withToken({ quality: 'satisfied', accessibility: 'satisfied' }) },
  { name: 'an unknown application', method: 'POST', path: '/cabinet/applications/1401-2026-999999/questionnaire', as: 'citizen', headers: FORM, body: withToken({ quality: 'satisfied', accessibility: 'satisfied' }) },
  { name: 'a malformed application', method: 'POST', path: '/cabinet/applications/..%2F..%2Fx/questionnaire', as: 'citizen', headers: FORM, body: withToken({ quality: 'satisfied', accessibility: 'satisfied' }) },
  { name: 'an open application of one’s own', method: 'POST', path: '/cabinet/applications/{own}/questionnaire', as: 'citizen', headers: FORM, body: withToken({ quality: 'satisfied', accessibility: 'satisfied' }) },
  { name: 'an unknown answer', method: 'POST', path: '/cabinet/applications/{own}/questionnaire', as: 'citizen', headers: FORM, body: withToken({ quality: 'great', accessibility: 'satisfied' }) },
  ...postCases('/signin', 'visitor', { certificate: TURSYNOV.iin }, { bytes: 8 * 1024, fields: 10 }),
  { name: 'an unknown certificate', method: 'POST', path: '/signin', as: 'visitor', headers: FORM, body: withToken({ certificate: '000000000000' }), status: 404 },
  { name: 'a certificate that is no IIN', method: 'POST', path: '/signin', as: 'visitor', headers: FORM, body: withToken({ certificate: '../../keys' }) },
  { name: 'a certificate with bidi controls', method: 'POST', path: '/signin', as: 'visitor', headers: FORM, body: withToken({ certificate: '\u202e990809301249' }) },
  { name: 'a revoked certificate', method: 'POST', path: '/signin', as: 'visitor', headers: FORM, body: withToken({ certificate: '841201401212' }), status: 403 },
  { name: 'a forged signed challenge', method: 'POST', path: '/signin', as: 'visitor', headers: FORM, body: withToken({ signed: '<x/>' }) },
  ...postCases('/signout', 'citizen', {}, { bytes: 8 * 1024, fields: 10 }),

  // ——— Verification upload ———
  { name: 'a truncated multipart', method: 'POST', path: '/verify', as: 'visitor', headers: MULTIPART, body: BAD.truncatedMultipart('corpus', 'file') },
  { name: 'no file', method: 'POST', path: '/verify', as: 'visitor', headers: MULTIPART, body: BAD.multipart('corpus', [{ name: 'note', value: 'x' }]) },
  { name: 'two files', method: 'POST', path: '/verify', as: 'visitor', headers: MULTIPART, body: BAD.multipart('corpus', [{ name: 'file', value: 'a', filename: 'a.pdf' }, { name: 'file', value: 'b', filename: 'b.pdf' }]) },
  { name: 'ten fields', method: 'POST', path: '/verify', as: 'visitor', headers: MULTIPART, body: BAD.multipart('corpus', Array.from({ length: 10 }, (_, i) => ({ name: `f${i}`, value: 'x' }))) },
  { name: 'a form, not multipart', method: 'POST', path: '/verify', as: 'visitor', headers: FORM, body: 'file=hello' },
  { name: 'no media type', method: 'POST', path: '/verify', as: 'visitor', body: 'hello' },
  { name: 'multipart without its boundary', method: 'POST', path: '/verify', as: 'visitor', headers: { 'content-type': 'multipart/form-data' }, body: BAD.multipart('corpus', [{ name: 'file', value: 'x', filename: 'a.pdf' }]) },

  // ——— Screen pages asked with bad paths and parameters ———
  ...[
    ['/arm?cursor=not-a-cursor', 'a cursor that is not one'],
    ['/arm?cursor=%FF%FE', 'a cursor in invalid UTF-8'],
    [`/arm?cursor=${'c'.repeat(500)}`, 'a cursor of 500 characters'],
    ['/arm?limit=-1', 'limit=-1'],
    ['/arm?limit=100000', 'limit=100000'],
    ['/arm?state=nope', 'an unknown state'],
    ['/arm?service=nope', 'an unknown service'],
    ['/arm?overdue=perhaps', 'overdue=perhaps'],
    ['/arm?state[$ne]=x', 'a filter as an object'],
    ['/arm/applications/1401-2026-999999', 'an unknown application'],
    ['/arm/applications/..%2F..%2Fetc%2Fpasswd', 'a traversal'],
    ['/arm/applications/{app}/attachments/0', 'attachment 0'],
    ['/arm/applications/{app}/attachments/99', 'an unknown attachment'],
    ['/arm/applications/{app}/documents/..%2F..%2Fkeys', 'a document traversal'],
    ['/arm/print/..%2F..%2Fetc', 'a print job traversal'],
    ['/arm/print/nojob.pdf', 'an unknown print job'],
  ].map(([path, name]) => ({ name: String(name), method: 'GET', path: String(path), as: 'staff' as const })),
  ...[
    ['/cabinet/applications/1401-2026-999999', 'an unknown application'],
    ['/cabinet/applications/{app}', 'another citizen’s application'],
    ['/cabinet/applications/%00', 'a NUL'],
    ['/cabinet/applications/{own}/documents/999999999999', 'an unknown document'],
  ].map(([path, name]) => ({ name: String(name), method: 'GET', path: String(path), as: 'citizen' as const })),
  // The cabinet's lists are not paged: a cursor is a parameter they do not read.
  { name: 'a cursor the notifications do not read', method: 'GET', path: '/cabinet/notifications?cursor=zzz', as: 'citizen', valid: true },
  { name: 'a cursor in invalid UTF-8 the cabinet does not read', method: 'GET', path: '/cabinet?cursor=%FF', as: 'citizen', valid: true },
  ...[
    ['/apply/nothing', 'an unknown service'],
    ['/apply/..%2F..%2Fpackage.json', 'a service traversal'],
    ['/verify/999999999999?t=abc', 'an unknown document'],
    ['/verify/..%2F..%2Fpackage.json', 'a document traversal'],
    [`/verify/${'9'.repeat(300)}`, 'a number of 300 digits'],
  ].map(([path, name]) => ({ name: String(name), method: 'GET', path: String(path), as: 'visitor' as const })),
  // Outside the portal's and АРМ's pages (the translators' tool, the assets, no route at all) the answer is the API's envelope.
  ...[
    ['/i18n/fonts/..%2F..%2Fpackage.json', 'a font traversal'],
    ['/i18n/fonts/nothing.ttf', 'an unknown font'],
    ['/i18n/preview?kind=nothing', 'an unknown preview'],
    ['/i18n/pdf?kind=..%2F..%2Fx', 'a preview PDF traversal'],
    ['/assets/..%2F..%2Fpackage.json', 'an asset traversal'],
    ['/nothing-here', 'an unknown page'],
  ].map(([path, name]) => ({ name: String(name), method: 'GET', path: String(path), as: 'visitor' as const, api: true as const })),
  // Node refuses a head over 16 KB before any route, so before the screen is known: the issue (Low)
  // asks for the error JSON there, and the answer is 431 with it, on the screens as on the API.
  { name: 'a cookie of 20 KB', method: 'GET', path: '/', headers: { cookie: `x=${'a'.repeat(20 * 1024)}` }, status: 431, api: true },
  { name: 'a header of 20 KB on a form', method: 'POST', path: '/signin', as: 'visitor', headers: { ...FORM, 'x-padding': 'a'.repeat(20 * 1024) }, body: withToken({ certificate: TURSYNOV.iin }), status: 431, api: true },
];

let service: Service;
let http: HttpHandle;
let accounts: OperatorAccounts;
let stopOperators: () => Promise<void>;
const values: Record<string, string> = {};

beforeAll(async () => {
  service = await startTestService('corpus-screens', { clock });
  http = await listen(service);
  const operators = await composeOperators(service.config, { logger: silentLogger });
  accounts = operators.accounts;
  stopOperators = () => operators.stop();
  await accounts.add({ username: 'corpus-staff', password: PASSWORD, role: 'PROVIDER_HEAD', providerId: EMPLOYMENT, displayName: 'Басшы' });
  await accounts.add({ username: 'corpus-education', password: PASSWORD, role: 'PROVIDER_HEAD', providerId: EDUCATION, displayName: 'Басшы' });
  const key = (await service.apiKeys.add({ role: 'PROVIDER_EMPLOYEE', providerId: EMPLOYMENT })).key;
  const submit = async (person: { iin: string; fullName: string }) => {
    const body = JSON.stringify({ serviceId: 'unemployed-certificate', channel: 'provider', providerId: EMPLOYMENT, form: { ...person, period: { from: '2026-03-01', to: '2026-11-20' } } });
    const answer = await send(http.url, { method: 'POST', path: '/v1/applications', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body });
    expect(answer.status, answer.body.toString()).toBe(201);
    return (JSON.parse(answer.body.toString()) as { number: string }).number;
  };
  values.app = await submit({ iin: '880412301010', fullName: 'Омаров Ерлан Серікұлы' });
  values.own = await submit(TURSYNOV);
});
afterAll(async () => {
  await http?.close();
  await stopOperators?.();
  await service?.stop();
});

/** visitorAs: a fresh session of the kind, its CSRF token read from a page it was shown. */
async function visitorAs(who: Who | undefined): Promise<Visitor | null> {
  if (who === undefined) return null;
  const visitor = new Visitor(http.url);
  if (who === 'visitor') {
    await visitor.get('/signin');
    return visitor;
  }
  if (who === 'citizen') {
    await visitor.get('/signin');
    expect((await visitor.post('/signin', { certificate: TURSYNOV.iin })).status).toBe(303);
    await visitor.get('/apply/unemployed-certificate');
    return visitor;
  }
  await visitor.get('/arm/login');
  const username = who === 'staff' ? 'corpus-staff' : 'corpus-education';
  expect((await visitor.post('/arm/login', { username, password: PASSWORD })).status).toBe(303);
  await visitor.get('/arm');
  return visitor;
}

describe('the screens’ bad-input corpus', () => {
  it('has a case for every screen POST, and more than 150 in all', () => {
    const posts = ['/arm/login', '/arm/logout', '/arm/applications/{app}/actions/', '/arm/print', '/arm/queue/free-places', '/apply/unemployed-certificate', '/apply/unemployed-certificate/sign', '/cabinet/applications/{app}/questionnaire', '/signin', '/signout', '/verify'];
    for (const path of posts) expect(CASES.some((c) => c.method === 'POST' && c.path.startsWith(path)), path).toBe(true);
    expect(CASES.length).toBeGreaterThan(150);
  });

  it.each(CASES.map((c) => [`${c.method} ${c.path} — ${c.name}`, c] as const))('%s', async (_name, c) => {
    const visitor = await visitorAs(c.as);
    const known = { ...values, csrf: visitor?.csrf ?? '' };
    const answer = await send(http.url, {
      method: c.method,
      path: fill(c.path, known),
      headers: { accept: 'text/html', ...(visitor ? { cookie: visitor.cookieHeader } : {}), ...c.headers },
      body: fillBody(c.body, known),
    });
    if (c.api) expectApiError(c, answer);
    else expectErrorPage(c, answer);
  });
});
