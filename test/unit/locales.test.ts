import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// The composition root imports every room, so every defineError call has run.
import '../../src/compose.js';
import { definedErrorCodes, LANGUAGES, VALIDATION_RULES } from '../../src/domain/index.js';
import { createTranslator, readLocales } from '../../src/i18n/index.js';
import { localeFile, ROOT, strings } from '../helpers/project.js';

const translator = createTranslator(readLocales(path.join(ROOT, 'locales')));
const namespaces = (language: string) =>
  fs.readdirSync(path.join(ROOT, 'locales', language)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const KAZAKH_ONLY = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/u;
// Latin letters that pass for Cyrillic inside a word (ə i h c o p …) are a known OCR damage.
const LATIN_INSIDE_CYRILLIC = /[\u0400-\u04FF][A-Za-z\u0259\u0131]|[A-Za-z\u0259\u0131][\u0400-\u04FF]/u;

describe('texts of errors and validation rules', () => {
  const codes = [...definedErrorCodes().keys()];

  it('sees the error codes of every room', () => {
    for (const code of ['INVALID_INPUT', 'UNKNOWN_DOCUMENT_KIND', 'INTERNAL', 'MISSING_TRANSLATION', 'RENDER_QUEUE_FULL', 'RENDER_TIMEOUT', 'BROWSER_UNAVAILABLE', 'CHROMIUM_NOT_FOUND', 'UNKNOWN_TEMPLATE', 'NOT_FOUND', 'MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE']) {
      expect(codes).toContain(code);
    }
  });

  it.each(codes)('%s has a non-empty text in kk and ru', (code) => {
    for (const language of LANGUAGES) {
      expect(translator.has(language, `errors:${code}`), `${language} errors:${code}`).toBe(true);
      const raw = localeFile(language, 'errors')[code];
      expect(typeof raw === 'string' && raw.trim().length > 0, `${language} errors:${code}`).toBe(true);
    }
    expect(localeFile('kk', 'errors')[code]).not.toBe(localeFile('ru', 'errors')[code]);
  });

  it.each([...VALIDATION_RULES])('validation rule %s has a non-empty text in kk and ru', (rule) => {
    for (const language of LANGUAGES) {
      const raw = localeFile(language, 'validation')[rule];
      expect(typeof raw === 'string' && raw.trim().length > 0, `${language} validation:${rule}`).toBe(true);
      expect(translator.has(language, `validation:${rule}`)).toBe(true);
    }
  });

  it('has the same namespaces and the same keys in kk and ru', () => {
    expect(namespaces('kk')).toEqual(namespaces('ru'));
    for (const namespace of namespaces('kk')) {
      // Plural forms differ by language (kk: one/other, ru: one/few/many/other): compare the base keys.
      const base = (language: 'kk' | 'ru') => [...new Set(strings(localeFile(language, namespace)).map(([key]) => key.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
      const [kk, ru] = [base('kk'), base('ru')];
      expect(kk, namespace).toEqual(ru);
    }
  });

  it('writes Kazakh in Cyrillic: Kazakh letters present, no Latin look-alikes inside words', () => {
    for (const namespace of namespaces('kk')) {
      const texts = strings(localeFile('kk', namespace));
      expect(texts.some(([, text]) => KAZAKH_ONLY.test(text)), namespace).toBe(true);
      for (const [key, text] of [...texts, ...strings(localeFile('ru', namespace))]) {
        expect(LATIN_INSIDE_CYRILLIC.test(text), `${namespace}:${key} «${text}»`).toBe(false);
      }
    }
  });
});
