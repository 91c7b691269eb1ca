#!/usr/bin/env node
// `npm run screenshots`: PNGs of every screen in kk and ru in docs/screens/<name>.<lang>.png, and
// the table of them in README.md. It starts the real service (`qujat serve`) over a fresh data
// directory, makes demonstration data through the CLI and the HTTP API (scripts/screenshots/demo.mjs)
// and photographs the pages in the system Chromium. A screen is one line of SCREENS; one whose
// page this build does not serve (404) is skipped and keeps its old PNG, if any. A page that is
// bilingual whatever the switch says (/i18n) is taken once, as <name>.kk+ru.png.
//   node scripts/screenshots.mjs [name …]     only the screens named (after a build)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CITIZEN, OPERATORS, PASSWORD, populate, prepare } from './screenshots/demo.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'docs', 'screens');
const LANGUAGES = ['kk', 'ru'];
const DESKTOP = { width: 1200, height: 900 };
const PHONE = { width: 390, height: 844, isMobile: true, hasTouch: true };
/** MAX_HEIGHT: a long page is cut here, so that a PNG stays a picture of the screen and stays small. */
const MAX_HEIGHT = 2000;

/**
 * SCREENS, in the order of the README table. `path` is opened (a function of the demo data when it
 * needs a number); `operator` (a username of OPERATORS) or `citizen` signs in first; `setup` then
 * acts on the page; `viewport` defaults to DESKTOP; `script: false` turns the page's scripts off
 * (to show the server's own checks); `languages` defaults to LANGUAGES.
 */
const SCREENS = [
  { name: 'portal-home', title: 'Portal: the services', path: '/' },
  { name: 'portal-home-phone', title: 'Portal on a phone', path: '/', viewport: PHONE },
  { name: 'portal-signin', title: 'Portal: sign-in by test certificate', path: '/signin' },
  { name: 'portal-form-errors', title: 'Portal: a form the server sent back', path: '/apply/unemployed-certificate', script: false, setup: formWithErrors },
  { name: 'portal-review', title: 'Portal: review before signing', path: '/apply/unemployed-certificate', setup: formToReview },
  { name: 'portal-sign', title: 'Portal: the signing step (demonstration stand-in)', path: '/apply/unemployed-certificate', citizen: true, setup: formToSigning },
  { name: 'portal-cabinet', title: 'Portal: my applications', path: '/cabinet', citizen: true },
  { name: 'portal-application', title: "Portal: an application's status, history and result", path: (demo) => `/cabinet/applications/${demo.applications['unemployed-certificate.portal.citizen']}`, citizen: true },
  { name: 'portal-notifications', title: 'Portal: notifications', path: '/cabinet/notifications', citizen: true },
  { name: 'portal-cabinet-phone', title: 'Portal: my applications on a phone', path: '/cabinet', citizen: true, viewport: PHONE },
  { name: 'arm-login', title: 'АРМ: sign-in', path: '/arm/login' },
  { name: 'arm-worklist', title: 'АРМ: the worklist', path: '/arm', operator: 'employee' },
  { name: 'arm-application', title: "АРМ: an application and the role's actions", path: (demo) => `/arm/applications/${demo.applications['unemployed-certificate.con@2']}`, operator: 'employee' },
  { name: 'arm-print', title: 'АРМ: batch print of the ticked results, with progress', path: '/arm', operator: 'employee', setup: batchPrint },
  { name: 'arm-queue', title: 'АРМ: the preschool queue', path: '/arm/queue', operator: 'education' },
  { name: 'verify-form', title: 'Verification: number or file', path: '/verify' },
  { name: 'verify-valid', title: 'Verification: valid (from the QR code)', path: (demo) => pathOf(demo.issued.verifyUrl) },
  { name: 'verify-valid-phone', title: 'Verification on a phone (the QR code opened)', path: (demo) => pathOf(demo.issued.verifyUrl), viewport: PHONE },
  { name: 'verify-invalid', title: 'Verification: a forged PDF', path: '/verify', setup: (page, demo) => uploadForVerification(page, demo.files.forged) },
  { name: 'i18n', title: 'Translators: /i18n (always both languages)', path: '/i18n', languages: ['kk+ru'] },
];

const pathOf = (url) => new URL(url).pathname + new URL(url).search;
const languagesOf = (screen) => screen.languages ?? LANGUAGES;

async function formWithErrors(page) {
  await page.type('#f-iin', '880424400518');
  await page.type('#f-fullName', 'Сәрсенов Нұрлан');
  await submitAndWait(page, 'form.service-form button[type="submit"]');
}

async function formToReview(page) {
  await page.type('#f-iin', CITIZEN.iin);
  await page.type('#f-fullName', CITIZEN.fullName);
  await page.type('#f-phone', '+77011234567');
  for (const [selector, value] of [['#f-period-from', '2026-01-01'], ['#f-period-to', '2026-06-30']]) {
    await page.$eval(selector, (input, date) => {
      input.value = date;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }
  await submitAndWait(page, 'form.service-form button[type="submit"]');
}

async function formToSigning(page, demo) {
  await formToReview(page);
  await open(page, `${demo.base}${new URL(page.url()).pathname.replace(/\/review$/, '/sign')}`);
}

/** NotServed: the build does not serve a page the screen needs (404); the screen is skipped. */
class NotServed extends Error {}

async function open(page, url) {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() === 404) throw new NotServed(url);
  return response;
}

async function batchPrint(page) {
  const boxes = await page.$$('#batch input[name="application"]');
  if (boxes.length === 0) throw new NotServed('/arm: no batch print form');
  for (const box of boxes) await box.click();
  await submitAndWait(page, '#batch button[type="submit"]');
}

async function uploadForVerification(page, file) {
  const input = await page.$('#file');
  await input.uploadFile(file);
  await submitAndWait(page, 'form[enctype="multipart/form-data"] button[type="submit"]');
}

async function submitAndWait(page, selector) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
}

async function signInCitizen(page, base) {
  await open(page, `${base}/signin`);
  await page.click(`#cert-${CITIZEN.iin}`);
  await submitAndWait(page, 'form[action="/signin"] button[type="submit"]');
  if (new URL(page.url()).pathname === '/signin') throw new Error(`${CITIZEN.iin} could not sign in`);
}

async function signIn(page, base, username) {
  await page.goto(`${base}/arm/login`, { waitUntil: 'load' });
  await page.type('#username', username);
  await page.type('#password', PASSWORD);
  await submitAndWait(page, 'button[type="submit"]');
  if (new URL(page.url()).pathname === '/arm/login') throw new Error(`${username} could not sign in`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startService(env) {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'qujat.js'), 'serve'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${env.PORT}`;
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`qujat serve exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ready) return { url, stop: () => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM')) };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error('qujat serve did not answer /healthz');
}

/** shoot opens one screen in one language in a fresh browser context and writes its PNG. */
async function shoot(browser, base, demo, screen, lang) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ ...(screen.viewport ?? DESKTOP), deviceScaleFactor: 1 });
    await page.setJavaScriptEnabled(screen.script !== false);
    await page.setCookie({ name: 'qujat_lang', value: encodeURIComponent(lang), url: base });
    if (screen.operator) await signIn(page, base, screen.operator);
    if (screen.citizen) await signInCitizen(page, base);
    await open(page, `${base}${typeof screen.path === 'function' ? screen.path(demo) : screen.path}`);
    if (screen.setup) await screen.setup(page, demo);
    const outside = await page.evaluate(`[...document.querySelectorAll('[src],[href]')].map((e) => e.getAttribute('src') || e.getAttribute('href')).filter((u) => /^(https?:)?\\/\\//.test(u) && !u.startsWith(${JSON.stringify(base)}))`);
    if (outside.length > 0) throw new Error(`${screen.name}: links outside Qujat ${outside.join(', ')}`);
    // The picture ends below the page's content, not at the bottom of the window.
    const content = await page.evaluate("Math.ceil((document.querySelector('main') || document.body).getBoundingClientRect().bottom + window.scrollY) + 32");
    const height = Math.min(MAX_HEIGHT, content, await page.evaluate('document.documentElement.scrollHeight'));
    const { width } = page.viewport();
    // Focus rings of autofocused elements are part of the page, the blinking caret is not.
    await page.evaluate("document.activeElement && document.activeElement.matches('input, textarea') && document.activeElement.blur()");
    await page.screenshot({ path: path.join(OUT, `${screen.name}.${lang}.png`), clip: { x: 0, y: 0, width, height }, captureBeyondViewport: true });
    return true;
  } catch (error) {
    if (error instanceof NotServed) return false;
    throw error;
  } finally {
    await context.close();
  }
}

/** readmeTable is the README's «Screens» table: one row per screen, a thumbnail per language. */
function readmeTable() {
  const file = (name, lang) => `docs/screens/${name}.${lang}.png`;
  const taken = (screen) => languagesOf(screen).filter((lang) => fs.existsSync(path.join(root, file(screen.name, lang))));
  const cell = (screen, lang) =>
    `<a href="${file(screen.name, lang)}"><img src="${file(screen.name, lang)}" width="${screen.viewport === PHONE ? 120 : 320}" alt="${screen.name} (${lang})"></a>`;
  const row = (screen) => {
    const langs = taken(screen);
    const cells = langs.length === 1 && langs[0] === 'kk+ru' ? [cell(screen, 'kk+ru'), '(the same page)'] : LANGUAGES.map((l) => (langs.includes(l) ? cell(screen, l) : '—'));
    return `| ${screen.title} | ${cells.join(' | ')} |`;
  };
  return ['| Screen | Қазақша | Русский |', '|---|---|---|', ...SCREENS.filter((s) => taken(s).length > 0).map(row)].join('\n');
}

function writeReadme() {
  const file = path.join(root, 'README.md');
  const readme = fs.readFileSync(file, 'utf8');
  const start = '<!-- screens:start -->';
  const end = '<!-- screens:end -->';
  if (!readme.includes(start) || !readme.includes(end)) throw new Error(`README.md has no ${start} … ${end} section`);
  fs.writeFileSync(file, `${readme.slice(0, readme.indexOf(start) + start.length)}\n${readmeTable()}\n${readme.slice(readme.indexOf(end))}`);
}

async function main() {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !SCREENS.some((s) => s.name === name));
  if (unknown.length > 0) throw new Error(`no screen named ${unknown.join(', ')}; screens: ${SCREENS.map((s) => s.name).join(' ')}`);
  const { chromiumLauncher } = await import(path.join(root, 'dist', 'src', 'render', 'index.js'));
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-screenshots-'));
  const port = await freePort();
  const env = {
    ...process.env,
    QUJAT_DATA_DIR: data,
    PORT: String(port),
    QUJAT_HOST: '127.0.0.1',
    QUJAT_PUBLIC_URL: `http://127.0.0.1:${port}`,
    QUJAT_CHROMIUM: process.env.QUJAT_CHROMIUM ?? '/usr/bin/chromium',
    QUJAT_LOG_LEVEL: 'warn',
  };
  const scenarioDir = path.join(root, 'samples', 'scenarios');
  const scenarios = fs.readdirSync(scenarioDir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(fs.readFileSync(path.join(scenarioDir, f), 'utf8')));
  let service;
  let browser;
  try {
    process.stderr.write(`data in ${data}; keys and ${Object.keys(OPERATORS).length} operators …\n`);
    const keys = await prepare(root, env, scenarios);
    service = await startService(env);
    process.stderr.write(`service on ${service.url}; demonstration data …\n`);
    const demo = await populate({ base: service.url, root, keys, scenarios, work: data });
    browser = await chromiumLauncher(env.QUJAT_CHROMIUM, { isolated: false })();
    fs.mkdirSync(OUT, { recursive: true });
    for (const screen of SCREENS.filter((s) => only.length === 0 || only.includes(s.name))) {
      for (const lang of languagesOf(screen)) {
        const taken = await shoot(browser, service.url, demo, screen, lang);
        process.stderr.write(`${taken ? 'wrote  ' : 'skipped (404)'} ${screen.name}.${lang}.png\n`);
      }
    }
    writeReadme();
  } finally {
    await browser?.close();
    await service?.stop();
    fs.rmSync(data, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
