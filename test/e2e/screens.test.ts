/**
 * The screens in a real Chromium against a server the test starts: an operator signs in to the
 * АРМ; a citizen fills a portal form, sees the IIN refused while typing, fixes it and reaches the
 * review; every page fits a phone's width, keeps its text contrast, has no CSP violation and asks
 * for nothing outside Qujat.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeFile, strings } from '../helpers/project.js';
import { startScreenService, type ScreenService } from '../integration/screens/screen-client.js';
import { launchBrowser, type RecordingBrowser } from './browser.js';
import { textContrasts } from './contrast.js';

const PASSWORD = 'Жұмыс-орны-2026!';
const validation = { kk: new Map(strings(localeFile('kk', 'validation'))), ru: new Map(strings(localeFile('ru', 'validation'))) };

let service: ScreenService;
let browser: RecordingBrowser;

beforeAll(async () => {
  service = await startScreenService('screens-e2e');
  await service.accounts.add({ username: 'aigerim', password: PASSWORD, role: 'PROVIDER_EMPLOYEE', providerId: 'employment-ekibastuz', displayName: 'Айгерім Сәрсенова' });
  browser = await launchBrowser(service.url);
});
afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${service.url}/arm/login?lang=kk`, { waitUntil: 'load' });
  await page.type('#username', 'aigerim');
  await page.type('#password', PASSWORD);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[type="submit"]')]);
}

/** setDate fills an <input type="date">, whose typing order depends on the browser's locale. */
async function setDate(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(
    selector,
    (input, date) => {
      (input as unknown as { value: string }).value = date;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}

const errorOf = (page: Page, id: string) =>
  page.$eval(`#${id}-error`, (p) => ({ hidden: (p as unknown as { hidden: boolean }).hidden, text: (p.textContent ?? '').trim() }));

describe('the АРМ', () => {
  it('lets an operator sign in with username and password and shows who is signed in', async () => {
    const page = await browser.newPage();
    await signIn(page);
    expect(new URL(page.url()).pathname).toBe('/arm');
    const body = await page.$eval('main', (main) => main.textContent ?? '');
    expect(body).toContain('Айгерім Сәрсенова');
    expect(body).toContain('Қызмет берушінің қызметкері');
    await page.close();
  });
});

describe('a portal form', () => {
  it('refuses a bad IIN while it is typed, takes the fixed one, and shows the review', async () => {
    const page = await browser.newPage();
    await page.goto(`${service.url}/apply/unemployed-certificate?lang=ru`, { waitUntil: 'load' });
    await page.type('#f-iin', '88042440051');
    expect((await errorOf(page, 'f-iin')).hidden).toBe(true);
    await page.type('#f-iin', '8');
    expect(await errorOf(page, 'f-iin')).toEqual({ hidden: false, text: validation.ru.get('INVALID_IIN') });
    expect(await page.$eval('#f-iin', (input) => input.getAttribute('aria-invalid'))).toBe('true');

    await page.keyboard.press('Backspace');
    await page.type('#f-iin', '9');
    expect((await errorOf(page, 'f-iin')).hidden).toBe(true);
    expect(await page.$eval('#f-iin', (input) => input.getAttribute('aria-invalid'))).toBeNull();

    await page.type('#f-fullName', 'Сәрсенов Нұрлан');
    await page.type('#f-phone', '+77011234567');
    await setDate(page, '#f-period-from', '2026-01-01');
    await setDate(page, '#f-period-to', '2026-06-30');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form.service-form button[type="submit"]')]);
    expect(new URL(page.url()).pathname).toBe('/apply/unemployed-certificate/review');
    const review = await page.$eval('main', (main) => main.textContent ?? '');
    expect(review).toContain('880424400519');
    expect(review).toContain('Сәрсенов Нұрлан');
    expect(review).toContain('1 января 2026 года');
    await page.close();
  });

  it('stops a submission with a missing input in the browser and moves focus to it', async () => {
    const page = await browser.newPage();
    await page.goto(`${service.url}/apply/unemployed-certificate?lang=kk`, { waitUntil: 'load' });
    await page.type('#f-iin', '880424400519');
    await page.click('form.service-form button[type="submit"]');
    expect(new URL(page.url()).pathname).toBe('/apply/unemployed-certificate');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('f-fullName');
    expect(await errorOf(page, 'f-fullName')).toEqual({ hidden: false, text: validation.kk.get('REQUIRED') });
    await page.close();
  });

  it("focuses the server's error summary, whose links lead to the inputs", async () => {
    const page = await browser.newPage();
    await page.goto(`${service.url}/apply/preschool-queue?lang=kk`, { waitUntil: 'load' });
    await page.type('#f-iin', '880424400519');
    await page.type('#f-fullName', 'Сәрсенова Айгүл');
    await page.type('#f-child-iin', '210510502015');
    await page.type('#f-child-fullName', 'Сәрсенов Алихан');
    await setDate(page, '#f-child-birthDate', '2021-05-11');
    await page.select('#f-language', 'kk');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form.service-form button[type="submit"]')]);
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('error-summary');
    expect(await errorOf(page, 'f-child-birthDate')).toEqual({ hidden: false, text: validation.kk.get('IIN_BIRTH_DATE_MISMATCH') });
    await page.click('#error-summary a[href="#f-child-birthDate"]');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('f-child-birthDate');
    await page.close();
  });
});

describe('every screen', () => {
  const paths = ['/', '/apply/unemployed-certificate', '/apply/disabled-children-home-education', '/apply/preschool-queue', '/arm/login', '/arm', '/verify', '/apply/unknown'];

  it('fits a phone-sized screen (360 px) without horizontal scrolling, in both languages at once', async () => {
    const page = await browser.newPage({ width: 360, height: 740 });
    await signIn(page);
    for (const path of paths) {
      await page.goto(`${service.url}${path}?lang=kk%2Bru`, { waitUntil: 'load' });
      const { scroll, client } = (await page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })')) as { scroll: number; client: number };
      expect(scroll, path).toBeLessThanOrEqual(client);
    }
    await page.close();
  });

  it('keeps text contrast at 4.5:1 or more on labels, hints, errors, links and buttons', async () => {
    const page = await browser.newPage();
    await page.goto(`${service.url}/apply/unemployed-certificate?lang=kk%2Bru`, { waitUntil: 'load' });
    await page.type('#f-iin', '880424400518');
    const ratios = await textContrasts(page, ['label', '.hint', '.field-error', '.topbar a', '.crumbs a', 'button', 'legend', '.req', 'h1', '.lang-bi .tx-ru']);
    expect(new Set(ratios.map((r) => r.s)).size).toBeGreaterThanOrEqual(9);
    for (const { s, ratio } of ratios) expect(ratio, s).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });

  it('is usable from the keyboard: the skip link comes first, then the navigation, then the form', async () => {
    const page = await browser.newPage();
    await page.goto(`${service.url}/apply/unemployed-certificate?lang=kk`, { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.className')).toBe('skip');
    expect(await page.evaluate('getComputedStyle(document.activeElement).left')).toBe('8px');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 30 && (await page.evaluate('document.activeElement.id')) !== 'f-iin'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('f-iin');
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await page.close();
  });

  it('made no request outside Qujat and had no CSP violation, the form script included', () => {
    expect(browser.visited).toContain('/assets/form.js');
    expect(browser.visited).toContain('/assets/screen.css');
    expect(browser.external).toEqual([]);
    expect(browser.violations).toEqual([]);
  });
});
