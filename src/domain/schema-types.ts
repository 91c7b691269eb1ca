/**
 * Field schemas shared by every document kind and service form, and the one way to run a
 * schema on input: validateInput turns zod issues into InputIssues with stable rule codes whose
 * kk and ru texts live in locales/<lang>/validation.json.
 */
import { z } from 'zod';
import { InvalidInputError, type InputIssue } from './errors.js';
import { isValidBin, isValidIin } from './iin.js';
import { parseCalendarDate } from './official-date.js';
import { codePointLabel, firstUnprintable } from './printable-text.js';

/** VALIDATION_RULES are the rule codes an InputIssue can carry. */
export const VALIDATION_RULES = [
  'REQUIRED',
  'WRONG_TYPE',
  'TOO_LONG',
  'TOO_SHORT',
  'INVALID_FORMAT',
  'INVALID_IIN',
  'INVALID_BIN',
  'INVALID_DATE',
  'NOT_ALLOWED_VALUE',
  'UNKNOWN_FIELD',
  'DATE_ORDER',
  'DATE_IN_FUTURE',
  'AGE_OUT_OF_RANGE',
  'IIN_BIRTH_DATE_MISMATCH',
  'UNPRINTABLE_CHARACTER',
  'DATE_OUT_OF_RANGE',
] as const;
export type ValidationRule = (typeof VALIDATION_RULES)[number];

const rule = (code: ValidationRule) => ({ params: { rule: code } });

/** MAX_TEXT is the longest single-line value a form accepts (a full name, an organisation). */
export const MAX_TEXT = 300;

/**
 * printable refuses a text with a character the documents cannot print (printable-text.ts),
 * naming the first one, so that nothing accepted at intake fails later at issuing or signing.
 */
const printable = (value: string, context: { addIssue(issue: z.core.$ZodRawIssue): void }) => {
  const codePoint = firstUnprintable(value);
  if (codePoint === null) return;
  context.addIssue({ code: 'custom', input: value, params: { rule: 'UNPRINTABLE_CHARACTER', character: codePointLabel(codePoint) } });
};

/**
 * text is the one rule of a single-line free-text field: NFC (a name typed with a combining
 * breve becomes «й»), trimmed, non-empty, of bounded length, and printable.
 */
export const text = (max = MAX_TEXT) =>
  z.string().normalize('NFC').trim().min(1).max(max).superRefine(printable);

/** iinSchema: 12 digits with a valid check digit and structure. */
export const iinSchema = z.string().refine(isValidIin, rule('INVALID_IIN'));
/** binSchema: 12 digits with a valid check digit and a legal-entity structure. */
export const binSchema = z.string().refine(isValidBin, rule('INVALID_BIN'));
/**
 * DATE_WINDOW_YEARS: how far before and after the present year a date of a form or a document
 * may lie — back to the birth of the oldest living applicant, ahead to the end of a term a
 * document can set. Counted from the clock when the date is checked, not from fixed years.
 */
export const DATE_WINDOW_YEARS = { back: 130, ahead: 20 } as const;

type Issues = { addIssue(issue: z.core.$ZodRawIssue): void };

/** plausibleYear refuses a year outside the window around the present year. */
const plausibleYear = (year: number, value: string, context: Issues) => {
  const present = new Date().getUTCFullYear();
  const from = present - DATE_WINDOW_YEARS.back;
  const to = present + DATE_WINDOW_YEARS.ahead;
  if (year >= from && year <= to) return;
  context.addIssue({ code: 'custom', input: value, params: { rule: 'DATE_OUT_OF_RANGE', from: String(from), to: String(to) } });
};

/**
 * instantSchema: an instant in ISO 8601 with its offset (as a new deadline is sent), within
 * DATE_WINDOW_YEARS of the present year like a calendar date: the year as written is judged.
 */
export const instantSchema = z.iso.datetime({ offset: true }).superRefine((value, context) => plausibleYear(Number(value.slice(0, 4)), value, context));

/** calendarDateSchema: an existing day written YYYY-MM-DD, within DATE_WINDOW_YEARS of the present year. */
export const calendarDateSchema = z
  .string()
  .refine((v) => parseCalendarDate(v) !== null, rule('INVALID_DATE'))
  .superRefine((value, context) => {
    const day = parseCalendarDate(value);
    if (day) plausibleYear(day.year, value, context);
  });
/** localizedTextSchema: a proper name or free text given in both languages. */
export const localizedTextSchema = (max = MAX_TEXT) => z.strictObject({ kk: text(max), ru: text(max) });

/** periodSchema: from ≤ to, both calendar dates. */
export const periodSchema = z
  .strictObject({ from: calendarDateSchema, to: calendarDateSchema })
  .refine((p) => p.from <= p.to, { ...rule('DATE_ORDER'), path: ['to'] });

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function toInputIssues(issue: z.core.$ZodIssue, input: unknown): InputIssue[] {
  const path = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'invalid_type':
      return [{ path, rule: valueAt(input, issue.path) === undefined ? 'REQUIRED' : 'WRONG_TYPE', params: { expected: issue.expected } }];
    case 'too_big':
      return [{ path, rule: 'TOO_LONG', params: { maximum: Number(issue.maximum) } }];
    case 'too_small':
      return [{ path, rule: issue.origin === 'string' && issue.minimum === 1 ? 'REQUIRED' : 'TOO_SHORT', params: { minimum: Number(issue.minimum) } }];
    case 'invalid_format':
      return [{ path, rule: 'INVALID_FORMAT', params: { format: issue.format } }];
    case 'invalid_value':
      // zod 4 reports a missing enum or literal as invalid_value, not invalid_type.
      return [{ path, rule: valueAt(input, issue.path) === undefined ? 'REQUIRED' : 'NOT_ALLOWED_VALUE', params: { allowed: issue.values.map(String).join(', ') } }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, rule: 'UNKNOWN_FIELD', params: {} }));
    case 'invalid_union':
      return [{ path, rule: 'NOT_ALLOWED_VALUE', params: {} }];
    case 'custom': {
      const { rule: code = 'INVALID_FORMAT', ...params } = (issue.params ?? {}) as { rule?: ValidationRule; [name: string]: unknown };
      const texts = Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      return [{ path, rule: code, params: texts }];
    }
    default:
      return [{ path, rule: 'INVALID_FORMAT', params: {} }];
  }
}

/** validateInput parses input with a schema, or throws InvalidInputError listing every issue. */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError({ details: result.error.issues.flatMap((issue) => toInputIssues(issue, input)) });
}
