/**
 * The printable repertoire against the shipped fonts' cmap tables, and the one text rule that
 * every free-text field of the forms and documents uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstUnprintable, isPrintable, PRINTABLE_RANGES, text, validateInput, InvalidInputError } from '../../../src/domain/index.js';
import { mappedCodePoints } from '../../helpers/font-cmap.js';
import { KAZAKH_LETTERS, ROOT } from '../../helpers/project.js';

const FONT_FILES = fs.readdirSync(path.join(ROOT, 'fonts')).filter((f) => f.endsWith('.ttf')).sort();

function* everyPrintable(): Generator<number> {
  for (const [first, last] of PRINTABLE_RANGES) for (let c = first; c <= last; c++) yield c;
}

describe('PRINTABLE_RANGES', () => {
  it('are the five shipped fonts', () => {
    expect(FONT_FILES).toEqual([
      'LiberationSans-Bold.ttf',
      'LiberationSans-Regular.ttf',
      'LiberationSerif-Bold.ttf',
      'LiberationSerif-Italic.ttf',
      'LiberationSerif-Regular.ttf',
    ]);
  });

  it.each(FONT_FILES)('has a glyph in %s for every code point', (file) => {
    const mapped = mappedCodePoints(path.join(ROOT, 'fonts', file));
    expect(mapped.size).toBeGreaterThan(2000);
    const missing = [...everyPrintable()].filter((c) => !mapped.has(c)).map((c) => c.toString(16));
    expect(missing).toEqual([]);
  });

  it('are ordered and disjoint, and hold nothing that prints nothing or turns the line', () => {
    for (let i = 1; i < PRINTABLE_RANGES.length; i++) {
      expect(PRINTABLE_RANGES[i]![0]).toBeGreaterThan(PRINTABLE_RANGES[i - 1]![1]);
    }
    const invisible = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{M}\p{Zl}\p{Zp}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u;
    const offending = [...everyPrintable()].filter((c) => invisible.test(String.fromCodePoint(c))).map((c) => c.toString(16));
    expect(offending).toEqual([]);
  });

  it('hold Russian, Kazakh and the usual punctuation, and not U+FFFD, bidi controls or the tenge sign', () => {
    for (const c of [...'АаЯяЁё', ...KAZAKH_LETTERS, ...'«»„“”–—№…’ʼ§°']) expect(isPrintable(c.codePointAt(0)!), c).toBe(true);
    for (const c of [0x00, 0x09, 0x0a, 0x7f, 0xad, 0x200b, 0x200d, 0x200e, 0x202e, 0x2066, 0xfeff, 0xfffd, 0xfffe, 0xe000, 0x20b8, 0x1f600, 0x05d0, 0x0627]) {
      expect(isPrintable(c), c.toString(16)).toBe(false);
    }
  });
});

describe('firstUnprintable', () => {
  it('finds lone surrogates, controls, line breaks and emoji', () => {
    expect(firstUnprintable('Әлібек Қасымұлы')).toBeNull();
    expect(firstUnprintable('Ә\ud800Ә')).toBe(0xd800);
    expect(firstUnprintable('Ә\udc00')).toBe(0xdc00);
    expect(firstUnprintable('😀')).toBe(0x1f600);
    expect(firstUnprintable('бір\nекі')).toBe(0x0a);
  });
});

describe('text()', () => {
  const issuesOf = (value: string) => {
    try {
      validateInput(text(), value);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      return (error as InstanceType<typeof InvalidInputError>).params.details;
    }
  };

  it('refuses an unprintable character and names it', () => {
    for (const [value, label] of [
      ['\u0000Нөл', 'U+0000'],
      ['Ә\ud800Ә', 'U+D800'],
      ['Ә\ufffdӘ', 'U+FFFD'],
      ['\u202eБайланыс', 'U+202E'],
      ['Иван\u200dов', 'U+200D'],
      ['مرحبا', 'U+0645'],
      ['100 ₸', 'U+20B8'],
      ['Бір\tекі', 'U+0009'],
    ] as const) {
      expect(issuesOf(value), value).toEqual([{ path: '', rule: 'UNPRINTABLE_CHARACTER', params: { character: label } }]);
    }
  });

  it('composes to NFC first, so a name typed with a combining mark passes as one letter', () => {
    expect(validateInput(text(), 'Сергеи\u0306')).toBe('Сергей');
    expect(issuesOf('Ә\u0301')).toEqual([{ path: '', rule: 'UNPRINTABLE_CHARACTER', params: { character: 'U+0301' } }]);
  });
});
