/**
 * The Kazakhstan working-day calendar: Saturdays and Sundays off, public holidays and their
 * substitute days from date-holidays ('KZ'), and the government's day transfers from
 * kz-transfers.ts. Days are Almaty calendar days. Pure: the holiday data ship with the package.
 */
import Holidays from 'date-holidays';
import {
  addDays,
  calendarDateInAlmaty,
  isoDateTimeInAlmaty,
  toIsoDate,
  type CalendarDate,
  type Duration,
} from '../domain/index.js';
import { KZ_DAY_TRANSFERS, type DayTransfer } from './kz-transfers.js';

/** WorkingCalendar answers working-day questions and turns a Duration into a due instant. */
export interface WorkingCalendar {
  isWorkingDay(date: CalendarDate): boolean;
  /**
   * addWorkingDays returns the n-th working day counted from `start`: `start` itself is day 1 when
   * `countStartDay` is set and it is a working day; otherwise counting begins the next day.
   */
  addWorkingDays(start: CalendarDate, n: number, options?: { countStartDay?: boolean }): CalendarDate;
  /** dueAt: the instant a step started at `from` is due (the end of the last day for day norms). */
  dueAt(duration: Duration, from: Date): Date;
}

const MINUTE_MS = 60_000;

/** startOfDayInAlmaty is the instant an Almaty calendar day begins (UTC+6 before March 2024, UTC+5 since). */
export function startOfDayInAlmaty(date: CalendarDate): Date {
  const noonUtc = new Date(Date.UTC(date.year, date.month - 1, date.day, 12));
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(isoDateTimeInAlmaty(noonUtc));
  const sign = offset?.[1] === '-' ? -1 : 1;
  const offsetMinutes = sign * (Number(offset?.[2] ?? 0) * 60 + Number(offset?.[3] ?? 0));
  return new Date(Date.UTC(date.year, date.month - 1, date.day) - offsetMinutes * MINUTE_MS);
}

/** endOfDayInAlmaty is the first instant after the day: a deadline "by the end of" that day. */
export function endOfDayInAlmaty(date: CalendarDate): Date {
  return startOfDayInAlmaty(addDays(date, 1));
}

function dayOfWeek(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** createKzCalendar builds the calendar; `transfers` defaults to the published table. */
export function createKzCalendar(
  transfers: Readonly<Record<number, readonly DayTransfer[]>> = KZ_DAY_TRANSFERS,
): WorkingCalendar {
  const holidays = new Holidays('KZ');
  const restDaysByYear = new Map<number, ReadonlySet<string>>();
  const extraWorkingDays = new Set(Object.values(transfers).flat().map((t) => t.workingDay));

  const restDays = (year: number): ReadonlySet<string> => {
    let days = restDaysByYear.get(year);
    if (!days) {
      const fromPackage = (holidays.getHolidays(year) || [])
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10));
      const transferred = (transfers[year] ?? []).map((t) => t.restDay);
      days = new Set([...fromPackage, ...transferred]);
      restDaysByYear.set(year, days);
    }
    return days;
  };

  const isWorkingDay = (date: CalendarDate): boolean => {
    const iso = toIsoDate(date);
    if (extraWorkingDays.has(iso)) return true;
    const weekday = dayOfWeek(date);
    if (weekday === 0 || weekday === 6) return false;
    return !restDays(date.year).has(iso);
  };

  const addWorkingDays: WorkingCalendar['addWorkingDays'] = (start, n, options = {}) => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    let counted = options.countStartDay && isWorkingDay(start) ? 1 : 0;
    let day = start;
    while (counted < n) {
      day = addDays(day, 1);
      if (isWorkingDay(day)) counted += 1;
    }
    return day;
  };

  return {
    isWorkingDay,
    addWorkingDays,
    dueAt(duration, from) {
      if ('minutes' in duration) return new Date(from.getTime() + duration.minutes * MINUTE_MS);
      const startDay = calendarDateInAlmaty(from);
      if ('calendarDays' in duration) return endOfDayInAlmaty(addDays(startDay, duration.calendarDays));
      const days = duration.workingDays + (duration.countIssueDay === false ? 1 : 0);
      return endOfDayInAlmaty(addWorkingDays(startDay, days, { countStartDay: duration.countReceiptDay === true }));
    },
  };
}
