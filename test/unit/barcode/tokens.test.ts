import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createVerificationTokens, verificationUrl } from '../../../src/barcode/index.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('verification tokens', () => {
  const tokens = createVerificationTokens(randomBytes(32));

  it('are URL-safe, at least 128 bits, and check only for their own document and XML', () => {
    const token = tokens.issue('261234567890', sha('xml-1'));
    expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(tokens.check('261234567890', sha('xml-1'), token)).toBe(true);
    expect(tokens.check('261234567891', sha('xml-1'), token)).toBe(false);
    expect(tokens.check('261234567890', sha('xml-2'), token)).toBe(false);
    expect(tokens.check('261234567890', sha('xml-1'), `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(tokens.check('261234567890', sha('xml-1'), '')).toBe(false);
    expect(tokens.check('261234567890', sha('xml-1'), `${token}A`)).toBe(false);
  });

  it('depend on the secret and are stable for it', () => {
    const secret = randomBytes(32);
    const a = createVerificationTokens(secret).issue('261234567890', sha('x'));
    expect(createVerificationTokens(Buffer.from(secret)).issue('261234567890', sha('x'))).toBe(a);
    expect(createVerificationTokens(randomBytes(32)).issue('261234567890', sha('x'))).not.toBe(a);
  });

  it('refuse a short secret and a digest that is not SHA-256 hex', () => {
    expect(() => createVerificationTokens(randomBytes(16))).toThrow(TypeError);
    expect(() => tokens.issue('261234567890', 'abc')).toThrow(TypeError);
  });

  it('go into the verification URL', () => {
    const token = tokens.issue('261234567890', sha('x'));
    expect(verificationUrl('https://qujat.example.kz/', '261234567890', token)).toBe(`https://qujat.example.kz/verify/261234567890?t=${token}`);
    expect(verificationUrl('https://example.kz/qujat', 'A/1', token)).toBe(`https://example.kz/qujat/verify/A%2F1?t=${token}`);
    expect(() => verificationUrl('javascript:alert(1)', '1', token)).toThrow(TypeError);
  });
});
