/**
 * The АРМ over real HTTP, as a browser without JavaScript uses it: the worklist with its filters and
 * paging, an application taken through to an issued certificate with one form per action, a form
 * sent twice acting once, a refusal with a reason and its justification, what the use case refuses
 * shown in kk and ru with a 4xx, the head's EXTEND, the ЦОН operator's desk, and the queue page.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeFile } from '../../helpers/project.js';
import { EDUCATION, EMPLOYMENT, PASSWORD, startArmService, type ArmService } from './arm-service.js';
import { textOf, Visitor } from './screen-client.js';

const screens = { kk: localeFile('kk', 'screens') as ArmTexts, ru: localeFile('ru', 'screens') as ArmTexts };
const validation = { kk: localeFile('kk', 'validation') as Record<string, string>, ru: localeFile('ru', 'validation') as Record<string, string> };
const errors = { kk: localeFile('kk', 'errors') as Record<string, string>, ru: localeFile('ru', 'errors') as Record<string, string> };
type ArmTexts = { arm: { overdue: string; fields: Record<string, string> } };

let arm: ArmService;

beforeAll(async () => {
  arm = await startArmService('arm-pages');
  await arm.accounts.add({ username: 'aigerim', password: PASSWORD, role: 'PROVIDER_EMPLOYEE', providerId: EMPLOYMENT, displayName: 'Айгерім Сәрсенова' });
  await arm.accounts.add({ username: 'dana', password: PASSWORD, role: 'PROVIDER_HEAD', providerId: EMPLOYMENT, displayName: 'Дана Ахметова' });
  await arm.accounts.add({ username: 'ruslan', password: PASSWORD, role: 'CON_OPERATOR', providerId: 'con-ekibastuz', displayName: 'Руслан Бекұлы' });
  await arm.accounts.add({ username: 'saule', password: PASSWORD, role: 'PROVIDER_EMPLOYEE', providerId: EDUCATION, displayName: 'Сәуле Мұратова' });
});
afterAll(async () => {
  await arm?.stop();
});

async function signIn(username: string): Promise<Visitor> {
  const visitor = new Visitor(arm.url);
  await visitor.get('/arm/login');
  const page = await visitor.post('/arm/login', { username, password: PASSWORD });
  expect(page.status).toBe(303);
  return visitor;
}

/** formOf: the fields of the action's form on a page (hidden key included). */
function formOf(html: string, action: string): Record<string, string> {
  const match = new RegExp(`<form[^>]*id="action-${action}"[\\s\\S]*?</form>`).exec(html);
  if (!match) throw new Error(`no ${action} form on the page`);
  const key = /name="_key" value="([^"]+)"/.exec(match[0]);
  return { _key: key?.[1] ?? '' };
}

/** rowsOf: the worklist's rows, each from <li> to </li>. */
const rowsOf = (html: string) => [...html.matchAll(/<li class="[^"]*" data-number="[^"]+">[\s\S]*?<\/li>/g)].map((m) => m[0]);

/** unescape: an attribute value as the browser reads it. */
const unescape = (value: string) => value.replace(/&amp;/g, '&').replace(/&#x3D;/g, '=');

const actions = (html: string) => [...html.matchAll(/id="action-([A-Z_]+)"/g)].map((m) => m[1]);

async function act(visitor: Visitor, number: string, action: string, fields: Record<string, string> = {}) {
  const page = await visitor.get(`/arm/applications/${number}`);
  const form = formOf(page.html, action);
  return { form, result: await visitor.post(`/arm/applications/${number}/actions/${action}`, { ...form, ...fields }) };
}

describe('the worklist', () => {
  it('lists the provider’s applications by deadline, filters them, keeps the filter values, and pages', async () => {
    const desk = await arm.submitUnemployed('provider');
    const con = await arm.submitUnemployed('con');
    const visitor = await signIn('aigerim');
    const all = await visitor.get('/arm?lang=ru');
    expect(all.status).toBe(200);
    expect(all.html).toContain(`data-number="${desk.number}"`);
    expect(all.html).toContain(`data-number="${con.number}"`);
    const byChannel = await visitor.get('/arm?channel=provider&status=SUBMITTED');
    expect(byChannel.html).toContain(`data-number="${desk.number}"`);
    expect(byChannel.html).not.toContain(`data-number="${con.number}"`);
    expect(byChannel.html).toMatch(/<option value="provider" selected>/);
    expect(byChannel.html).toMatch(/<option value="SUBMITTED" selected>/);
    const none = await visitor.get('/arm?status=COMPLETED');
    expect(none.html).not.toContain('data-number=');

    for (let i = 0; i < 25; i++) await arm.submitUnemployed('provider');
    const first = await visitor.get('/arm?channel=provider');
    const next = unescape(/<a href="([^"]+)" rel="next">/.exec(first.html)?.[1] ?? '');
    expect(next).toMatch(/^\/arm\?channel=provider&cursor=/);
    const second = await visitor.get(next as string);
    const numbers = (html: string) => [...html.matchAll(/data-number="([^"]+)"/g)].map((m) => m[1]);
    expect(numbers(first.html)).toHaveLength(25);
    expect(numbers(second.html).length).toBeGreaterThan(0);
    expect(numbers(second.html).filter((n) => numbers(first.html).includes(n))).toEqual([]);
  });

  it('refuses a filter value no worklist has with a 400 page in kk and ru', async () => {
    const visitor = await signIn('aigerim');
    const page = await visitor.get('/arm?status=NOPE');
    expect(page.status).toBe(400);
    expect(textOf(page.html)).toContain(errors.kk.INVALID_INPUT);
    expect(textOf(page.html)).toContain(errors.ru.INVALID_INPUT);
  });

  it('marks overdue rows in words, not by colour alone', async () => {
    await arm.submitUnemployed('provider');
    arm.advance(10 * 60_000);
    const fresh = await arm.submitUnemployed('provider');
    const visitor = await signIn('aigerim');
    const overdue = await visitor.get('/arm?overdue=true&lang=kk%2Bru');
    const rows = rowsOf(overdue.html);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/^<li class="overdue"/);
      expect(textOf(row)).toContain(`⚠ ${screens.kk.arm.overdue} ${screens.ru.arm.overdue}`);
    }
    expect(overdue.html).toMatch(/<input type="checkbox" id="w-overdue" name="overdue" value="true" checked>/);
    expect(rows.some((r) => r.includes(`data-number="${fresh.number}"`))).toBe(false);
    const page = await visitor.get(`/arm/applications/${fresh.number}`);
    expect(textOf(page.html)).not.toContain(screens.kk.arm.overdue);
    expect(page.html).not.toContain('⚠');
  });

  it('names the system whose API key took an application into work by the key’s label, not its id', async () => {
    const desk = await arm.submitUnemployed('provider');
    const label = 'Жұмыспен қамту АЖ / ИС занятости';
    const { key } = await arm.service.apiKeys.add({ role: 'PROVIDER_EMPLOYEE', providerId: EMPLOYMENT, label });
    for (const action of ['REGISTER', 'TAKE_INTO_WORK']) {
      const response = await fetch(`${arm.url}/v1/applications/${desk.number}/actions/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(200);
    }
    const visitor = await signIn('aigerim');
    const row = rowsOf((await visitor.get('/arm?status=IN_WORK')).html).find((r) => r.includes(`data-number="${desk.number}"`));
    expect(textOf(row ?? '')).toContain(label);
    expect(row).not.toContain('key:');
  });

  it('shows a ЦОН operator the applications taken at the ЦОН only', async () => {
    const con = await arm.submitUnemployed('con');
    const desk = await arm.submitUnemployed('provider');
    const visitor = await signIn('ruslan');
    const page = await visitor.get('/arm');
    expect(page.html).toContain(`data-number="${con.number}"`);
    expect(page.html).not.toContain(`data-number="${desk.number}"`);
    expect(page.html).not.toContain('id="w-channel"');
  });
});

describe('an application', () => {
  it('is taken from intake to an issued certificate, one form per action, and its PDF opens', async () => {
    const submitted = await arm.submitUnemployed('provider');
    const employee = await signIn('aigerim');
    const page = await employee.get(`/arm/applications/${submitted.number}?lang=ru`);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('Омаров Ерлан Серікұлы');
    expect(textOf(page.html)).toContain('1 марта 2026 года');
    expect(actions(page.html)).toEqual(['REFUSE_PERSON_NOT_FOUND', 'REFUSE_DOCUMENTS_AT_INTAKE', 'REGISTER']);

    for (const action of ['REGISTER', 'TAKE_INTO_WORK', 'APPROVE']) {
      const { result } = await act(employee, submitted.number, action);
      expect(result.status).toBe(303);
      expect(result.location).toBe(`/arm/applications/${submitted.number}?done=${action}`);
    }
    const noFacts = await act(employee, submitted.number, 'SIGN');
    expect(noFacts.result.status).toBe(400);
    expect(textOf(noFacts.result.html)).toContain(`${screens.ru.arm.fields.registeredFrom}: ${validation.ru.REQUIRED}`);
    const badFact = await act(employee, submitted.number, 'SIGN', { registeredFrom: '2026-02-30' });
    expect(badFact.result.status).toBe(400);
    expect(textOf(badFact.result.html)).toContain(validation.ru.INVALID_DATE);
    expect((await act(employee, submitted.number, 'SIGN', { registeredFrom: '2026-03-02' })).result.status).toBe(303);
    expect((await act(employee, submitted.number, 'ISSUE_AT_DESK')).result.status).toBe(303);

    const issued = await employee.get(`/arm/applications/${submitted.number}`);
    expect(actions(issued.html)).toEqual([]);
    const link = /href="(\/arm\/applications\/[^"]+\/documents\/(\d{12})\.pdf)"/.exec(issued.html);
    expect(link).not.toBeNull();
    const pdf = await fetch(`${arm.url}${link?.[1]}`, { headers: { cookie: employee.cookieHeader } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'arm-pdf-')), 'result.pdf');
    fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain(link?.[2]);
    const { json } = await arm.api('SYSTEM', 'GET', `/v1/applications/${submitted.number}`);
    expect(json.state).toBe('ISSUED');
    expect(json.history.map((h) => h.action)).toEqual(['SUBMIT', 'REGISTER', 'TAKE_INTO_WORK', 'APPROVE', 'SIGN', 'ISSUE_AT_DESK']);
  });

  it('lists the attachments, each downloaded as it was handed in', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% a scanned identity document\n%%EOF\n');
    const body = {
      serviceId: 'unemployed-certificate',
      channel: 'provider',
      language: 'ru',
      form: { iin: '880412301010', fullName: 'Омаров Ерлан Серікұлы', period: { from: '2026-01-01', to: '2026-06-30' } },
      attachments: [{ name: 'удостоверение.pdf', mediaType: 'application/octet-stream', content: pdf.toString('base64') }],
    };
    const { status, json } = await arm.api('PROVIDER_EMPLOYEE', 'POST', '/v1/applications', body, EMPLOYMENT);
    expect(status).toBe(201);
    const employee = await signIn('aigerim');
    const page = await employee.get(`/arm/applications/${json.number}`);
    const link = /<a href="(\/arm\/applications\/[^"]+\/attachments\/\d+)">удостоверение\.pdf<\/a>/.exec(page.html)?.[1];
    expect(link).toBeDefined();
    const file = await fetch(`${arm.url}${link}`, { headers: { cookie: employee.cookieHeader } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('удостоверение.pdf'));
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    const other = await signIn('saule');
    expect((await fetch(`${arm.url}${link}`, { headers: { cookie: other.cookieHeader } })).status).toBe(404);
  });

  it('acts once when the same rendered form is sent twice', async () => {
    const submitted = await arm.submitUnemployed('provider');
    const employee = await signIn('aigerim');
    const { form, result } = await act(employee, submitted.number, 'REGISTER');
    expect(result.status).toBe(303);
    const again = await employee.post(`/arm/applications/${submitted.number}/actions/REGISTER`, form);
    expect(again.status).toBe(303);
    const { json } = await arm.api('SYSTEM', 'GET', `/v1/applications/${submitted.number}`);
    expect(json.history.map((h) => h.action)).toEqual(['SUBMIT', 'REGISTER']);
  });

  it('refuses with a reason from the action’s codes and a justification; a missing one is a 400 in kk and ru', async () => {
    const submitted = await arm.submitUnemployed('provider');
    const employee = await signIn('aigerim');
    for (const action of ['REGISTER', 'TAKE_INTO_WORK']) await act(employee, submitted.number, action);
    const page = await employee.get(`/arm/applications/${submitted.number}`);
    expect(page.html).toMatch(/<option value="NOT_REGISTERED_UNEMPLOYED">/);
    const missing = await act(employee, submitted.number, 'REFUSE', { reason: 'NOT_ELIGIBLE' });
    expect(missing.result.status).toBe(400);
    expect(textOf(missing.result.html)).toContain(`${screens.kk.arm.fields.comment}: ${validation.kk.REQUIRED}`);
    expect(textOf(missing.result.html)).toContain(`${screens.ru.arm.fields.comment}: ${validation.ru.REQUIRED}`);
    expect(missing.result.html).toMatch(/<option value="NOT_ELIGIBLE" selected>/);
    const foreign = await act(employee, submitted.number, 'REFUSE', { reason: 'EDS_NOT_CONFIRMED', comment: 'Тексеру' });
    expect(foreign.result.status).toBe(400);
    const refused = await act(employee, submitted.number, 'REFUSE', { reason: 'NOT_ELIGIBLE', comment: 'Өтініш беруші жұмыс істейді / Заявитель трудоустроен' });
    expect(refused.result.status).toBe(303);
    for (const action of ['SIGN', 'ISSUE_AT_DESK']) expect((await act(employee, submitted.number, action)).result.status).toBe(303);
    const { json } = await arm.api('SYSTEM', 'GET', `/v1/applications/${submitted.number}`);
    expect(json.state).toBe('REFUSED');
    expect(json.documents.map((d) => d.kind)).toEqual(['refusal-letter']);
  });

  it('offers EXTEND to the head only, and the head extends to a new day', async () => {
    const submitted = await arm.submitUnemployed('con');
    const employee = await signIn('aigerim');
    const ruslan = await signIn('ruslan');
    expect((await act(ruslan, submitted.number, 'REGISTER')).result.status).toBe(303);
    expect((await act(employee, submitted.number, 'TAKE_INTO_WORK')).result.status).toBe(303);
    expect(actions((await employee.get(`/arm/applications/${submitted.number}`)).html)).not.toContain('EXTEND');
    const head = await signIn('dana');
    expect(actions((await head.get(`/arm/applications/${submitted.number}`)).html)).toContain('EXTEND');
    const extended = await act(head, submitted.number, 'EXTEND', { newDeadline: '2030-01-15', comment: 'Қосымша сұрау / Дополнительный запрос' });
    expect(extended.result.status).toBe(303);
    const { json } = await arm.api('SYSTEM', 'GET', `/v1/applications/${submitted.number}`);
    expect(json.history.at(-1)?.action).toBe('EXTEND');
    expect(json.deadline).toBe('2030-01-15T19:00:00.000Z');
  });

  it('answers 404 for an application of another provider and sends a visitor who is not signed in to sign in', async () => {
    const submitted = await arm.submitUnemployed('provider');
    const other = await signIn('saule');
    expect((await other.get(`/arm/applications/${submitted.number}`)).status).toBe(404);
    const own = await signIn('aigerim');
    expect((await own.get(`/arm/applications/${submitted.number}?done=NO_SUCH_ACTION`)).status).toBe(200);
    expect((await own.get('/arm/applications/no%20such')).status).toBe(400);
    expect((await own.get('/arm/applications/1401-2026-999999')).status).toBe(404);
    expect((await own.get(`/arm/applications/${submitted.number}/documents/000000000000.pdf`)).status).toBe(404);
    expect((await own.get('/arm?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    const anonymous = await new Visitor(arm.url).get(`/arm/applications/${submitted.number}`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe('/arm/login');
  });

  it('answers 404 in kk and ru for an action no service has, posted with the session’s token', async () => {
    const submitted = await arm.submitUnemployed('provider');
    const employee = await signIn('aigerim');
    const page = await employee.get(`/arm/applications/${submitted.number}`);
    const result = await employee.post(`/arm/applications/${submitted.number}/actions/NO_SUCH_ACTION`, formOf(page.html, 'REGISTER'));
    expect(result.status).toBe(404);
    for (const lang of ['kk', 'ru'] as const) expect(textOf(result.html)).toContain(String(errors[lang].NOT_FOUND).split('{{')[0]);
    // A declared action that is not open in this state is the use case's refusal, not a missing page.
    const closed = await employee.post(`/arm/applications/${submitted.number}/actions/EXPIRE_REFERRAL`, formOf(page.html, 'REGISTER'));
    expect(closed.status).toBeGreaterThanOrEqual(400);
    expect(closed.status).toBeLessThan(500);
  });

  it('refuses an action form without the session’s CSRF token', async () => {
    const submitted = await arm.submitUnemployed('provider');
    const employee = await signIn('aigerim');
    const page = await employee.get(`/arm/applications/${submitted.number}`);
    const result = await employee.post(`/arm/applications/${submitted.number}/actions/REGISTER`, formOf(page.html, 'REGISTER'), { csrf: false });
    expect(result.status).toBe(403);
  });
});

describe('the preschool queue page', () => {
  it('sets free places and shows the journal; a ЦОН operator is refused in kk and ru', async () => {
    const saule = await signIn('saule');
    const page = await saule.get('/arm/queue?lang=ru');
    expect(page.status).toBe(200);
    const saved = await saule.post('/arm/queue/free-places', { organisation: 'baldyrgan', ageYears: '3', free: '4' });
    expect(saved.status).toBe(303);
    const after = await saule.get('/arm/queue?lang=ru');
    expect(textOf(after.html)).toContain('№ 3 « Балдырган » — возраст 3 : 4');
    const bad = await saule.post('/arm/queue/free-places', { organisation: 'baldyrgan', ageYears: '3', free: '-1' });
    expect(bad.status).toBe(400);
    const con = await signIn('ruslan');
    const refused = await con.get('/arm/queue');
    expect(refused.status).toBe(403);
    expect(textOf(refused.html)).toContain(errors.kk.QUEUE_FOR_PROVIDER_STAFF);
    expect(textOf(refused.html)).toContain(errors.ru.QUEUE_FOR_PROVIDER_STAFF);
  });
});
