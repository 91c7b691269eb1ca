/**
 * Every document kind of issue 4, every sample language, through the real pipeline: one page, the
 * form's fixed phrases (read from the locales) in each printed language and none of the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../src/compose.js';
import type { Language, OutputLanguage } from '../../../src/domain/index.js';
import { normalise, pdfFonts, pdfText, printed, samplesOf, startService } from './harness.js';

/** FIXED: per kind, locale keys (documents:<kind>.<key>) whose text is printed whatever the data. */
const FIXED: Record<string, readonly string[]> = {
  'preschool-referral': ['title', 'purpose', 'childName', 'homeAddress', 'validity', 'issuedOn', 'validUntil', 'head'],
  'preschool-queue-notice': ['title', 'head'],
  'disability-support-notification': ['title', 'text', 'recipient', 'child', 'period', 'basis', 'applicationDate', 'head'],
  'refusal-letter': ['title', 'to', 'appeal', 'head'],
  application: ['title', 'header.number', 'header.date', 'headCaption', 'applicant', 'attachments', 'submittedOn', 'signature'],
  'status-notification': ['title', 'application', 'service', 'status', 'changedOn', 'nextLabel', 'help'],
  'quality-questionnaire': [
    'title',
    'questions.process',
    'questions.information',
    'answers.not-satisfied',
    'answers.partially-satisfied',
    'answers.satisfied',
    'answeredOn',
  ],
};

/** LANGUAGE_ONLY: a phrase per kind that differs between kk and ru, to prove the other language is absent. */
const LANGUAGE_ONLY: Record<string, string> = {
  'preschool-referral': 'validity',
  'preschool-queue-notice': 'title',
  'disability-support-notification': 'text',
  'refusal-letter': 'title',
  application: 'signature',
  'status-notification': 'help',
  'quality-questionnaire': 'questions.process',
};

let service: Service;
beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service.stop();
});

const t = (lang: Language, key: string) => normalise(service.translator.t(lang, key));

describe.each(Object.keys(FIXED))('%s', (kind) => {
  const samples = samplesOf(kind);

  it('has samples covering kk, ru and kk+ru', () => {
    expect(new Set(samples.map((s) => s.lang))).toEqual(new Set<OutputLanguage>(['kk', 'ru', 'kk+ru']));
    for (const sample of samples) expect(sample.file).toBe(`${kind}.${sample.lang}.json`);
  });

  it.each(samples.map((s) => [s.lang, s] as const))('prints the %s sample on one page with its fixed phrases', async (_lang, sample) => {
    const document = await service.issueDocument({ kind: sample.kind, lang: sample.lang, data: sample.data });
    expect(document.pages).toBe(1);
    const text = pdfText(document.pdf);
    const { yes, no } = printed(sample.lang);
    for (const lang of yes) {
      for (const key of FIXED[kind] ?? []) expect(text, `${lang} ${key}`).toContain(t(lang, `documents:${kind}.${key}`));
      expect(text).toContain(t(lang, 'common:footer.equivalence'));
    }
    for (const lang of no) expect(text).not.toContain(t(lang, `documents:${kind}.${LANGUAGE_ONLY[kind]}`));
    // Every glyph comes from the shipped fonts: no system fallback.
    const fonts = pdfFonts(document.pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/^Liberation(Serif|Sans)(-Bold|-Italic)?$/);
  });
});

describe('preschool referral validity', () => {
  it('prints the document number in the heading and the last valid day: five calendar days after the issue date', async () => {
    const sample = samplesOf('preschool-referral').find((s) => s.lang === 'kk+ru');
    const document = await service.issueDocument({ kind: 'preschool-referral', lang: 'kk+ru', data: sample?.data });
    const text = pdfText(document.pdf);
    expect(text).toContain(normalise(`ЖОЛДАМА № ${document.number}`));
    expect(text).toContain(normalise(`НАПРАВЛЕНИЕ № ${document.number}`));
    // Issued on 22 November 2026 (the test clock): valid through 27 November.
    expect(text).toContain(normalise(`${service.translator.t('ru', 'documents:preschool-referral.validUntil')}`));
    expect(text).toContain(normalise('2026 жылғы 27 қараша'));
    expect(text).toContain(normalise('27 ноября 2026 года'));
  });
});

describe('status notification statuses', () => {
  it.each(['received', 'in-progress', 'issued', 'refused', 'extended'])('prints %s with what happens next, in both languages', async (status) => {
    const sample = samplesOf('status-notification').find((s) => s.lang === 'kk+ru');
    const extra = status === 'extended' ? { newDeadline: '2026-12-04' } : status === 'refused' ? { reason: 'PERSON_NOT_FOUND' } : {};
    const document = await service.issueDocument({ kind: 'status-notification', lang: 'kk+ru', data: { ...sample?.data, status, ...extra } });
    expect(document.pages).toBe(1);
    const text = pdfText(document.pdf);
    for (const lang of ['kk', 'ru'] as const) {
      expect(text).toContain(t(lang, `documents:status-notification.statuses.${status}`));
      expect(text).toContain(t(lang, `documents:status-notification.next.${status}`));
      if (status === 'refused') expect(text).toContain(t(lang, 'reasons:PERSON_NOT_FOUND'));
    }
    if (status === 'extended') expect(text).toContain(normalise('4 декабря 2026 года'));
  });
});
