/** GET /i18n and its preview, PDF and font routes, on the real service (real Chromium for the PDF). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentKinds } from '../../../src/catalog/index.js';
import express, { type Express } from 'express';
import { i18nCodeLists, type Service } from '../../../src/compose.js';
import { i18nRoutes } from '../../../src/http/routes/i18n.js';
import { createI18nWorkbench } from '../../../src/i18n/index.js';
import { chromiumLauncher, loadTemplates, locateChromium } from '../../../src/render/index.js';
import { startTestService } from '../../helpers/service.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SAMPLE = 'unemployed-certificate.kk+ru.json';
const query = (lang: string) => `kind=unemployed-certificate&sample=${encodeURIComponent(SAMPLE)}&lang=${encodeURIComponent(lang)}`;

function listen(app: Express): Promise<{ server: Server; base: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

/** A copy of the project's locales with one key removed in kk and one kk text made equal to its ru text. */
function fixtureRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-i18n-'));
  for (const dir of ['templates', 'fonts', 'samples', 'src']) fs.symlinkSync(path.join(repo, dir), path.join(root, dir));
  fs.cpSync(path.join(repo, 'locales'), path.join(root, 'locales'), { recursive: true });
  const file = path.join(root, 'locales/kk/documents.json');
  const documents = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  const certificate = documents['unemployed-certificate'] ?? {};
  delete certificate.iin;
  certificate.specialist = 'Специалист:';
  fs.writeFileSync(file, JSON.stringify(documents));
  return root;
}

let service: Service;
let base: string;
let fixtureBase: string;
const servers: Server[] = [];

beforeAll(async () => {
  service = await startTestService('i18n');
  const own = await listen(service.app);
  servers.push(own.server);
  base = own.base;
  const root = fixtureRoot();
  const workbench = createI18nWorkbench({ root, codeLists: i18nCodeLists(), compileTemplates: (t) => loadTemplates(path.join(root, 'templates'), t) });
  const fixtureApp = express().use(i18nRoutes({ kinds: documentKinds, screens: service.templates, workbench, previewDocument: service.previewDocument }));
  const fixture = await listen(fixtureApp);
  servers.push(fixture.server);
  fixtureBase = fixture.base;
});

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await service?.stop();
});

describe('GET /i18n', () => {
  it('answers a bilingual page with the preview frames, the PDF links, the check and the key table, and no script', async () => {
    const res = await fetch(`${base}/i18n`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<span class="tx tx-kk" lang="kk">Аудармашыларға арналған қарап шығу</span><span class="tx tx-ru" lang="ru">Просмотр для переводчиков</span>');
    expect(html).toContain(`<iframe src="/i18n/preview?kind&#x3D;unemployed-certificate&amp;sample&#x3D;unemployed-certificate.kk%2Bru.json&amp;lang&#x3D;kk" sandbox=""`);
    expect(html).toContain('/i18n/pdf?kind&#x3D;unemployed-certificate&amp;sample&#x3D;unemployed-certificate.kk%2Bru.json&amp;lang&#x3D;ru');
    expect(html).toContain('<label for="kind">');
    expect(html).toContain('<code>documents:unemployed-certificate.title</code>');
    expect(html).toContain('Жұмыссыз ретінде тіркелу туралы анықтама / Справка о регистрации в качестве безработного');
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes what the query string brings back', async () => {
    const html = await (await fetch(`${base}/i18n?q=${encodeURIComponent('"><img src=x>')}`)).text();
    expect(html).toContain('value="&quot;&gt;&lt;img src&#x3D;x&gt;"');
    expect(html).not.toContain('<img src=x>');
  });
});

describe('GET /i18n/preview', () => {
  it('renders the unemployed certificate sample in kk and in ru, sandboxed, with fonts under /i18n/fonts/', async () => {
    for (const [lang, title] of [
      ['kk', 'Жұмыссыз ретінде тіркелу туралы анықтама'],
      ['ru', 'Справка о регистрации в качестве безработного'],
    ] as const) {
      const res = await fetch(`${base}/i18n/preview?${query(lang)}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      const html = await res.text();
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(title);
      expect(html).toContain('Сәрсенбаева Әйгерім Қуанышқызы');
      expect(html).toContain('url(/i18n/fonts/LiberationSerif-Regular.ttf)');
      expect(html).not.toContain('i18n-missing">');
    }
    const font = await fetch(`${base}/i18n/fonts/LiberationSerif-Regular.ttf`);
    expect(font.headers.get('content-type')).toBe('font/ttf');
    expect(Buffer.from(await font.arrayBuffer()).equals(fs.readFileSync(path.join(repo, 'fonts/LiberationSerif-Regular.ttf')))).toBe(true);
    expect((await fetch(`${base}/i18n/fonts/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${base}/i18n/preview?kind=unemployed-certificate&sample=nope.json&lang=kk`)).status).toBe(404);
  });

  it('highlights a key missing from a fixture locale, and a text identical in both languages', async () => {
    const html = await (await fetch(`${fixtureBase}/i18n/preview?${query('kk')}`)).text();
    expect(html).toContain('<mark class="i18n-missing">⟦documents:unemployed-certificate.iin⟧</mark>');
    expect(html).toContain('<mark class="i18n-identical">Специалист:</mark>');
    const page = await (await fetch(`${fixtureBase}/i18n?show=gaps&ns=documents`)).text();
    expect(page).toMatch(/<tr class="gap">\s*<th scope="row"><code>documents:unemployed-certificate\.iin<\/code><\/th>\s*<td lang="kk"><span class="absent">/);
    expect(page).toContain('<code>keys.missing</code> kk: missing in kk (present in ru)');
    expect(page).toContain('<code>text.identical</code>');
    expect(page).not.toContain('<code>documents:unemployed-certificate.title</code>');
  });
});

describe('GET /i18n/pdf', () => {
  it('renders the sample through the real pipeline as a PDF in the asked language', async () => {
    const res = await fetch(`${base}/i18n/pdf?${query('ru')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-i18n-pdf-')), 'ru.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Справка о регистрации в качестве безработного');
    expect(text).not.toContain('Жұмыссыз ретінде тіркелу туралы анықтама');
  });
});

describe('the page in a real Chromium', () => {
  it('loads the shipped fonts into the sandboxed frames, with no CSP violation', async () => {
    const executable = locateChromium(undefined).found;
    if (!executable) throw new Error('no Chromium found');
    const browser = await chromiumLauncher(executable, { isolated: false })();
    try {
      const page = await browser.newPage();
      const fonts: string[] = [];
      const violations: string[] = [];
      page.on('response', (response) => {
        if (response.url().includes('/i18n/fonts/') && response.status() === 200) fonts.push(path.basename(response.url()));
      });
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(`${base}/i18n`, { waitUntil: 'networkidle0' });
      const frames = page.frames().filter((frame) => frame.url().includes('/i18n/preview?'));
      expect(frames.map((frame) => new URL(frame.url()).searchParams.get('lang'))).toEqual(['kk', 'ru']);
      for (const frame of frames) {
        // A string, because the tests compile without the DOM library.
        const loaded = (await frame.evaluate("[...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family)")) as string[];
        expect(loaded).toContain('Qujat Serif');
      }
      expect(fonts).toContain('LiberationSerif-Regular.ttf');
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
