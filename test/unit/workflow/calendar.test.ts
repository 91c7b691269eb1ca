import { describe, expect, it } from 'vitest';
import { parseCalendarDate, toIsoDate, type CalendarDate } from '../../../src/domain/index.js';
import { createKzCalendar, KZ_DAY_TRANSFERS, startOfDayInAlmaty } from '../../../src/workflow/index.js';

const calendar = createKzCalendar();
const day = (iso: string): CalendarDate => parseCalendarDate(iso) ?? (() => { throw new Error(iso); })();

describe('the Kazakhstan working-day calendar', () => {
  it.each([
    ['2026-03-20', true, 'Friday before Nauryz'],
    ['2026-03-21', false, 'Nauryz, Saturday'],
    ['2026-03-23', false, 'Nauryz, Monday'],
    ['2026-03-24', false, 'substitute day for Nauryz falling on the weekend'],
    ['2026-03-25', true, 'first working day after Nauryz'],
    ['2025-03-21', false, 'Nauryz 2025, Friday'],
    ['2025-03-24', false, 'substitute day 2025'],
    ['2025-03-25', false, 'substitute day 2025'],
    ['2025-03-26', true, 'after Nauryz 2025'],
    ['2025-12-16', false, 'Independence Day, Tuesday'],
    ['2025-12-17', true, 'the day after Independence Day'],
    ['2026-12-16', false, 'Independence Day 2026'],
    ['2025-01-03', false, 'rest day transferred from Sunday 5 January 2025'],
    ['2025-01-05', true, 'Sunday made a working day by the transfer'],
    ['2025-01-07', false, 'Orthodox Christmas'],
    ['2026-05-27', false, 'Kurban Ait 2026'],
    ['2026-11-21', false, 'an ordinary Saturday'],
    ['2026-11-23', true, 'an ordinary Monday'],
  ])('%s is a working day: %s (%s)', (iso, working) => {
    expect(calendar.isWorkingDay(day(iso))).toBe(working);
  });

  it('counts working days across the Nauryz week, the receipt day not counted', () => {
    expect(toIsoDate(calendar.addWorkingDays(day('2026-03-19'), 1))).toBe('2026-03-20');
    expect(toIsoDate(calendar.addWorkingDays(day('2026-03-19'), 2))).toBe('2026-03-25');
    expect(toIsoDate(calendar.addWorkingDays(day('2026-03-20'), 3))).toBe('2026-03-27');
  });

  it('counts the receipt day when told to, and only if it is a working day', () => {
    expect(toIsoDate(calendar.addWorkingDays(day('2026-03-20'), 1, { countStartDay: true }))).toBe('2026-03-20');
    expect(toIsoDate(calendar.addWorkingDays(day('2026-03-21'), 1, { countStartDay: true }))).toBe('2026-03-25');
  });

  it('skips 16 December and counts the transferred working Sunday', () => {
    expect(toIsoDate(calendar.addWorkingDays(day('2025-12-15'), 2))).toBe('2025-12-18');
    // 31 Dec 2024 → 1–2 Jan holidays, 3 Jan transferred rest day, 4 Jan Saturday, 5 Jan working Sunday.
    expect(toIsoDate(calendar.addWorkingDays(day('2024-12-31'), 1))).toBe('2025-01-05');
  });

  it('turns durations into due instants at the end of the Almaty day', () => {
    const from = new Date('2026-03-19T05:00:00Z');
    expect(calendar.dueAt({ minutes: 30 }, from)).toEqual(new Date('2026-03-19T05:30:00Z'));
    expect(calendar.dueAt({ workingDays: 3 }, from)).toEqual(new Date('2026-03-26T19:00:00Z'));
    expect(calendar.dueAt({ workingDays: 3, countReceiptDay: true }, from)).toEqual(new Date('2026-03-25T19:00:00Z'));
    expect(calendar.dueAt({ workingDays: 3, countIssueDay: false }, from)).toEqual(new Date('2026-03-27T19:00:00Z'));
    expect(calendar.dueAt({ calendarDays: 5 }, from)).toEqual(new Date('2026-03-24T19:00:00Z'));
  });

  it('knows Almaty was UTC+6 before March 2024 and UTC+5 since', () => {
    expect(startOfDayInAlmaty(day('2024-01-10'))).toEqual(new Date('2024-01-09T18:00:00Z'));
    expect(startOfDayInAlmaty(day('2026-03-25'))).toEqual(new Date('2026-03-24T19:00:00Z'));
  });

  it('takes the transfer table as a parameter, and every transfer moves rest onto a weekday', () => {
    const without = createKzCalendar({});
    expect(without.isWorkingDay(day('2025-01-03'))).toBe(true);
    expect(without.isWorkingDay(day('2025-01-05'))).toBe(false);
    for (const transfer of Object.values(KZ_DAY_TRANSFERS).flat()) {
      const rest = new Date(`${transfer.restDay}T00:00:00Z`).getUTCDay();
      const work = new Date(`${transfer.workingDay}T00:00:00Z`).getUTCDay();
      expect([1, 2, 3, 4, 5]).toContain(rest);
      expect([0, 6]).toContain(work);
      expect(transfer.source).not.toBe('');
    }
  });
});
