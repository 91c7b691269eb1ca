/**
 * The certificate as printed, read back with poppler: every fixed phrase of the form in each
 * language of the document (and none of the other), the fonts, the Kazakh letters, the pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/compose.js';
import { languagesOf, type Language } from '../../src/domain/index.js';
import type { IssueResult } from '../../src/usecases/index.js';
import { normalise, pdfFonts, pdfPages, pdfPageText, pdfText } from '../helpers/poppler.js';
import { KAZAKH_LETTERS, localeFile, sample, samples, strings } from '../helpers/project.js';
import { startService } from '../helpers/service.js';

const DOCUMENT = 'unemployed-certificate';

/** formPhrases are the fixed texts every certificate prints in a language, read from the locales. */
function formPhrases(language: Language): string[] {
  // The watermark is drawn rotated, so its letters do not extract as a word; bench and tests
  // check development documents by `development` instead.
  const common = strings(localeFile(language, 'common'))
    .filter(([key]) => key !== 'watermark')
    .map(([, text]) => text);
  const form = localeFile(language, 'documents')[DOCUMENT] as Record<string, unknown>;
  // The kinds' names print only when an entry of that kind is given; the default «presented to» only without one.
  const fixed = Object.entries(form)
    .filter(([key, value]) => typeof value === 'string' && key !== 'presentedToDefault')
    .map(([, value]) => value as string);
  // A placeholder is filled at print time: each fixed part around it must print.
  return [...common, ...fixed].flatMap((text) => text.split(/\{\{\w+\}\}/)).map(normalise).filter((part) => part.length > 1);
}

/** dataPhrases are the texts a given request makes the form print: kind names, the default addressee. */
function dataPhrases(language: Language, data: Record<string, unknown>): string[] {
  const form = localeFile(language, 'documents')[DOCUMENT] as Record<string, Record<string, string>>;
  const kinds = (list: unknown, table: string) =>
    ((list as Array<{ kind: string }> | undefined) ?? []).map((entry) => form[table]?.[entry.kind] ?? `(no ${table}.${entry.kind})`);
  return [
    ...kinds(data.publicWorks, 'publicWorkKinds'),
    ...kinds(data.training, 'trainingKinds'),
    ...kinds(data.assistance, 'assistanceKinds'),
    ...(data.presentedTo ? [] : [String(form.presentedToDefault)]),
  ].map(normalise);
}

let service: Service;
const rendered = new Map<string, { document: IssueResult; text: string }>();

beforeAll(async () => {
  service = await startService();
  for (const { request } of samples()) {
    const document = await service.issueDocument(request);
    rendered.set(request.lang, { document, text: pdfText(document.pdf) });
  }
});

afterAll(async () => {
  await service?.stop();
});

describe('the three samples', () => {
  it('cover kk+ru, kk and ru', () => {
    expect(samples().map((s) => s.request.lang).sort()).toEqual(['kk', 'kk+ru', 'ru']);
  });

  describe.each(['kk+ru', 'kk', 'ru'] as const)('%s', (lang) => {
    const printed: Language[] = [...languagesOf(lang)];
    const absent: Language[] = (['kk', 'ru'] as const).filter((l) => !printed.includes(l));

    it('prints every fixed phrase of the form in each of its languages', () => {
      const { text } = rendered.get(lang)!;
      const request = sample(lang);
      for (const language of printed) {
        for (const phrase of [...formPhrases(language), ...dataPhrases(language, request.data)]) {
          expect(text, `${language}: «${phrase}»`).toContain(phrase);
        }
      }
    });

    it('prints none of the phrases of a language it is not in', () => {
      const { text } = rendered.get(lang)!;
      for (const language of absent) {
        for (const phrase of formPhrases(language)) expect(text, `${language}: «${phrase}»`).not.toContain(phrase);
      }
    });

    it('prints the request data: name, IIN, the number and the dates in the official style', () => {
      const { text, document } = rendered.get(lang)!;
      const request = sample(lang);
      const applicant = request.data.applicant as { iin: string; fullName: string };
      expect(text).toContain(applicant.fullName);
      expect(text).toContain(applicant.iin);
      expect(text).toContain(document.number);
      expect(text).toContain(String(request.data.head));
      expect(text).toContain(String(request.data.specialist));
      const [year, , day] = String(request.data.applicationDate).split('-').map(Number) as [number, number, number];
      const kk = `${year} жылғы ${day} `;
      const ru = ` ${year} года`;
      expect(text.includes(kk)).toBe(printed.includes('kk'));
      expect(text.includes(ru)).toBe(printed.includes('ru'));
    });

    it('embeds only Liberation fonts', () => {
      const fonts = pdfFonts(rendered.get(lang)!.document.pdf);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.embedded, font.name).toBe(true);
        expect(font.unicode, font.name).toBe(true);
        expect(font.baseName, font.name).toMatch(/^Liberation(Serif|Sans)(-Bold|-Italic)?$/);
      }
    });

    it('reports the page count pdfinfo reads', () => {
      const { document } = rendered.get(lang)!;
      expect(document.pages).toBe(pdfPages(document.pdf));
      expect(document.bytes).toBe(document.pdf.byteLength);
    });
  });

  it('prints the bilingual certificate of the sample on one page', () => {
    expect(pdfPages(rendered.get('kk+ru')!.document.pdf)).toBe(1);
  });

  it('prints a dash for an empty optional section, not a blank', () => {
    // The bilingual sample has no assistance: its label is followed by the dash.
    const { text } = rendered.get('kk+ru')!;
    const label = normalise(String((localeFile('ru', 'documents')[DOCUMENT] as Record<string, string>).assistance));
    const after = text.slice(text.indexOf(label) + label.length).trimStart();
    expect(after.startsWith('—')).toBe(true);
  });
});

describe('Kazakh letters', () => {
  const letters = KAZAKH_LETTERS.join('');

  it('extracts all 18 letters as themselves from names, the issuer and the signatures', async () => {
    const request = sample('kk+ru');
    request.data.applicant = { iin: '061211600012', fullName: `${letters} Тестова` };
    request.data.head = `Басшы ${letters}`;
    request.data.specialist = `Маман ${letters}`;
    request.data.issuer = { name: { kk: `${letters} бөлімі`, ru: 'Отдел' }, bin: '140540001231' };
    const document = await service.issueDocument(request);
    const text = pdfText(document.pdf);
    expect(text).toContain(`${letters} Тестова`);
    expect(text).toContain(`Басшы ${letters}`);
    expect(text).toContain(`Маман ${letters}`);
    expect(text).toContain(`${letters} бөлімі`);
    for (const letter of KAZAKH_LETTERS) {
      expect(text, `U+${letter.codePointAt(0)!.toString(16).toUpperCase()}`).toContain(letter);
    }
    // No Latin look-alike (ə, i, h, ı) or decomposed form stands in for a Kazakh letter.
    expect(text.replace(/https?:\/\/\S+/g, '')).not.toMatch(/[əƏıhH]/u);
    expect(text.normalize('NFC')).toBe(text);
    expect(pdfPages(document.pdf)).toBe(document.pages);
  });
});

describe('a certificate longer than one page', () => {
  it('counts its pages as pdfinfo does and repeats the equivalence clause on every page', async () => {
    const request = sample('kk+ru');
    const organisation = { kk: 'Екібастұз қаласының көгалдандыру және абаттандыру жөніндегі шаруашылық жүргізу құқығындағы мемлекеттік коммуналдық кәсіпорны', ru: 'Государственное коммунальное предприятие на праве хозяйственного ведения по озеленению и благоустройству города Экибастуза' };
    // Long enough for five pages, small enough for the four codes of one QR row.
    request.data.publicWorks = Array.from({ length: 8 }, (_, i) => ({
      kind: i % 2 ? 'social-jobs' : 'public-works',
      period: { from: '2026-04-01', to: `2026-04-${String(i + 2).padStart(2, '0')}` },
      organisation,
    }));
    request.data.training = Array.from({ length: 6 }, () => ({ kind: 'retraining', period: { from: '2026-07-06', to: '2026-09-25' }, organisation }));
    const document = await service.issueDocument(request);
    const pages = pdfPages(document.pdf);
    expect(pages).toBeGreaterThan(1);
    expect(document.pages).toBe(pages);
    const clauses = (['kk', 'ru'] as const).map((l) => normalise(String((localeFile(l, 'common').footer as Record<string, string>).equivalence)));
    for (let page = 1; page <= pages; page++) {
      const text = pdfPageText(document.pdf, page);
      for (const clause of clauses) expect(text, `page ${page}`).toContain(clause);
    }
    // The last entry and the signatures made it onto the last pages, nothing was cut.
    const text = pdfText(document.pdf);
    expect(text).toContain('2026 жылғы 9 сәуір');
    expect(text).toContain(String(request.data.specialist));
  });
});
