/**
 * The content blocks of a document's signed XML: its data flattened to named values in one
 * language. Names are dotted paths into the data; a text given in both languages contributes
 * the one of the block's language, and calendar dates are written in the official style.
 */
import { formatOfficialDate, parseCalendarDate, type Language } from '../domain/index.js';

/** ContentField is one value of a content block. */
export interface ContentField {
  readonly name: string;
  readonly value: string;
}

function isLocalizedText(value: object): value is { kk: string; ru: string } {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as { kk?: unknown }).kk === 'string' && typeof (value as { ru?: unknown }).ru === 'string';
}

/** contentFields flattens validated document data into the fields of one language's block. */
export function contentFields(data: unknown, language: Language, prefix = ''): ContentField[] {
  if (data === null || data === undefined) return [];
  if (typeof data === 'string') {
    const date = parseCalendarDate(data);
    return [{ name: prefix, value: date ? formatOfficialDate(date, language) : data }];
  }
  if (typeof data === 'number' || typeof data === 'boolean') return [{ name: prefix, value: String(data) }];
  if (Array.isArray(data)) return data.flatMap((item, i) => contentFields(item, language, `${prefix}.${i + 1}`));
  if (typeof data === 'object') {
    if (isLocalizedText(data)) return [{ name: prefix, value: data[language] }];
    return Object.entries(data).flatMap(([key, value]) => contentFields(value, language, prefix ? `${prefix}.${key}` : key));
  }
  return [];
}
