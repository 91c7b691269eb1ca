/** The preview's pure parts: the marking translator, highlighting, the key table, and the text report. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRepository, createMarkingTranslator, createTranslator, formatReport, MissingTranslationError, runCheck, type LocaleResources } from '../../../src/i18n/index.js';
import { filterRows, highlightPreview, keyRows } from '../../../src/http/routes/i18n-view.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const resources: LocaleResources = {
  kk: { doc: { title: 'Анықтама', code: 'QR', same: 'Стандарт', days_one: '{{count}} күн', days_other: '{{count}} күн' } },
  ru: { doc: { title: 'Справка', code: 'QR', same: 'Стандарт', only: 'Только по-русски', days_one: '{{count}} день', days_few: '{{count}} дня', days_many: '{{count}} дней', days_other: '{{count}} дня' } },
};

describe('createMarkingTranslator', () => {
  const marking = createMarkingTranslator(resources);
  it('answers texts, marks a missing key and a text the same in both languages', () => {
    expect(marking.t('kk', 'doc:title')).toBe('Анықтама');
    expect(marking.t('kk', 'doc:only')).toBe('\uE000doc:only\uE001');
    expect(marking.t('ru', 'doc:same')).toBe('\uE002Стандарт\uE003');
    expect(marking.t('ru', 'doc:days', { count: 5 })).toBe('5 дней');
  });
  it('leaves the strict translator strict', () => {
    expect(() => createTranslator(resources).t('kk', 'doc:only')).toThrow(MissingTranslationError);
  });
});

describe('highlightPreview', () => {
  it('turns marks into <mark> in text, drops them in <title> and attributes, and points fonts at /i18n/fonts/', () => {
    const html =
      '<html><head><title>\uE000doc:title\uE001</title><style>@font-face{src:url(/fonts/A.ttf)}</style></head>' +
      '<body><div aria-label="\uE002x\uE003">\uE000doc:a&amp;b\uE001 and \uE002Стандарт\uE003</div></body></html>';
    const out = highlightPreview(html);
    expect(out).toContain('<title>doc:title</title>');
    expect(out).toContain('aria-label="x"');
    expect(out).toContain('<mark class="i18n-missing">⟦doc:a&amp;b⟧</mark> and <mark class="i18n-identical">Стандарт</mark>');
    expect(out).toContain('url(/i18n/fonts/A.ttf)');
    expect(out).not.toMatch(/[\uE000-\uE003]/);
  });
});

describe('key table', () => {
  const report = runCheck({ locales: resources, templates: [], code: [], codeLists: [], fonts: [], glossary: null, identicalAllow: { keys: {}, values: { QR: 'abbreviation' } } });
  const rows = keyRows(resources, report);
  it('lists every key of both languages with the findings for it', () => {
    const only = rows.find((r) => r.key === 'doc:only');
    expect(only).toMatchObject({ kk: null, ru: 'Только по-русски', gap: true });
    expect(only?.problems.map((p) => p.rule)).toContain('keys.missing');
    expect(rows.find((r) => r.key === 'doc:same')?.problems.map((p) => p.rule)).toContain('text.identical');
    const days = rows.find((r) => r.key === 'doc:days');
    expect(days?.kk).toBe('_one: {{count}} күн\n_other: {{count}} күн');
    // Complete plurals are no gap in either language; only the fixture's lack of templates shows.
    expect(days?.problems.map((p) => p.rule)).toEqual(['usage.unused']);
    expect(rows.some((r) => r.key === 'doc:days_few')).toBe(false);
  });
  it('filters gaps, namespace and text', () => {
    expect(filterRows(rows, { namespace: '', gapsOnly: false, search: 'справ' }).map((r) => r.key)).toEqual(['doc:title']);
    expect(filterRows(rows, { namespace: 'other', gapsOnly: false, search: '' })).toEqual([]);
    expect(filterRows(rows, { namespace: 'doc', gapsOnly: true, search: '' }).map((r) => r.key)).toContain('doc:only');
  });
});

describe('formatReport', () => {
  it('groups findings by file, then key, and explains the rules it used', () => {
    const report = checkRepository({ root: path.join(repo, 'test/fixtures/i18n/placeholders/fail'), fonts: path.join(repo, 'fonts') }, []);
    const text = formatReport(report);
    expect(text.split('\n').slice(0, 1)[0]).toMatch(/^i18n check: 2 errors, 2 warnings \(1 namespaces; keys kk 2, ru 2; 5 fonts\)$/);
    expect(text).toContain(
      [
        'locales/{kk,ru}/common.json',
        '  common:hello',
        '    error   placeholders.mismatch  only in kk: {{name}}; only in ru: {{user}}',
      ].join('\n'),
    );
    expect(text).toContain('  placeholders.mismatch  the {{placeholders}} differ between kk and ru');
  });
});
