/**
 * The citizen portal in a real Chromium against a server the test starts: a citizen signs in with
 * a test certificate, applies for each service (form, scans, signing step), the provider's employee
 * and head act on it in the АРМ in a second browser context (action forms, the preschool free places
 * on /arm/queue), and the citizen sees the new status, the notification and downloads the result
 * PDF, which verifies. A refusal shows its letter; a revoked certificate cannot sign in; another
 * citizen's application is not found; the quality questionnaire is offered once and its answers reach the report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/compose.js';
import type { Role } from '../../src/domain/index.js';
import { normalise, pdfText } from '../helpers/poppler.js';
import { localeFile, strings } from '../helpers/project.js';
import { EDUCATION, EMPLOYMENT, PASSWORD, startArmService, type ArmService } from '../integration/screens/arm-service.js';
import { launchBrowser, type RecordingBrowser } from './browser.js';
import { textContrasts } from './contrast.js';

const OMAROVA = '900903401021';
const IVANOV = '891115301051';
const TURSYNOV = '990809301249';
const ZHAKSYBEKOVA = '950621401058';
const PETROVA_REVOKED = '841201401212';

const ru = new Map(strings(localeFile('ru', 'screens')));
const workflowRu = new Map(strings(localeFile('ru', 'workflow')));
const verifyRu = new Map(strings(localeFile('ru', 'verify')));
const reasonsRu = new Map(strings(localeFile('ru', 'reasons')));

let arm: ArmService;
let service: Service;
let http: { url: string };
let browser: RecordingBrowser;
let files: { png: string; pdf: string };

beforeAll(async () => {
  arm = await startArmService('portal-e2e');
  service = arm.service;
  http = { url: arm.url };
  await arm.accounts.add({ username: 'aigerim', password: PASSWORD, role: 'PROVIDER_EMPLOYEE', providerId: EMPLOYMENT, displayName: 'Айгерім Сәрсенова' });
  await arm.accounts.add({ username: 'dana', password: PASSWORD, role: 'PROVIDER_HEAD', providerId: EMPLOYMENT, displayName: 'Дана Ахметова' });
  await arm.accounts.add({ username: 'asel', password: PASSWORD, role: 'PROVIDER_EMPLOYEE', providerId: EDUCATION, displayName: 'Әсел Мұратова' });
  await arm.accounts.add({ username: 'gulnar', password: PASSWORD, role: 'PROVIDER_HEAD', providerId: EDUCATION, displayName: 'Гүлнар Тоқтарова' });
  browser = await launchBrowser(arm.url, { width: 1100, height: 900 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-portal-files-'));
  const image = new PNG({ width: 16, height: 16 });
  image.data.fill(200);
  files = { png: path.join(dir, 'удостоверение.png'), pdf: path.join(dir, 'справка.pdf') };
  fs.writeFileSync(files.png, PNG.sync.write(image));
  fs.writeFileSync(files.pdf, '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
});
afterAll(async () => {
  await browser?.close();
  await arm?.stop();
});

const text = (page: Page) => page.$eval('main', (main) => main.textContent ?? '');
const submit = (page: Page, selector: string) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);

async function signIn(page: Page, iin: string): Promise<void> {
  await page.goto(`${http.url}/signin?lang=ru`, { waitUntil: 'load' });
  await page.click(`#cert-${iin}`);
  await submit(page, 'form[action="/signin"] button[type="submit"]');
}

async function setDate(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(selector, (input, date) => ((input as unknown as { value: string }).value = date), value);
}

/** apply fills a service's form, reviews, signs with `certificate` (the citizen's own by default) and returns the application number. */
async function apply(page: Page, serviceId: string, fill: (page: Page) => Promise<void>, certificate?: string): Promise<string> {
  await page.goto(`${http.url}/apply/${serviceId}?lang=ru`, { waitUntil: 'load' });
  await fill(page);
  await submit(page, 'form.service-form button[type="submit"]');
  expect(new URL(page.url()).pathname).toBe(`/apply/${serviceId}/review`);
  await submit(page, `a[href="/apply/${serviceId}/sign"]`);
  expect(await text(page)).toContain(ru.get('portal.sign.demonstration'));
  if (certificate) await page.click(`#cert-${certificate}`);
  await submit(page, `form[action="/apply/${serviceId}/sign"] button[type="submit"]`);
  const match = /^\/cabinet\/applications\/([^/]+)$/.exec(new URL(page.url()).pathname);
  expect(match, page.url()).not.toBeNull();
  return decodeURIComponent(match?.[1] ?? '');
}

/**
 * keyOf: an API key for the test's own checks (the application's documents and state as the system
 * sees them, the quality report); no operator step goes through the API.
 */
const keys = new Map<Role, string>();
async function keyOf(role: Role): Promise<string> {
  if (!keys.has(role)) keys.set(role, (await service.apiKeys.add({ role })).key);
  return keys.get(role) as string;
}

/** Operator accounts made in beforeAll: the employment and education providers' employee and head. */
type Operator = 'aigerim' | 'dana' | 'asel' | 'gulnar';
const operators = new Map<Operator, Page>();

/** operator: the operator's АРМ tab, signed in once and reused by every test. */
async function operator(username: Operator): Promise<Page> {
  const known = operators.get(username);
  if (known) return known;
  const page = await browser.newPage({ width: 1200, height: 900 });
  await page.goto(`${http.url}/arm/login?lang=ru`, { waitUntil: 'load' });
  await page.type('#username', username);
  await page.type('#password', PASSWORD);
  await submit(page, 'form[action="/arm/login"] button[type="submit"]');
  expect(new URL(page.url()).pathname).toBe('/arm');
  operators.set(username, page);
  return page;
}

/** act: the operator opens the application in the АРМ, fills the action's form and takes it. */
async function act(username: Operator, number: string, action: string, fill: (page: Page) => Promise<void> = async () => undefined): Promise<void> {
  const page = await operator(username);
  await page.goto(`${http.url}/arm/applications/${encodeURIComponent(number)}?lang=ru`, { waitUntil: 'load' });
  await fill(page);
  await submit(page, `#action-${action} button[type="submit"]`);
  const problem = await page.$('#error-summary');
  expect(problem ? await problem.evaluate((e) => e.textContent ?? '') : null, `${username} ${action}`).toBeNull();
  expect(new URL(page.url()).searchParams.get('done')).toBe(action);
}

/** download fetches a document link of the page with the page's session cookie. */
async function download(page: Page, href: string): Promise<{ status: number; bytes: Uint8Array }> {
  const cookie = (await page.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const response = await fetch(new URL(href, http.url), { headers: { cookie } });
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function verified(bytes: Uint8Array): Promise<{ valid: boolean; number: string; kind: string }> {
  const response = await fetch(`${http.url}/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: bytes });
  return (await response.json()) as { valid: boolean; number: string; kind: string };
}

/** seesResult: the citizen's cabinet shows the status and the notification, and the result PDF downloads and verifies. */
async function seesResult(page: Page, number: string, kind: string): Promise<Uint8Array> {
  await page.goto(`${http.url}/cabinet?lang=ru`, { waitUntil: 'load' });
  expect(await text(page)).toContain(number);
  await page.goto(`${http.url}/cabinet/notifications?lang=ru`, { waitUntil: 'load' });
  expect(await text(page)).toContain(`№ ${number}`);
  await page.goto(`${http.url}/cabinet/applications/${number}?lang=ru`, { waitUntil: 'load' });
  const history = await page.$eval('.history', (list) => list.textContent ?? '');
  expect(history).toContain(ru.get('portal.application.submitted'));
  expect(history).toContain(workflowRu.get('actions.TAKE_INTO_WORK'));
  const href = await page.$$eval('.documents a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  const application = (await (await fetch(`${http.url}/v1/applications/${number}`, { headers: { authorization: `Bearer ${await keyOf('SYSTEM')}` } })).json()) as {
    status: string;
    documents: Array<{ number: string; kind: string }>;
  };
  expect(await page.$eval('#app-status .status', (s) => s.textContent ?? '')).toBe(workflowRu.get(`statuses.${application.status}`));
  const document = application.documents.find((d) => d.kind === kind);
  expect(document, JSON.stringify(application.documents)).toBeDefined();
  const link = href.find((h) => h.endsWith(`/${document?.number}.pdf`));
  expect(link, JSON.stringify(href)).toBeDefined();
  const pdf = await download(page, link as string);
  expect(pdf.status).toBe(200);
  const verdict = await verified(pdf.bytes);
  expect(verdict.valid, JSON.stringify(verdict)).toBe(true);
  expect(verdict.number).toBe(document?.number);
  expect(verdict.kind).toBe(kind);
  return pdf.bytes;
}

describe('the citizen portal', () => {
  it('refuses a revoked certificate at sign-in with its reason', async () => {
    const page = await browser.newPage();
    await signIn(page, PETROVA_REVOKED);
    expect(new URL(page.url()).pathname).toBe('/signin');
    const body = await text(page);
    expect(body).toContain(ru.get('portal.signin.refused'));
    expect(body).toContain(verifyRu.get('reasons.CERTIFICATE_REVOKED'));
    expect(await page.$eval('.cert-revoked .cert-state', (s) => s.textContent ?? '')).toBe(ru.get('portal.signin.states.revoked'));
    await page.goto(`${http.url}/cabinet`, { waitUntil: 'load' });
    expect(new URL(page.url()).pathname).toBe('/signin');
    await page.close();
  });

  let unemployedNumber = '';
  it('takes an unemployed certificate application with a scan; the operator issues it; the citizen sees status, notification and a valid PDF', async () => {
    const page = await browser.newPage();
    await signIn(page, TURSYNOV);
    expect(new URL(page.url()).pathname).toBe('/cabinet');
    const number = await apply(page, 'unemployed-certificate', async (p) => {
      await p.type('#f-iin', TURSYNOV);
      await p.type('#f-fullName', 'Тұрсынов Бауыржан Ғаниұлы');
      await p.type('#f-phone', '+77012345678');
      await setDate(p, '#f-period-from', '2026-01-01');
      await setDate(p, '#f-period-to', '2026-06-30');
      const input = await p.$('#f-attachments-identity-document');
      await input?.uploadFile(files.png);
    });
    unemployedNumber = number;
    const attachments = (await (await fetch(`${http.url}/v1/applications/${number}`, { headers: { authorization: `Bearer ${await keyOf('SYSTEM')}` } })).json()) as {
      state: string;
      attachments: Array<{ name: string; mediaType: string }>;
    };
    expect(attachments.state).toBe('REGISTERED');
    expect(attachments.attachments.map((a) => a.mediaType)).toEqual(['image/png']);
    await act('aigerim', number, 'TAKE_INTO_WORK');
    await act('aigerim', number, 'APPROVE');
    await act('dana', number, 'SIGN', (p) => setDate(p, '#a-SIGN-registeredFrom', '2025-10-01'));
    await seesResult(page, number, 'unemployed-certificate');
    await page.close();
  });

  it('takes a home-education application with a PDF scan, issued to the cabinet', async () => {
    const page = await browser.newPage();
    await signIn(page, IVANOV);
    const number = await apply(page, 'disabled-children-home-education', async (p) => {
      await p.type('#f-iin', IVANOV);
      await p.type('#f-fullName', 'Иванов Сергей Николаевич');
      await p.type('#f-email', 'ivanov@example.kz');
      await p.type('#f-child-iin', '150319502043');
      await p.type('#f-child-fullName', 'Иванов Артём Сергеевич');
      await setDate(p, '#f-child-birthDate', '2015-03-19');
      await p.type('#f-conclusion-number', 'ПМПК-118');
      await setDate(p, '#f-conclusion-date', '2026-08-20');
      await setDate(p, '#f-homeEducationPeriod-from', '2026-09-01');
      await setDate(p, '#f-homeEducationPeriod-to', '2027-05-25');
      const input = await p.$('#f-attachments-consultation-conclusion');
      await input?.uploadFile(files.pdf);
    });
    await act('aigerim', number, 'TAKE_INTO_WORK');
    await act('aigerim', number, 'APPROVE');
    await act('dana', number, 'SIGN', async (p) => {
      await p.type('#a-SIGN-basisKk', 'Екібастұз қаласы әкімдігінің 2026 жылғы 1 қыркүйектегі № 412 қаулысы');
      await p.type('#a-SIGN-basisRu', 'Постановление акимата города Экибастуза от 1 сентября 2026 года № 412');
      await p.type('#a-SIGN-monthlyAmount', '46175');
    });
    await seesResult(page, number, 'disability-support-notification');
    await page.close();
  });

  it('puts a child in the preschool queue and shows the position; a free place set in the АРМ refers the child', async () => {
    const page = await browser.newPage();
    await signIn(page, OMAROVA);
    const number = await apply(page, 'preschool-queue', async (p) => {
      await p.type('#f-iin', OMAROVA);
      await p.type('#f-fullName', 'Омарова Айгүл Болатқызы');
      await p.type('#f-phone', '+77051112233');
      await p.type('#f-child-iin', '210510502015');
      await p.type('#f-child-fullName', 'Омаров Әлихан Ерланұлы');
      await setDate(p, '#f-child-birthDate', '2021-05-10');
      await p.select('#f-language', 'kk');
    });
    await act('asel', number, 'TAKE_INTO_WORK');
    await act('asel', number, 'QUEUE');
    await act('gulnar', number, 'SIGN');
    await seesResult(page, number, 'preschool-queue-notice');
    expect(await page.$eval('.queue-position', (d) => d.textContent ?? '')).toMatch(/^1 \/ \d+$/);

    // The employee sets one free place for the child's age group; the head of the queue is referred.
    const desk = await operator('asel');
    await desk.goto(`${http.url}/arm/queue?lang=ru`, { waitUntil: 'load' });
    const entry = await desk.$$eval(
      'ul.worklist li',
      (items, href) => items.find((li) => li.querySelector(`a[href="${href}"]`))?.textContent ?? '',
      `/arm/applications/${number}`,
    );
    const ages = await desk.$$eval('#q-age option', (options) => options.map((o) => ({ value: (o as unknown as { value: string }).value, label: o.textContent ?? '' })));
    const age = ages.find((a) => entry.includes(a.label));
    expect(age, entry).toBeDefined();
    await desk.select('#q-organisation', 'baldyrgan');
    await desk.select('#q-age', age?.value ?? '');
    await desk.$eval('#q-free', (input) => ((input as unknown as { value: string }).value = ''));
    await desk.type('#q-free', '1');
    await submit(desk, 'form.arm-places button[type="submit"]');
    expect(await text(desk)).toContain(ru.get('arm.queue.saved'));
    expect(await desk.$eval('#referrals-title', (h) => h.parentElement?.textContent ?? '')).toContain(`№ ${number}`);
    await act('gulnar', number, 'SIGN');
    await seesResult(page, number, 'preschool-referral');
    await page.close();
  });

  it('shows a refusal with its reason and the refusal letter that cites it', async () => {
    const page = await browser.newPage();
    await signIn(page, ZHAKSYBEKOVA);
    const number = await apply(page, 'unemployed-certificate', async (p) => {
      await p.type('#f-iin', ZHAKSYBEKOVA);
      await p.type('#f-fullName', 'Жақсыбекова Динара Маратқызы');
      await p.type('#f-phone', '+77015556677');
      await setDate(p, '#f-period-from', '2026-01-01');
      await setDate(p, '#f-period-to', '2026-06-30');
    });
    await act('aigerim', number, 'TAKE_INTO_WORK');
    await act('aigerim', number, 'REFUSE', async (p) => {
      await p.select('#a-REFUSE-reason', 'NOT_REGISTERED_UNEMPLOYED');
      await p.type('#a-REFUSE-comment', 'Не зарегистрирована в качестве безработной.');
    });
    await act('dana', number, 'SIGN');
    const letter = await seesResult(page, number, 'refusal-letter');
    const reason = reasonsRu.get('NOT_REGISTERED_UNEMPLOYED') as string;
    expect(await text(page)).toContain(reason);
    expect(normalise(pdfText(letter))).toContain(normalise(reason));
    await page.close();
  });

  it('rejects an application signed with a revoked certificate, with the reason, and makes it once however often it is posted', async () => {
    const page = await browser.newPage();
    await signIn(page, ZHAKSYBEKOVA);
    await apply(
      page,
      'unemployed-certificate',
      async (p) => {
        await p.type('#f-iin', ZHAKSYBEKOVA);
        await p.type('#f-fullName', 'Жақсыбекова Динара Маратқызы');
        await p.type('#f-phone', '+77015556677');
        await setDate(p, '#f-period-from', '2026-02-01');
        await setDate(p, '#f-period-to', '2026-03-31');
      },
      PETROVA_REVOKED,
    );
    expect(await page.$eval('#app-status .status', (s) => s.textContent ?? '')).toBe(workflowRu.get('statuses.REJECTED'));
    expect(await text(page)).toContain(reasonsRu.get('EDS_NOT_CONFIRMED'));

    // The same draft posted twice (a double click, or back and post again) makes one application.
    await page.goto(`${http.url}/apply/unemployed-certificate?lang=ru`, { waitUntil: 'load' });
    await page.type('#f-iin', ZHAKSYBEKOVA);
    await page.type('#f-fullName', 'Жақсыбекова Динара Маратқызы');
    await page.type('#f-phone', '+77015556677');
    await setDate(page, '#f-period-from', '2026-04-01');
    await setDate(page, '#f-period-to', '2026-04-30');
    await submit(page, 'form.service-form button[type="submit"]');
    await page.goto(`${http.url}/apply/unemployed-certificate/sign?lang=ru`, { waitUntil: 'load' });
    const form = await page.$eval('form[action="/apply/unemployed-certificate/sign"]', (f) => ({
      csrf: (f.querySelector('input[name="_csrf"]') as unknown as { value: string }).value,
    }));
    const cookie = (await page.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const post = () =>
      fetch(`${http.url}/apply/unemployed-certificate/sign`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: form.csrf, certificate: ZHAKSYBEKOVA }).toString(),
      });
    const [first, second] = await Promise.all([post(), post()]);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    const applicantKey = (await service.apiKeys.add({ role: 'APPLICANT', iin: ZHAKSYBEKOVA })).key;
    const mine = (await (await fetch(`${http.url}/v1/applications?limit=50`, { headers: { authorization: `Bearer ${applicantKey}` } })).json()) as {
      items: Array<{ number: string }>;
    };
    // The refused one, the rejected one and this one.
    expect(mine.items).toHaveLength(3);
    await page.close();
  });

  it('does not show a citizen somebody else’s application or its documents', async () => {
    const page = await browser.newPage();
    await signIn(page, OMAROVA);
    const response = await page.goto(`${http.url}/cabinet/applications/${unemployedNumber}?lang=ru`, { waitUntil: 'load' });
    expect(response?.status()).toBe(404);
    const cookie = (await page.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const pdf = await fetch(`${http.url}/cabinet/applications/${unemployedNumber}/documents/000000000000.pdf`, { headers: { cookie } });
    expect(pdf.status).toBe(404);
    await page.close();
  });

  it('offers the quality questionnaire once after completion; its answers reach the report', async () => {
    const page = await browser.newPage();
    await signIn(page, TURSYNOV);
    await page.goto(`${http.url}/cabinet/applications/${unemployedNumber}?lang=ru`, { waitUntil: 'load' });
    await page.click('#q-quality-partially-satisfied');
    await page.click('#q-accessibility-satisfied');
    await submit(page, 'form[action$="/questionnaire"] button[type="submit"]');
    expect(await text(page)).toContain(ru.get('portal.quality.thanks'));
    expect(await page.$('form[action$="/questionnaire"]')).toBeNull();
    await page.goto(`${http.url}/cabinet/applications/${unemployedNumber}?lang=ru`, { waitUntil: 'load' });
    expect(await page.$('form[action$="/questionnaire"]')).toBeNull();

    // The service's clock starts at TEST_EPOCH (November 2026), whatever the date the suite runs on.
    const report = (await (
      await fetch(`${http.url}/v1/reports/quality?from=2026-01-01&to=2026-12-31&service=unemployed-certificate`, {
        headers: { authorization: `Bearer ${await keyOf('SYSTEM')}` },
      })
    ).json()) as { rows: Array<{ question: string; answers: Record<string, { count: number }> }> };
    const row = (question: string) => report.rows.find((r) => r.question === question)?.answers;
    expect(row('quality')?.['partially-satisfied']?.count).toBe(1);
    expect(row('accessibility')?.satisfied?.count).toBe(1);
    await page.close();
  });

  it('fits a 360 px screen in both languages at once, keeps text contrast at 4.5:1, and signs in from the keyboard', async () => {
    const page = await browser.newPage({ width: 360, height: 740 });
    await page.goto(`${http.url}/signin?lang=kk%2Bru`, { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    for (let i = 0; i < 30 && (await page.evaluate('document.activeElement.name')) !== 'certificate'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.name')).toBe('certificate');
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await page.keyboard.press('Space');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/cabinet');
    await signIn(page, TURSYNOV);
    await page.goto(`${http.url}/apply/unemployed-certificate?lang=kk%2Bru`, { waitUntil: 'load' });
    await page.type('#f-iin', TURSYNOV);
    await page.type('#f-fullName', 'Тұрсынов Бауыржан Ғаниұлы');
    await page.type('#f-phone', '+77012345678');
    await setDate(page, '#f-period-from', '2026-07-01');
    await setDate(page, '#f-period-to', '2026-07-31');
    await submit(page, 'form.service-form button[type="submit"]');
    const paths = ['/', '/signin', '/apply/unemployed-certificate/review', '/apply/unemployed-certificate/sign', '/cabinet', `/cabinet/applications/${unemployedNumber}`, '/cabinet/notifications'];
    const seen = new Set<string>();
    for (const path of paths) {
      await page.goto(`${http.url}${path}?lang=kk%2Bru`, { waitUntil: 'load' });
      expect(new URL(page.url()).pathname, path).toBe(path);
      const { scroll, client } = (await page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })')) as { scroll: number; client: number };
      expect(scroll, path).toBeLessThanOrEqual(client);
      const ratios = await textContrasts(page, [
        '.demo-notice', '.cert-state', '.cert-name', '.hint', '.status', '.citizen-bar a', '.citizen-bar button', 'legend', 'label', 'h1', 'h2', '.documents a', '.history li', '.button-link', 'button',
      ]);
      for (const { s, ratio } of ratios) {
        seen.add(s);
        expect(ratio, `${path} ${s}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(12);
    expect(browser.external).toEqual([]);
    expect(browser.violations).toEqual([]);
    await page.close();
  });
});
