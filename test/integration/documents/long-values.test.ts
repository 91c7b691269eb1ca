/**
 * 300-character names and addresses wrap inside the page: every word's box lies within the page
 * margins, and nothing but the equivalence clause enters the footer area the layout reserves for
 * the clauses and the QR row (.footer-space above the bottom margin). Margins and the footer
 * height are read from the stylesheet, so the test follows the layout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../src/compose.js';
import { LANGUAGES } from '../../../src/domain/index.js';
import { MM, normalise, pdfWords, ROOT, samplesOf, startService, type Page } from './harness.js';

const CSS = fs.readFileSync(path.join(ROOT, 'templates/styles/document.css'), 'utf8');
const [top, right, bottom, left] = (/@page\s*{[^}]*margin:\s*([^;]+);/.exec(CSS)?.[1] ?? '').split(/\s+/).map((v) => parseFloat(v) * MM);
const PAGE_MARGIN = { top: top ?? NaN, right: right ?? NaN, bottom: bottom ?? NaN, left: left ?? NaN };
const FOOTER_HEIGHT = parseFloat(/--footer-height,\s*([\d.]+)mm/.exec(CSS)?.[1] ?? 'NaN') * MM;
// Glyph boxes of pdftotext may reach a fraction of a point past the text box.
const TOLERANCE = 2;

const long = (seed: string) => {
  const words: string[] = [];
  while (words.join(' ').length < 300) words.push(`${seed}${words.length}`);
  return words.join(' ').slice(0, 300).trim();
};
// One unbroken 300-character word, the worst case for wrapping.
const unbroken = (letter: string) => letter.repeat(300);
const LONG_NAME = long('Сәрсенбаевқызы');
const LONG_ADDRESS = { kk: long('Мәшһүр-Жүсіп-көшесі'), ru: long('улица-Машхур-Жусупа') };
const LONG_NAME_KK_RU = { kk: long('Өңірлік-бөлім'), ru: unbroken('Ж') };

let service: Service;
beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service.stop();
});

function sample(kind: string): Record<string, unknown> {
  const found = samplesOf(kind).find((s) => s.lang === 'kk+ru');
  if (!found) throw new Error(`no kk+ru sample of ${kind}`);
  return structuredClone(found.data);
}

/** CASES: kind, data with long values, and one long value that must be printed in full. */
const CASES: Array<[string, Record<string, unknown>, string]> = [
  ['preschool-referral', { ...sample('preschool-referral'), issuer: { name: LONG_NAME_KK_RU, bin: '140540001231' }, child: { fullName: LONG_NAME, birthDate: '2022-03-15', homeAddress: LONG_ADDRESS }, head: LONG_NAME }, LONG_ADDRESS.ru],
  ['preschool-queue-notice', { ...sample('preschool-queue-notice'), parent: { iin: '841102304561', fullName: LONG_NAME }, child: { fullName: unbroken('А'), sex: 'male' }, head: LONG_NAME }, unbroken('А')],
  ['disability-support-notification', { ...sample('disability-support-notification'), recipient: { iin: '910202405550', fullName: LONG_NAME }, school: LONG_ADDRESS, basis: LONG_ADDRESS }, LONG_NAME],
  ['refusal-letter', { ...sample('refusal-letter'), applicant: { iin: '841102304561', fullName: unbroken('Ә'), address: LONG_ADDRESS }, explanation: LONG_ADDRESS }, unbroken('Ә')],
  ['application', { ...sample('application'), provider: { name: LONG_NAME_KK_RU, bin: '140540001231' }, head: LONG_NAME, applicant: { iin: '841102304561', fullName: LONG_NAME, address: LONG_ADDRESS.kk } }, LONG_ADDRESS.kk],
  ['status-notification', { ...sample('status-notification'), applicant: { iin: '841102304561', fullName: unbroken('Қ') } }, unbroken('Қ')],
  ['quality-questionnaire', { ...sample('quality-questionnaire'), applicant: { iin: '841102304561', fullName: LONG_NAME }, issuer: { name: LONG_NAME_KK_RU, bin: '140540001231' } }, LONG_NAME_KK_RU.ru],
];

function assertInside(page: Page, footerWords: string) {
  const footerTop = page.height - PAGE_MARGIN.bottom - FOOTER_HEIGHT;
  const inFooter: string[] = [];
  for (const word of page.words) {
    expect(word.xMin, word.text).toBeGreaterThanOrEqual(PAGE_MARGIN.left - TOLERANCE);
    expect(word.xMax, word.text).toBeLessThanOrEqual(page.width - PAGE_MARGIN.right + TOLERANCE);
    expect(word.yMin, word.text).toBeGreaterThanOrEqual(PAGE_MARGIN.top - TOLERANCE);
    expect(word.yMax, word.text).toBeLessThanOrEqual(page.height - PAGE_MARGIN.bottom + TOLERANCE);
    if (word.yMax > footerTop) inFooter.push(word.text);
  }
  // Whatever lies in the footer area is the footer's own text, nothing of the body.
  expect(normalise(inFooter.join(' '))).toBe(footerWords);
}

describe.each(CASES)('%s with 300-character values', (kind, data, printedInFull) => {
  it('wraps every word inside the page and above the footer area', async () => {
    const document = await service.issueDocument({ kind, lang: 'kk+ru', data });
    const pages = pdfWords(document.pdf);
    expect(pages.length).toBe(document.pages);
    const page = `${service.config.publicUrl}/verify`;
    const footer = normalise(
      ['equivalence', 'barcode', 'verify']
        .flatMap((key) => LANGUAGES.map((l) => service.translator.t(l, `common:footer.${key}`, { page })))
        .join(' '),
    );
    for (const page of pages) assertInside(page, footer);
    const all = normalise(pages.flatMap((p) => p.words.map((w) => w.text)).join(''));
    expect(all).toContain(normalise(printedInFull));
  });
});
