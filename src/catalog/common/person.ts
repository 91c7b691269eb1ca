/** Form pieces about people: the applicant's contacts, a child with IIN and birth date, age rules. */
import { z } from 'zod';
import {
  calendarDateSchema,
  iinSchema,
  parseCalendarDate,
  text,
  type CalendarDate,
  type InputIssue,
} from '../../domain/index.js';

const rule = (code: 'IIN_BIRTH_DATE_MISMATCH') => ({ params: { rule: code } });

/** birthDateFromIin reads YYMMDD and the century digit (1–2: 1800s, 3–4: 1900s, 5–6: 2000s). */
export function birthDateFromIin(iin: string): string | null {
  const century = { '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000 }[iin[6] ?? ''];
  if (century === undefined) return null;
  const iso = `${century + Number(iin.slice(0, 2))}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
  return parseCalendarDate(iso) ? iso : null;
}

/** phoneSchema: a Kazakhstan number written +7 and ten digits. */
export const phoneSchema = z.string().regex(/^\+7\d{10}$/);

/** contactsSchema: how the provider reaches the applicant; both optional. */
export const contactsSchema = {
  phone: phoneSchema.optional(),
  email: z.email().max(254).optional(),
};

/** childSchema: a child named in an application; the birth date must be the one the IIN encodes. */
export const childSchema = z
  .strictObject({ iin: iinSchema, fullName: text(), birthDate: calendarDateSchema })
  .refine((child) => birthDateFromIin(child.iin) === null || birthDateFromIin(child.iin) === child.birthDate, {
    ...rule('IIN_BIRTH_DATE_MISMATCH'),
    path: ['birthDate'],
  });

/** ageOn: full years of age on a day, for a birth date written YYYY-MM-DD. */
export function ageOn(birthDate: string, on: CalendarDate): number {
  const birth = parseCalendarDate(birthDate);
  if (!birth) return Number.NaN;
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
}

/** ageIssue: an AGE_OUT_OF_RANGE issue when the age is outside [minimum, maximum). */
export function ageIssue(path: string, birthDate: string, today: CalendarDate, minimum: number, maximum: number): InputIssue[] {
  const age = ageOn(birthDate, today);
  if (age >= minimum && age < maximum) return [];
  return [{ path, rule: 'AGE_OUT_OF_RANGE', params: { minimum, maximum } }];
}

/** futureIssue: a DATE_IN_FUTURE issue when a date is after today. */
export function futureIssue(path: string, date: string, today: CalendarDate): InputIssue[] {
  const day = parseCalendarDate(date);
  if (!day) return [];
  const after = day.year * 10_000 + day.month * 100 + day.day > today.year * 10_000 + today.month * 100 + today.day;
  return after ? [{ path, rule: 'DATE_IN_FUTURE', params: {} }] : [];
}
