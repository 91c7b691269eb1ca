/**
 * The verification page in a real Chromium against a server the test starts: a citizen types the
 * number of an issued document; uploads the genuine PDF, a forged one (its document.xml replaced
 * with qpdf), the XML, and a 300-dpi raster of the printed page; opens the URL that zbarimg reads
 * from the page's verification QR on a phone; and the kk/ru choice follows them from page to page.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose, type Service } from '../../src/compose.js';
import { ROOT, localeFile, strings } from '../helpers/project.js';
import { runProcess } from '../helpers/run.js';
import { systemKey, testConfig } from '../helpers/service.js';
import { silentLogger } from '../helpers/silent-logger.js';
import { launchBrowser, type RecordingBrowser } from './browser.js';

const SAMPLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples/documents/unemployed-certificate.kk+ru.json'), 'utf8')) as unknown;
const texts = {
  kk: new Map([...strings(localeFile('kk', 'screens')), ...strings(localeFile('kk', 'verify'))]),
  ru: new Map([...strings(localeFile('ru', 'screens')), ...strings(localeFile('ru', 'verify'))]),
};
const text = (language: 'kk' | 'ru', key: string): string => {
  const value = texts[language].get(key);
  if (!value) throw new Error(`no ${language} text ${key}`);
  return value;
};
/** reason: a verdict reason's text, an outcome or a signature failure, as the service looks it up. */
const reason = (language: 'kk' | 'ru', code: string): string =>
  text(language, texts[language].has(`outcomes.${code}`) ? `outcomes.${code}` : `reasons.${code}`);

let service: Service;
let server: http.Server;
let base: string;
let browser: RecordingBrowser;
let work: string;
let issued: { number: string; verifyUrl: string };
const files = { pdf: '', forged: '', xml: '', forgedXml: '', photo: '' };

/** run fails with the tool's own words when it exits non-zero. */
async function run(command: string, args: string[]): Promise<string> {
  const result = await runProcess(command, args);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} → ${result.status}\n${result.stderr}`);
  return result.stdout;
}

beforeAll(async () => {
  // The server listens before the service is composed, so the QR codes carry the URL it answers on.
  let app: http.RequestListener = (_req, res) => res.writeHead(503).end();
  server = http.createServer((req, res) => app(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  service = await compose(await testConfig('verify-e2e', { QUJAT_PUBLIC_URL: base }), { logger: silentLogger });
  app = service.app;
  browser = await launchBrowser(base);

  // A workflow system issues the document; the citizen downloads it with the token of its QR link.
  const headers = { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${await systemKey(service)}` };
  const response = await fetch(`${base}/v1/documents`, { method: 'POST', headers, body: JSON.stringify(SAMPLE) });
  expect(response.status).toBe(201);
  issued = (await response.json()) as typeof issued;
  const token = new URL(issued.verifyUrl).searchParams.get('t') ?? '';

  work = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-verify-e2e-'));
  files.pdf = path.join(work, 'certificate.pdf');
  const pdf = await fetch(`${base}/v1/documents/${issued.number}.pdf?t=${encodeURIComponent(token)}`);
  expect(pdf.status).toBe(200);
  fs.writeFileSync(files.pdf, Buffer.from(await pdf.arrayBuffer()));
  files.xml = path.join(work, 'document.xml');
  await run('pdfdetach', ['-save', '1', '-o', files.xml, files.pdf]);
  // The forger changes the applicant's name in the signed XML and puts it back into the PDF; the page
  // and its QR codes stay as issued.
  files.forgedXml = path.join(work, 'forged.xml');
  const original = fs.readFileSync(files.xml, 'utf8');
  expect(original).toContain('Сәрсенбаева');
  fs.writeFileSync(files.forgedXml, original.replace('Сәрсенбаева', 'Сарсенбаева'));
  files.forged = path.join(work, 'forged.pdf');
  await run('qpdf', [files.pdf, '--remove-attachment=document.xml', '--add-attachment', files.forgedXml, '--key=document.xml', '--filename=document.xml', '--', files.forged]);
  await run('pdftoppm', ['-r', '300', '-png', '-f', '1', '-l', '1', '-singlefile', files.pdf, path.join(work, 'printed')]);
  files.photo = path.join(work, 'printed.png');
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server?.closeAllConnections();
  await service?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const mainText = (page: Page) => page.$eval('main', (main) => (main.textContent ?? '').replace(/\s+/g, ' '));
const verdict = (page: Page) => page.$eval('.verdict', (section) => ({ className: section.className, text: (section.textContent ?? '').replace(/\s+/g, ' ').trim() }));
const htmlLang = (page: Page) => page.evaluate('document.documentElement.lang') as Promise<string>;

/** upload sends a file through the page's upload form, as a citizen would, and waits for the result. */
async function upload(page: Page, lang: 'kk' | 'ru', file: string): Promise<void> {
  await page.goto(`${base}/verify?lang=${lang}`, { waitUntil: 'load' });
  const input = await page.$('#file');
  if (!input) throw new Error('no file input on /verify');
  await input.uploadFile(file);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form[enctype="multipart/form-data"] button[type="submit"]')]);
}

describe('/verify in a browser', () => {
  it('takes a typed number to the result page of the issued document', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/verify?lang=ru`, { waitUntil: 'load' });
    await page.type('#number', issued.number);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form[method="get"] button[type="submit"]')]);
    expect(new URL(page.url()).pathname).toBe(`/verify/${issued.number}`);
    expect(await verdict(page)).toEqual({ className: 'verdict ok', text: `${text('ru', 'verify.valid')} ${reason('ru', 'VALID')}` });
    const body = await mainText(page);
    expect(body).toContain(issued.number);
    expect(body).toContain(text('ru', 'verify.statuses.valid'));
    expect(body).toContain('********0519');
    // Typed by hand there is no token: the content stays hidden.
    expect(body).toContain(text('ru', 'verify.contentNeedsToken'));
    expect(body).not.toContain('Сәрсенбаева');
    await page.close();
  });

  it('answers a malformed number with the form again, its message and a 400', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${base}/verify?number=12345&lang=kk`, { waitUntil: 'load' });
    expect(response?.status()).toBe(400);
    expect(await page.$eval('.error', (p) => p.textContent)).toBe(text('kk', 'verify.numberInvalid'));
    expect(await page.$eval('#number', (input) => (input as unknown as { value: string }).value)).toBe('12345');
    await page.close();
  });

  it.each(['kk', 'ru'] as const)('finds an uploaded genuine PDF valid (%s)', async (lang) => {
    const page = await browser.newPage();
    await upload(page, lang, files.pdf);
    expect(await verdict(page)).toEqual({ className: 'verdict ok', text: `${text(lang, 'verify.valid')} ${reason(lang, 'VALID')}` });
    expect(await mainText(page)).toContain(issued.number);
    await page.close();
  });

  it.each(['kk', 'ru'] as const)('reports an uploaded forged PDF invalid with its reason in the page language (%s)', async (lang) => {
    const page = await browser.newPage();
    await upload(page, lang, files.forged);
    const other = lang === 'kk' ? 'ru' : 'kk';
    const shown = await verdict(page);
    expect(shown.className).toBe('verdict bad');
    expect(shown.text).toBe(`${text(lang, 'verify.invalid')} ${reason(lang, 'QR_ATTACHMENT_MISMATCH')}`);
    expect(await mainText(page)).not.toContain(reason(other, 'QR_ATTACHMENT_MISMATCH'));
    expect(await htmlLang(page)).toBe(lang);
    await page.close();
  });

  it('finds the uploaded signed XML valid', async () => {
    const page = await browser.newPage();
    await upload(page, 'kk', files.xml);
    expect(await verdict(page)).toEqual({ className: 'verdict ok', text: `${text('kk', 'verify.valid')} ${reason('kk', 'VALID')}` });
    expect(await mainText(page)).toContain(issued.number);
    await page.close();
  });

  it('reports the forged XML on its own as changed after signing', async () => {
    const page = await browser.newPage();
    await upload(page, 'ru', files.forgedXml);
    expect(await verdict(page)).toEqual({ className: 'verdict bad', text: `${text('ru', 'verify.invalid')} ${reason('ru', 'DIGEST_MISMATCH')}` });
    await page.close();
  });

  it('finds a 300-dpi picture of the printed page genuine signed data by its QR codes, to compare with the issued first page', async () => {
    const page = await browser.newPage();
    await upload(page, 'ru', files.photo);
    expect(await verdict(page)).toEqual({ className: 'verdict ok', text: `${text('ru', 'result.signedData')} ${reason('ru', 'SIGNED_DATA_GENUINE')}` });
    expect(await mainText(page)).toContain(issued.number);
    expect(await mainText(page)).toContain('Сәрсенбаева Әйгерім Қуанышқызы');
    // The picture of the issued first page loads under the strict CSP (img-src 'self').
    const width = await page.$eval('.first-page img', (img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth);
    expect(width).toBe(800);
    await page.close();
  });

  it("lands a phone that opens the page's verification QR on the full result, without horizontal scrolling", async () => {
    const raster = path.join(work, 'qr');
    await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', files.pdf, raster]);
    const codes = (await run('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', `${raster}.png`])).split('\n');
    const url = codes.find((code) => code.startsWith(`${base}/verify/`));
    expect(url, codes.join('\n')).toBeDefined();
    expect(url).toBe(issued.verifyUrl);

    const page = await browser.newPage({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
    await page.goto(url as string, { waitUntil: 'load' });
    expect(new URL(page.url()).pathname).toBe(`/verify/${issued.number}`);
    expect((await verdict(page)).className).toBe('verdict ok');
    const body = await mainText(page);
    expect(body).toContain('Сәрсенбаева Әйгерім Қуанышқызы');
    expect(body).toContain(text('kk', 'verify.content'));
    const { scroll, client } = (await page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })')) as { scroll: number; client: number };
    expect(client).toBe(390);
    expect(scroll).toBeLessThanOrEqual(client);
    await page.close();
  });

  it('remembers the kk/ru switch across pages', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/verify`, { waitUntil: 'load' });
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('.langs a[lang="ru"]')]);
    expect(await htmlLang(page)).toBe('ru');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(text('ru', 'verify.title'));

    await page.goto(`${base}/verify/${issued.number}`, { waitUntil: 'load' });
    expect(await htmlLang(page)).toBe('ru');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(text('ru', 'verify.resultTitle'));
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('.langs a[lang="kk"]')]);
    expect(new URL(page.url()).pathname).toBe(`/verify/${issued.number}`);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(text('kk', 'verify.resultTitle'));

    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('main a[href="/verify"]')]);
    expect(await htmlLang(page)).toBe('kk');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(text('kk', 'verify.title'));
    await page.goto(`${base}/`, { waitUntil: 'load' });
    expect(await htmlLang(page)).toBe('kk');
    await page.close();
  });

  it('made no request outside Qujat and had no CSP violation', () => {
    expect(browser.external).toEqual([]);
    expect(browser.violations).toEqual([]);
  });
});
