/** i18n: strict kk/ru translation over locales/. */
export { createTranslator, readLocales, MissingTranslationError } from './i18n.js';
export type { Translator, TranslationParams, LocaleResources } from './i18n.js';
export * from './check/index.js';
