/** Every rule of the i18n check: a fixture tree that fails it and one that passes it (test/fixtures/i18n/<rule>/{fail,pass}). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRepository, type CheckReport, type CodeList, type RuleId } from '../../../src/i18n/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const fixtures = path.join(repo, 'test/fixtures/i18n');
const codeLists: CodeList[] = [{ name: 'TEST_CODES', keys: ['errors:CODE_LISTED'] }];

function check(name: string, variant: 'fail' | 'pass'): CheckReport {
  return checkRepository({ root: path.join(fixtures, name, variant), fonts: path.join(repo, 'fonts') }, codeLists);
}

const of = (report: CheckReport, rule: RuleId) => report.findings.filter((f) => f.rule === rule);
const keysOf = (report: CheckReport, rule: RuleId) => of(report, rule).map((f) => `${f.language ?? '*'} ${f.key}`).sort();

describe('keys.missing', () => {
  it('flags keys present in one language only, per namespace, including a namespace file missing on one side', () => {
    const report = check('keys', 'fail');
    expect(keysOf(report, 'keys.missing')).toEqual(['kk verify:title', 'ru common:b.c']);
    expect(of(report, 'keys.missing').find((f) => f.key === 'common:b.c')?.file).toBe('locales/ru/common.json');
    expect(report.ok).toBe(false);
  });
  it('passes when both languages have the same keys', () => {
    expect(of(check('keys', 'pass'), 'keys.missing')).toEqual([]);
  });
});

describe('keys.not-text', () => {
  it('flags numbers, arrays and null', () => {
    expect(keysOf(check('not-text', 'fail'), 'keys.not-text')).toEqual(['kk common:count', 'kk common:list', 'ru common:list']);
  });
  it('passes texts and groups', () => {
    expect(of(check('not-text', 'pass'), 'keys.not-text')).toEqual([]);
  });
});

describe('usage.undefined and usage.unused', () => {
  it('finds keys used in templates, code, defineError and prefixes that the locales lack (even in a namespace without a file), and keys used nowhere', () => {
    const report = check('usage', 'fail');
    expect(keysOf(report, 'usage.undefined')).toEqual([
      'kk errors:CODE_LISTED',
      'kk errors:LETTER_MISSING',
      'kk letters:kinds.*',
      'kk letters:outcomes.*',
      'kk letters:title',
      'kk notices:title',
      'kk workflow:notice',
      'ru errors:CODE_LISTED',
      'ru errors:LETTER_MISSING',
      'ru letters:kinds.*',
      'ru letters:outcomes.*',
      'ru letters:title',
      'ru notices:title',
      'ru workflow:notice',
    ]);
    const title = of(report, 'usage.undefined').find((f) => f.key === 'letters:title');
    expect(title?.where).toEqual(['templates/documents/letter.hbs:1']);
    expect(keysOf(report, 'usage.unused')).toEqual(['* errors:OTHER', '* letters:forgotten']);
    expect(of(report, 'usage.unused')[0]?.severity).toBe('warning');
  });
  it('counts literal keys, partial parameters, concat prefixes, template-literal prefixes, I18N_DYNAMIC_PREFIXES, code lists and $t nesting as uses', () => {
    const report = check('usage', 'pass');
    expect(of(report, 'usage.undefined')).toEqual([]);
    expect(of(report, 'usage.unused')).toEqual([]);
  });
});

describe('placeholders.mismatch', () => {
  it('flags placeholders that differ between kk and ru', () => {
    const found = of(check('placeholders', 'fail'), 'placeholders.mismatch');
    expect(found.map((f) => f.key).sort()).toEqual(['common:hello', 'common:limit']);
    expect(found.find((f) => f.key === 'common:hello')?.message).toBe('only in kk: {{name}}; only in ru: {{user}}');
  });
  it('ignores order and formats', () => {
    expect(of(check('placeholders', 'pass'), 'placeholders.mismatch')).toEqual([]);
  });
});

describe('plurals', () => {
  it('requires kk one/other and ru one/few/many/other, and warns about forms a language never uses', () => {
    const report = check('plurals', 'fail');
    const incomplete = of(report, 'plurals.incomplete');
    expect(incomplete.map((f) => `${f.language} ${f.message}`).sort()).toEqual([
      'kk kk needs the forms _one, _other; missing _other',
      'ru ru needs the forms _few, _many, _one, _other; missing _few, _many',
    ]);
    expect(keysOf(report, 'plurals.unexpected')).toEqual(['kk common:days']);
    expect(keysOf(report, 'keys.missing')).toEqual([]);
  });
  it('passes complete forms (and compares plural groups, not form keys, between languages)', () => {
    const report = check('plurals', 'pass');
    expect(report.findings.filter((f) => f.rule.startsWith('plurals.') || f.rule === 'keys.missing')).toEqual([]);
  });
});

describe('script', () => {
  it('rejects Latin look-alikes inside Cyrillic words, a Latin schwa, and a Cyrillic letter inside a Latin word', () => {
    const report = check('script', 'fail');
    const mixed = of(report, 'script.mixed').map((f) => f.message).sort();
    expect(mixed).toEqual([
      'Cyrillic word «Мемлекеттiк» contains i (Latin U+0069)',
      'Cyrillic word «әкiмдiгi» contains i (Latin U+0069)',
      'Latin word «gоv» contains о (Cyrillic U+043E)',
    ]);
    expect(keysOf(report, 'script.latin-schwa')).toEqual(['kk common:schwa']);
  });
  it('allows standalone Latin tokens: N 370-II, e-gov, QR-код, Qujat, URLs', () => {
    const report = check('script', 'pass');
    expect(report.findings.filter((f) => f.rule.startsWith('script.'))).toEqual([]);
  });
});

describe('fonts.missing-glyph', () => {
  it('flags characters absent from the shipped fonts, naming the fonts', () => {
    const found = of(check('fonts', 'fail'), 'fonts.missing-glyph');
    expect(found.map((f) => f.key).sort()).toEqual(['common:sign', 'common:snow']);
    expect(found.find((f) => f.key === 'common:snow')?.message).toMatch(/^«☃» \(U\+2603\) is not in LiberationSans-Bold\.ttf, .*LiberationSerif-Regular\.ttf$/);
  });
  it('passes every Kazakh and Russian letter and the typographic signs', () => {
    expect(of(check('fonts', 'pass'), 'fonts.missing-glyph')).toEqual([]);
  });
});

describe('text.empty', () => {
  it('flags empty and blank texts', () => {
    expect(keysOf(check('empty', 'fail'), 'text.empty')).toEqual(['kk common:a', 'ru common:b']);
  });
  it('passes texts', () => {
    expect(of(check('empty', 'pass'), 'text.empty')).toEqual([]);
  });
});

describe('text.identical', () => {
  it('flags texts that are the same in kk and ru, except texts without letters', () => {
    expect(keysOf(check('identical', 'fail'), 'text.identical')).toEqual(['* common:abbr', '* common:brand', '* common:standard']);
  });
  it('passes what the allow-list names by key or by text', () => {
    expect(of(check('identical', 'pass'), 'text.identical')).toEqual([]);
  });
});

describe('glossary', () => {
  it('flags non-approved Kazakh variants (error) and a missing approved term (warning), through inflection', () => {
    const report = check('glossary', 'fail');
    expect(of(report, 'glossary.variant').map((f) => f.key).sort()).toEqual(['common:accepted', 'common:provider']);
    expect(of(report, 'glossary.variant').every((f) => f.severity === 'error' && f.file === 'locales/kk/common.json')).toBe(true);
    expect(keysOf(report, 'glossary.missing')).toEqual(['kk common:center', 'kk common:issued']);
    expect(of(report, 'glossary.missing')[0]?.severity).toBe('warning');
  });
  it('passes approved terms in inflected forms, abbreviations with suffixes, and leaves «заявитель» alone', () => {
    const report = check('glossary', 'pass');
    expect(report.findings.filter((f) => f.rule.startsWith('glossary.'))).toEqual([]);
  });
});
