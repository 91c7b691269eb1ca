/** i18n: strict kk/ru translation over locales/. */
export { createTranslator, readLocales, MissingTranslationError } from './i18n.js';
export type { Translator, TranslationParams, LocaleResources } from './i18n.js';
export * from './check/index.js';
export { createMarkingTranslator, PREVIEW_MARKS } from './preview.js';
export { createI18nWorkbench, type I18nWorkbench, type I18nWorkbenchDeps, type DocumentSample, type PreviewTemplates } from './workbench.js';
