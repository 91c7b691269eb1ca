/**
 * i18n: i18next over locales/<lang>/<namespace>.json. A missing key is an error, never a silent
 * fallback to the other language: official documents print exactly what the locale holds.
 * Imports only domain/.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18next } from 'i18next';
import { defineError, LANGUAGES, type Language } from '../domain/index.js';

/** MissingTranslationError: a key has no text in a language; the document is not printed. */
export const MissingTranslationError = defineError<{ key: string; language: Language }>('MISSING_TRANSLATION', 'internal');

/** TranslationParams are interpolated into `{{name}}` placeholders; `count` selects a plural form. */
export type TranslationParams = Readonly<Record<string, string | number>>;

/** Translator answers texts in one of the two languages, strictly. */
export interface Translator {
  /** t returns the text of `namespace:dotted.key`, or throws MissingTranslationError. */
  t(language: Language, key: string, params?: TranslationParams): string;
  /** has tells whether a key has a non-empty text in a language. */
  has(language: Language, key: string): boolean;
  /** namespaces lists the locale files loaded (common, errors, documents, …). */
  readonly namespaces: readonly string[];
}

const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** LocaleResources are the parsed locale files: language → namespace → nested texts. */
export type LocaleResources = Record<Language, Record<string, Record<string, unknown>>>;

/** readLocales loads every locales/<lang>/*.json file. */
export function readLocales(localesDir: string): LocaleResources {
  const resources = {} as LocaleResources;
  for (const language of LANGUAGES) {
    const dir = path.join(localesDir, language);
    resources[language] = {};
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      resources[language][path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    }
  }
  return resources;
}

/** createTranslator builds a strict Translator over already-read locale resources. */
export function createTranslator(resources: LocaleResources): Translator {
  const namespaces = [...new Set(LANGUAGES.flatMap((l) => Object.keys(resources[l])))].sort();
  const instance: I18next = i18next.createInstance();
  void instance.init({
    initAsync: false,
    showSupportNotice: false,
    resources,
    ns: namespaces,
    defaultNS: 'common',
    lng: 'kk',
    supportedLngs: [...LANGUAGES],
    fallbackLng: false,
    returnNull: false,
    returnEmptyString: false,
    returnObjects: false,
    interpolation: { escapeValue: false },
  });
  const fixed = Object.fromEntries(LANGUAGES.map((l) => [l, instance.getFixedT(l)])) as Record<Language, I18next['t']>;

  // The resources are read directly: i18next answers a missing or empty text with the bare key
  // (the word «empty» for an empty text under that key), which must never reach a document.
  const split = (key: string): [string, string] => {
    const colon = key.indexOf(':');
    return colon < 0 ? ['common', key] : [key.slice(0, colon), key.slice(colon + 1)];
  };
  const has = (language: Language, key: string): boolean => {
    const [namespace, keyPath] = split(key);
    const text: unknown = instance.getResource(language, namespace, keyPath);
    return typeof text === 'string' && text !== '';
  };
  const hasPlural = (language: Language, key: string): boolean =>
    has(language, key) || PLURAL_SUFFIXES.some((suffix) => has(language, `${key}_${suffix}`));

  return {
    namespaces,
    has,
    t(language, key, params) {
      const present = params?.count !== undefined ? hasPlural(language, key) : has(language, key);
      if (!present) throw new MissingTranslationError({ key, language });
      const text = fixed[language](key, { ...params, lng: language });
      if (typeof text !== 'string' || text === '' || text === key || text === split(key)[1]) {
        throw new MissingTranslationError({ key, language });
      }
      return text;
    },
  };
}
