/**
 * The translators' preview translator: where the strict Translator would throw, it returns the
 * key between marks, and it marks texts that are the same in kk and ru, so that the preview can
 * highlight both. Used only by the /i18n preview; official documents use createTranslator.
 */
import type { Language } from '../domain/index.js';
import { createTranslator, MissingTranslationError, type LocaleResources, type Translator } from './i18n.js';

/** PREVIEW_MARKS are private-use characters around a missing key or an identical text; the preview turns them into <mark>. */
export const PREVIEW_MARKS = {
  missingOpen: '\uE000',
  missingClose: '\uE001',
  identicalOpen: '\uE002',
  identicalClose: '\uE003',
} as const;

/** createMarkingTranslator answers every key: the text, the marked text when kk = ru, or the marked key when absent. */
export function createMarkingTranslator(resources: LocaleResources): Translator {
  const strict = createTranslator(resources);
  const other = (language: Language): Language => (language === 'kk' ? 'ru' : 'kk');
  const tryT = (language: Language, key: string, params?: Parameters<Translator['t']>[2]) => {
    try {
      return strict.t(language, key, params);
    } catch (error) {
      if (error instanceof MissingTranslationError) return null;
      throw error;
    }
  };
  return {
    namespaces: strict.namespaces,
    has: strict.has,
    t(language, key, params) {
      const text = tryT(language, key, params);
      if (text === null) return `${PREVIEW_MARKS.missingOpen}${key}${PREVIEW_MARKS.missingClose}`;
      if (/\p{L}/u.test(text) && tryT(other(language), key, params) === text) {
        return `${PREVIEW_MARKS.identicalOpen}${text}${PREVIEW_MARKS.identicalClose}`;
      }
      return text;
    },
  };
}
