/** Schemas of the people named on documents: applicants, parents, children. */
import { z } from 'zod';
import { calendarDateSchema, iinSchema, SEXES, text } from '../../domain/index.js';

/** personSchema: a person identified by IIN, with the full name as in the person registry. */
export const personSchema = z.strictObject({ iin: iinSchema, fullName: text() });

/** sexSchema: needed wherever a Russian word agrees with the person («поставлен / поставлена»). */
export const sexSchema = z.enum(SEXES);

/** childSchema: a child named on a preschool or disability document. */
export const childSchema = z.strictObject({
  iin: iinSchema,
  fullName: text(),
  birthDate: calendarDateSchema,
});

const TENGE_DIGITS = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true });

/** formatTenge writes an amount as official documents do in both languages: «45 000,00». */
export function formatTenge(amount: number): string {
  // ru-RU groups with a no-break space (U+00A0), which the fonts have and which never breaks a number.
  return TENGE_DIGITS.format(amount);
}
