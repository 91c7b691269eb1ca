/** Every refusal reason and sign error has a kk and a ru text; the sign configuration names its variables. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/index.js';
import { definedErrorCodes } from '../../../src/domain/index.js';
import { SIGNATURE_FAILURES, type SignConfig } from '../../../src/sign/index.js';

const read = (lang: string, ns: string) => JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8')) as Record<string, unknown>;
const machine = { cores: 2, cwd: '/srv/qujat' };

describe('texts', () => {
  test.each(['kk', 'ru'])('%s: verify.json has exactly one text per reason code', (lang) => {
    const reasons = read(lang, 'verify').reasons as Record<string, string>;
    expect(Object.keys(reasons).sort()).toEqual([...SIGNATURE_FAILURES].sort());
    for (const text of Object.values(reasons)) expect(text.trim().length).toBeGreaterThan(10);
  });

  test('reason codes are SCREAMING_SNAKE and unique', () => {
    expect(new Set(SIGNATURE_FAILURES).size).toBe(SIGNATURE_FAILURES.length);
    for (const code of SIGNATURE_FAILURES) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  test.each(['kk', 'ru'])('%s: errors.json has the sign errors', (lang) => {
    const errors = read(lang, 'errors');
    const signCodes = [...definedErrorCodes().keys()].filter((c) => /SIGNING|DEVELOPMENT_KEYS|CERTIFICATE_SERIAL/.test(c));
    expect(signCodes).toHaveLength(4);
    for (const code of signCodes) expect(errors[code]).toEqual(expect.any(String));
  });

  test('Kazakh texts are Cyrillic: no Latin letter inside a Cyrillic word', () => {
    const texts = [...Object.values(read('kk', 'verify').reasons as Record<string, string>), ...Object.values(read('kk', 'verify').outcomes as Record<string, string>)];
    for (const text of texts) {
      for (const word of text.split(/[^\p{L}]+/u)) {
        if (/\p{Script=Cyrillic}/u.test(word)) expect(word, text).not.toMatch(/\p{Script=Latin}/u);
      }
    }
  });
});

describe('sign configuration', () => {
  test('unset means development keys; lists are split on commas', () => {
    expect(loadConfig({}, machine).sign).toEqual({});
    const config = loadConfig({ QUJAT_SIGN_P12: '/k/s.p12', QUJAT_SIGN_P12_PASSWORD: 'x', QUJAT_TRUST_ANCHORS: '/a.pem, /b.pem', QUJAT_CRL: '/c.crl' }, machine);
    const sign: SignConfig = config.sign;
    expect(sign).toEqual({ p12: '/k/s.p12', p12Password: 'x', trustAnchors: ['/a.pem', '/b.pem'], crl: ['/c.crl'] });
  });

  test('contradictions name the variables', () => {
    expect(() => loadConfig({ QUJAT_SIGN_KEY: '/k.pem' }, machine)).toThrow(/QUJAT_SIGN_CHAIN/);
    expect(() => loadConfig({ QUJAT_SIGN_KEY: '/k.pem', QUJAT_SIGN_CHAIN: '/c.pem', QUJAT_SIGN_P12: '/s.p12' }, machine)).toThrow(ConfigError);
    expect(() => loadConfig({ QUJAT_TRUST_ANCHORS: ' , ' }, machine)).toThrow(/QUJAT_TRUST_ANCHORS/);
  });
});
