import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/index.js';
import { createTranslator, MissingTranslationError, type LocaleResources } from '../../src/i18n/index.js';

const resources: LocaleResources = {
  kk: {
    common: { both: 'Екеуінде де бар', onlyKk: 'Тек қазақша', empty: 'Қазақша бар', greet: 'Сәлем, {{name}}!', nested: { leaf: 'жапырақ' }, doc_other: '{{count}} құжат' },
    errors: { SOME: 'Қате: {{code}}' },
  },
  ru: {
    common: { both: 'Есть в обоих', onlyRu: 'Только по-русски', empty: '', greet: 'Привет, {{name}}!', nested: { leaf: 'лист' }, doc_one: '{{count}} документ', doc_few: '{{count}} документа', doc_many: '{{count}} документов', doc_other: '{{count}} документа' },
    errors: { SOME: 'Ошибка: {{code}}' },
  },
};

function missing(run: () => string): InstanceType<typeof MissingTranslationError> {
  try {
    const text = run();
    throw new Error(`no MissingTranslationError; got «${text}»`);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(MissingTranslationError.code);
    return error as InstanceType<typeof MissingTranslationError>;
  }
}

describe('Translator', () => {
  const translator = createTranslator(resources);

  it('answers each language with its own text, with interpolation', () => {
    expect(translator.t('kk', 'common:both')).toBe('Екеуінде де бар');
    expect(translator.t('ru', 'common:both')).toBe('Есть в обоих');
    expect(translator.t('kk', 'common:greet', { name: 'Әйгерім' })).toBe('Сәлем, Әйгерім!');
    expect(translator.t('ru', 'errors:SOME', { code: 'X' })).toBe('Ошибка: X');
    expect(translator.t('kk', 'common:nested.leaf')).toBe('жапырақ');
    expect(translator.namespaces).toEqual(['common', 'errors']);
  });

  it('does not escape interpolated values (templates escape once, at output)', () => {
    expect(translator.t('ru', 'common:greet', { name: '<b>&' })).toBe('Привет, <b>&!');
  });

  it('throws MissingTranslationError for a key only the other language has, never the other text', () => {
    const ru = missing(() => translator.t('ru', 'common:onlyKk'));
    expect(ru.params).toEqual({ key: 'common:onlyKk', language: 'ru' });
    const kk = missing(() => translator.t('kk', 'common:onlyRu'));
    expect(kk.params).toEqual({ key: 'common:onlyRu', language: 'kk' });
  });

  it('treats an empty text as missing', () => {
    missing(() => translator.t('ru', 'common:empty'));
    expect(translator.has('ru', 'common:empty')).toBe(false);
    expect(translator.t('kk', 'common:empty')).toBe('Қазақша бар');
  });

  it('throws for keys nobody has, for a whole namespace object, and with a count parameter', () => {
    missing(() => translator.t('kk', 'common:nothing'));
    missing(() => translator.t('kk', 'nowhere:nothing'));
    missing(() => translator.t('ru', 'common:nested'));
    missing(() => translator.t('ru', 'common:onlyKk', { count: 2 }));
  });

  it('picks plural forms by count in each language', () => {
    expect(translator.t('kk', 'common:doc', { count: 5 })).toBe('5 құжат');
    expect(translator.t('ru', 'common:doc', { count: 1 })).toBe('1 документ');
    expect(translator.t('ru', 'common:doc', { count: 3 })).toBe('3 документа');
    expect(translator.t('ru', 'common:doc', { count: 5 })).toBe('5 документов');
  });

  it('tells with has() exactly which keys exist in which language', () => {
    expect(translator.has('kk', 'common:onlyKk')).toBe(true);
    expect(translator.has('ru', 'common:onlyKk')).toBe(false);
    expect(translator.has('ru', 'common:nested')).toBe(false);
    expect(translator.has('ru', 'common:nested.leaf')).toBe(true);
  });
});
