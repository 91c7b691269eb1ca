/**
 * The АРМ in a real Chromium against a server the test starts: an operator (made through the
 * accounts use case) signs in, finds applications sent through the /v1 API in the worklist with
 * its filters, opens one and takes it through to an issued certificate whose PDF opens, refuses
 * another with a reason; the employee is not offered EXTEND, the head is; overdue rows are marked
 * in words; twenty issued certificates ticked on the worklist print as one PDF rendered in batch
 * mode, with the job's progress shown; the pages fit a phone, keep their contrast, and ask for
 * nothing outside Qujat.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeFile } from '../helpers/project.js';
import { EDUCATION, EMPLOYMENT, PASSWORD, startArmService, type ArmService } from '../integration/screens/arm-service.js';
import { launchBrowser, type RecordingBrowser } from './browser.js';
import { textContrasts } from './contrast.js';

const screens = { kk: localeFile('kk', 'screens') as ArmTexts, ru: localeFile('ru', 'screens') as ArmTexts };
const reasons = { kk: localeFile('kk', 'reasons') as Record<string, string>, ru: localeFile('ru', 'reasons') as Record<string, string> };
type ArmTexts = { arm: { overdue: string } };

let arm: ArmService;
let browser: RecordingBrowser;
/** printJob: the job page of the batch print, for the phone-width check. */
let printJob = '/arm/print/none';

beforeAll(async () => {
  arm = await startArmService('arm-e2e');
  await arm.accounts.add({ username: 'aigerim', password: PASSWORD, role: 'PROVIDER_EMPLOYEE', providerId: EMPLOYMENT, displayName: 'Айгерім Сәрсенова' });
  await arm.accounts.add({ username: 'dana', password: PASSWORD, role: 'PROVIDER_HEAD', providerId: EMPLOYMENT, displayName: 'Дана Ахметова' });
  await arm.accounts.add({ username: 'saule', password: PASSWORD, role: 'PROVIDER_HEAD', providerId: EDUCATION, displayName: 'Сәуле Мұратова' });
  browser = await launchBrowser(arm.url);
});
afterAll(async () => {
  await browser?.close();
  await arm?.stop();
});

async function signIn(page: Page, username: string, lang = 'ru'): Promise<void> {
  await page.goto(`${arm.url}/arm/login?lang=${lang}`, { waitUntil: 'load' });
  await page.type('#username', username);
  await page.type('#password', PASSWORD);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[type="submit"]')]);
}

const text = (page: Page, selector = 'main') => page.$eval(selector, (e) => e.textContent ?? '');
const actionsOn = (page: Page) => page.$$eval('form.arm-action', (forms) => forms.map((f) => f.id.replace('action-', '')));

/** submitForm clicks the action form's button and waits for the page it leads to. */
async function take(page: Page, action: string, fill: (page: Page) => Promise<void> = async () => undefined): Promise<void> {
  await fill(page);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(`#action-${action} button[type="submit"]`)]);
}

async function setDate(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(selector, (input, date) => void ((input as unknown as { value: string }).value = date), value);
}

describe('the АРМ in Chromium', () => {
  it('finds applications from the API in the worklist, filters them, and takes one through to an issued certificate', async () => {
    const desk = await arm.submitUnemployed('provider');
    const con = await arm.submitUnemployed('con');
    const page = await browser.newPage();
    await signIn(page, 'aigerim');
    expect(new URL(page.url()).pathname).toBe('/arm');
    expect(await text(page)).toContain(desk.number);
    expect(await text(page)).toContain(con.number);

    await page.select('#w-channel', 'provider');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form.arm-filters button[type="submit"]')]);
    expect(new URL(page.url()).searchParams.get('channel')).toBe('provider');
    expect(await page.$eval('#w-channel', (s) => (s as unknown as { value: string }).value)).toBe('provider');
    expect(await text(page, 'ul.worklist')).toContain(desk.number);
    expect(await text(page, 'ul.worklist')).not.toContain(con.number);

    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(`a[href="/arm/applications/${desk.number}"]`)]);
    expect(await text(page)).toContain('Омаров Ерлан Серікұлы');
    expect(await actionsOn(page)).toContain('REGISTER');
    for (const action of ['REGISTER', 'TAKE_INTO_WORK', 'APPROVE']) {
      await take(page, action);
      expect(new URL(page.url()).searchParams.get('done')).toBe(action);
    }
    await take(page, 'SIGN', (p) => setDate(p, '#a-SIGN-registeredFrom', '2026-03-02'));
    await take(page, 'ISSUE_AT_DESK');
    expect(await actionsOn(page)).toEqual([]);
    const href = await page.$eval('a[href$=".pdf"]', (a) => a.getAttribute('href') ?? '');
    // The page's own scripts may not fetch (CSP); the link is followed with the browser's session cookie.
    const cookie = (await page.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const pdf = await fetch(`${arm.url}${href}`, { headers: { cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await page.$eval('a[href$=".pdf"]', (a) => a.getAttribute('target'))).toBe('_blank');
    const { json } = await arm.api('SYSTEM', 'GET', `/v1/applications/${desk.number}`);
    expect(json.state).toBe('ISSUED');
    expect(json.documents.map((d) => d.kind)).toEqual(['unemployed-certificate']);
    await page.close();
  });

  it('refuses an application with a reason chosen from the action’s codes and a justification', async () => {
    const submitted = await arm.submitUnemployed('provider');
    const page = await browser.newPage();
    await signIn(page, 'aigerim', 'kk%2Bru');
    await page.goto(`${arm.url}/arm/applications/${submitted.number}`, { waitUntil: 'load' });
    for (const action of ['REGISTER', 'TAKE_INTO_WORK']) await take(page, action);
    const options = await page.$$eval('#a-REFUSE-reason option', (o) => o.map((e) => (e as unknown as { value: string }).value).filter(Boolean));
    expect(options).toEqual(['NOT_REGISTERED_UNEMPLOYED', 'NOT_ELIGIBLE', 'DOCUMENTS_NONCONFORMING', 'DOCUMENTS_INCOMPLETE']);
    const label = await page.$eval('#a-REFUSE-reason option[value="NOT_ELIGIBLE"]', (o) => o.textContent ?? '');
    expect(label).toContain(reasons.kk.NOT_ELIGIBLE);
    expect(label).toContain(reasons.ru.NOT_ELIGIBLE);
    await take(page, 'REFUSE', async (p) => {
      await p.select('#a-REFUSE-reason', 'NOT_ELIGIBLE');
      await p.type('#a-REFUSE-comment', 'Өтініш беруші жұмысқа орналасқан / Заявитель трудоустроен');
    });
    await take(page, 'SIGN');
    await take(page, 'ISSUE_AT_DESK');
    const history = await text(page, '.arm-history');
    expect(history).toContain(reasons.ru.NOT_ELIGIBLE);
    expect(history).toContain('Заявитель трудоустроен');
    const { json } = await arm.api('SYSTEM', 'GET', `/v1/applications/${submitted.number}`);
    expect(json.state).toBe('REFUSED');
    expect(json.documents.map((d) => d.kind)).toEqual(['refusal-letter']);
    await page.close();
  });

  it('offers EXTEND to the head, not to the employee', async () => {
    const submitted = await arm.submitUnemployed('provider');
    const employee = await browser.newPage();
    await signIn(employee, 'aigerim');
    await employee.goto(`${arm.url}/arm/applications/${submitted.number}`, { waitUntil: 'load' });
    for (const action of ['REGISTER', 'TAKE_INTO_WORK']) await take(employee, action);
    expect(await actionsOn(employee)).toEqual(['APPROVE', 'REFUSE']);
    const head = await browser.newPage();
    await signIn(head, 'dana');
    await head.goto(`${arm.url}/arm/applications/${submitted.number}`, { waitUntil: 'load' });
    expect(await actionsOn(head)).toEqual(['APPROVE', 'REFUSE', 'EXTEND']);
    expect(await head.$eval('#a-EXTEND-newDeadline', (i) => i.getAttribute('type'))).toBe('date');
    await employee.close();
    await head.close();
  });

  it('takes an action from the keyboard alone, with the focus visible', async () => {
    const submitted = await arm.submitUnemployed('provider');
    expect((await arm.api('PROVIDER_EMPLOYEE', 'POST', `/v1/applications/${submitted.number}/actions/REGISTER`, {}, EMPLOYMENT)).status).toBe(200);
    const page = await browser.newPage();
    await signIn(page, 'aigerim');
    await page.goto(`${arm.url}/arm/applications/${submitted.number}`, { waitUntil: 'load' });
    const focused = () => page.evaluate("document.activeElement.closest('form') ? document.activeElement.closest('form').id + ' ' + document.activeElement.tagName : document.activeElement.tagName") as Promise<string>;
    for (let i = 0; i < 40 && (await focused()) !== 'action-TAKE_INTO_WORK BUTTON'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('action-TAKE_INTO_WORK BUTTON');
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('done')).toBe('TAKE_INTO_WORK');
    await page.close();
  });

  it('marks overdue rows with a sign and words as well as colour', async () => {
    await arm.submitUnemployed('provider');
    arm.advance(10 * 60_000);
    const page = await browser.newPage();
    await signIn(page, 'aigerim', 'kk%2Bru');
    await page.goto(`${arm.url}/arm?overdue=true`, { waitUntil: 'load' });
    const rows = (await page.evaluate(
      "[...document.querySelectorAll('ul.worklist > li')].map((li) => ({ overdue: li.classList.contains('overdue'), mark: li.querySelector('.overdue-mark')?.textContent ?? '', border: getComputedStyle(li).borderLeftColor }))",
    )) as Array<{ overdue: boolean; mark: string; border: string }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.overdue).toBe(true);
      expect(row.mark).toContain('⚠');
      expect(row.mark).toContain(screens.kk.arm.overdue);
      expect(row.mark).toContain(screens.ru.arm.overdue);
      expect(row.border).toBe('rgb(164, 22, 26)');
    }
    await page.close();
  });

  it('prints twenty issued certificates ticked on the worklist as one PDF, showing the job’s progress', async () => {
    const issued = [];
    for (let i = 0; i < 20; i++) issued.push(await arm.issueUnemployed());
    const documents = issued.map((a) => a.documents.find((d) => d.kind === 'unemployed-certificate')?.number ?? '');
    expect(new Set(documents).size).toBe(20);
    const page = await browser.newPage();
    await signIn(page, 'aigerim');
    await page.goto(`${arm.url}/arm?status=COMPLETED`, { waitUntil: 'load' });
    for (const application of issued) await page.click(`#p-${application.number}`);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#batch button[type="submit"]')]);
    expect(new URL(page.url()).pathname).toMatch(/^\/arm\/print\/[A-Za-z0-9_-]+$/);
    printJob = new URL(page.url()).pathname;
    expect(await page.$eval('#print-progress', (p) => p.getAttribute('max'))).toBe('20');
    // The script reloads the page once the job is done; the page then offers the PDF.
    await page.waitForSelector('#print-pdf', { timeout: 180_000 });
    expect(await page.$eval('#print-progress', (p) => p.getAttribute('value'))).toBe('20');
    expect(browser.visited).toContain('/assets/arm-print.js');
    expect(browser.visited).toContain(`${printJob}/status`);
    const href = await page.$eval('#print-pdf', (a) => a.getAttribute('href') ?? '');
    const cookie = (await page.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const response = await fetch(`${arm.url}${href}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'arm-batch-')), 'batch.pdf');
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(20);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    for (const number of documents) expect(text).toContain(number);
    // Another operator's session cannot follow or fetch the job.
    const other = await browser.newPage();
    await signIn(other, 'dana');
    const otherCookie = (await other.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await fetch(`${arm.url}${href}`, { headers: { cookie: otherCookie } })).status).toBe(404);
    await other.close();
    await page.close();
  }, 400_000);

  it('fits a phone (360 px) on every АРМ page, keeps text contrast at 4.5:1, and asks nothing of other sites', async () => {
    const submitted = await arm.submitUnemployed('provider');
    for (const action of ['REGISTER', 'TAKE_INTO_WORK']) {
      expect((await arm.api('PROVIDER_EMPLOYEE', 'POST', `/v1/applications/${submitted.number}/actions/${action}`, {}, EMPLOYMENT)).status).toBe(200);
    }
    const head = await browser.newPage({ width: 360, height: 740 });
    await signIn(head, 'dana', 'kk%2Bru');
    const educationHead = await browser.newPage({ width: 360, height: 740 });
    await signIn(educationHead, 'saule', 'kk%2Bru');
    const employee = await browser.newPage({ width: 360, height: 740 });
    await signIn(employee, 'aigerim', 'kk%2Bru');
    const visits: Array<[Page, string]> = [
      [head, '/arm'],
      [head, '/arm?overdue=true'],
      [head, '/arm?status=COMPLETED'],
      [head, `/arm/applications/${submitted.number}`],
      [educationHead, '/arm/queue'],
      [employee, printJob],
      [employee, '/arm/login'],
    ];
    for (const [page, path] of visits) {
      const response = await page.goto(`${arm.url}${path}`, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      const { scroll, client } = (await page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })')) as { scroll: number; client: number };
      expect(scroll, path).toBeLessThanOrEqual(client);
      const ratios = await textContrasts(page, ['label', 'a', 'button', 'dt', 'dd', '.chip', '.overdue-mark', '.late', '.hint', 'h1', 'h2', '.lang-bi .tx-ru'], 'main');
      for (const { s, ratio } of ratios) expect(ratio, `${path} ${s}`).toBeGreaterThanOrEqual(4.5);
    }
    for (const page of [head, educationHead, employee]) await page.close();
    expect(browser.external).toEqual([]);
    expect(browser.violations).toEqual([]);
  });
});
