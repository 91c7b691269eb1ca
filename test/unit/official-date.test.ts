import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDateInAlmaty,
  formatOfficialDate,
  isoDateTimeInAlmaty,
  parseCalendarDate,
  toIsoDate,
} from '../../src/domain/index.js';

const KK_NOMINATIVE = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const KK_ATTRIBUTIVE = ['қаңтардағы', 'ақпандағы', 'наурыздағы', 'сәуірдегі', 'мамырдағы', 'маусымдағы', 'шілдедегі', 'тамыздағы', 'қыркүйектегі', 'қазандағы', 'қарашадағы', 'желтоқсандағы'];
const RU_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

// Latin look-alikes that must never appear inside a Kazakh or Russian word.
const LATIN = /[A-Za-z\u0259\u0131]/u;

describe('official dates', () => {
  it.each(KK_NOMINATIVE.map((month, i) => [i + 1, month] as const))('writes month %i in Kazakh as «… %s»', (month, name) => {
    expect(formatOfficialDate({ year: 2026, month, day: 22 }, 'kk')).toBe(`2026 жылғы 22 ${name}`);
    expect(formatOfficialDate({ year: 2026, month, day: 22 }, 'kk', 'nominative')).toBe(`2026 жылғы 22 ${name}`);
  });

  it.each(KK_ATTRIBUTIVE.map((month, i) => [i + 1, month] as const))('writes month %i in the Kazakh attributive form «… %s»', (month, name) => {
    expect(formatOfficialDate({ year: 2003, month, day: 7 }, 'kk', 'attributive')).toBe(`2003 жылғы 7 ${name}`);
  });

  it.each(RU_GENITIVE.map((month, i) => [i + 1, month] as const))('writes month %i in Russian with the genitive «%s»', (month, name) => {
    expect(formatOfficialDate({ year: 2026, month, day: 1 }, 'ru')).toBe(`1 ${name} 2026 года`);
    // Russian has one form before a noun and alone.
    expect(formatOfficialDate({ year: 2026, month, day: 1 }, 'ru', 'attributive')).toBe(`1 ${name} 2026 года`);
  });

  it('writes the equivalence clause date of the Law No. 370-II as the locales do', () => {
    expect(formatOfficialDate({ year: 2003, month: 1, day: 7 }, 'kk', 'attributive')).toBe('2003 жылғы 7 қаңтардағы');
    expect(formatOfficialDate({ year: 2003, month: 1, day: 7 }, 'ru')).toBe('7 января 2003 года');
  });

  it('uses only Cyrillic letters in month names', () => {
    for (let month = 1; month <= 12; month++) {
      for (const text of [
        formatOfficialDate({ year: 2026, month, day: 1 }, 'kk'),
        formatOfficialDate({ year: 2026, month, day: 1 }, 'kk', 'attributive'),
        formatOfficialDate({ year: 2026, month, day: 1 }, 'ru'),
      ]) {
        expect(text).not.toMatch(LATIN);
      }
    }
  });

  it('reads YYYY-MM-DD and refuses days that do not exist', () => {
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '26-04-01', '2026-4-1', '2026-04-01T00:00', '']) {
      expect(parseCalendarDate(bad), bad).toBeNull();
    }
    expect(toIsoDate({ year: 2026, month: 3, day: 2 })).toBe('2026-03-02');
    expect(toIsoDate(addDays({ year: 2024, month: 2, day: 28 }, 2))).toBe('2024-03-01');
    expect(toIsoDate(addDays({ year: 2026, month: 1, day: 1 }, -1))).toBe('2025-12-31');
  });
});

describe('Asia/Almaty', () => {
  it('was UTC+6 before 1 March 2024', () => {
    const instant = new Date('2024-02-29T17:59:59Z');
    expect(isoDateTimeInAlmaty(instant)).toBe('2024-02-29T23:59:59+06:00');
    expect(calendarDateInAlmaty(instant)).toEqual({ year: 2024, month: 2, day: 29 });
    // At midnight of 1 March 2024 (+06:00) the clocks went back to 23:00 of 29 February (+05:00).
    expect(isoDateTimeInAlmaty(new Date('2024-02-29T18:00:00Z'))).toBe('2024-02-29T23:00:00+05:00');
    expect(calendarDateInAlmaty(new Date('2024-02-29T18:59:59Z'))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(calendarDateInAlmaty(new Date('2024-02-29T19:00:00Z'))).toEqual({ year: 2024, month: 3, day: 1 });
    expect(isoDateTimeInAlmaty(new Date('2023-07-01T12:00:00Z'))).toBe('2023-07-01T18:00:00+06:00');
  });

  it('is UTC+5 since 1 March 2024', () => {
    expect(isoDateTimeInAlmaty(new Date('2024-03-01T00:00:00Z'))).toBe('2024-03-01T05:00:00+05:00');
    expect(isoDateTimeInAlmaty(new Date('2026-11-22T05:41:00Z'))).toBe('2026-11-22T10:41:00+05:00');
  });

  it('puts an instant on the Almaty day, not the UTC day', () => {
    // 19:30 UTC on 22 November is already 23 November in Kazakhstan.
    expect(calendarDateInAlmaty(new Date('2026-11-22T19:30:00Z'))).toEqual({ year: 2026, month: 11, day: 23 });
    expect(calendarDateInAlmaty(new Date('2026-11-22T18:59:59Z'))).toEqual({ year: 2026, month: 11, day: 22 });
    expect(isoDateTimeInAlmaty(new Date('2026-12-31T19:00:00Z'))).toBe('2027-01-01T00:00:00+05:00');
  });

  it('drops milliseconds without moving the second', () => {
    expect(isoDateTimeInAlmaty(new Date('2026-11-22T05:41:07.999Z'))).toBe('2026-11-22T10:41:07+05:00');
  });
});
