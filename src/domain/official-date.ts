/**
 * Dates in the official style of Kazakh and Russian documents, in Asia/Almaty.
 * ICU's long forms («2026 ж. 22 қараша», «22 нояб. 2026 г.») are not the official style, so the
 * month tables are written out here.
 */
import type { Language } from './language.js';

/** OFFICIAL_TIME_ZONE: since 1 March 2024 all of Kazakhstan is UTC+5; tzdata knows the change. */
export const OFFICIAL_TIME_ZONE = 'Asia/Almaty';

/** CalendarDate is a day without a time: what a regulation or a form means by «дата». */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * DateForm is the grammatical form the sentence needs:
 * - `nominative`: «2026 жылғы 22 қараша» / «22 ноября 2026 года» (a date on its own);
 * - `attributive`: «2026 жылғы 22 қарашадағы» / «22 ноября 2026 года» (before a noun: «…қарашадағы N 370-II Заңы»).
 */
export type DateForm = 'nominative' | 'attributive';

const KK_MONTHS = [
  'қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым',
  'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан',
] as const;

// Locative + «-ғы/-гі» by vowel harmony and the final sound: -дағы after a vowel or voiced
// consonant in a back-vowel word, -дегі in a front-vowel word, -тегі after the voiceless «к».
const KK_MONTHS_ATTRIBUTIVE = [
  'қаңтардағы', 'ақпандағы', 'наурыздағы', 'сәуірдегі', 'мамырдағы', 'маусымдағы',
  'шілдедегі', 'тамыздағы', 'қыркүйектегі', 'қазандағы', 'қарашадағы', 'желтоқсандағы',
] as const;

const RU_MONTHS_GENITIVE = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня',
  'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
] as const;

/** parseCalendarDate reads YYYY-MM-DD and rejects days that do not exist (2026-02-30). */
export function parseCalendarDate(value: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

/** toIsoDate writes a CalendarDate as YYYY-MM-DD. */
export function toIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

const almatyParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICIAL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsInAlmaty(instant: Date): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of almatyParts.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** calendarDateInAlmaty is the day an instant falls on in Kazakhstan. */
export function calendarDateInAlmaty(instant: Date): CalendarDate {
  const parts = partsInAlmaty(instant);
  return { year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0 };
}

/** isoDateTimeInAlmaty writes an instant as ISO 8601 with the Almaty offset: 2026-11-22T10:41:00+05:00. */
export function isoDateTimeInAlmaty(instant: Date): string {
  const p = partsInAlmaty(instant);
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  const offsetMinutes = Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** formatOfficialDate writes a date as an official document does, in the given language and form. */
export function formatOfficialDate(date: CalendarDate, language: Language, form: DateForm = 'nominative'): string {
  const index = date.month - 1;
  if (language === 'kk') {
    const month = form === 'attributive' ? KK_MONTHS_ATTRIBUTIVE[index] : KK_MONTHS[index];
    return `${date.year} жылғы ${date.day} ${month}`;
  }
  return `${date.day} ${RU_MONTHS_GENITIVE[index]} ${date.year} года`;
}

/** addDays moves a calendar date by whole days (negative moves back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}
