import { describe, expect, it } from 'vitest';
import { verificationUrl } from '../../../src/barcode/index.js';

describe('verification URL', () => {
  it('joins the public URL and the document path, escaping the number and the token', () => {
    const token = 'AbC_-123456789012345678';
    expect(verificationUrl('https://qujat.example.kz/', '261234567890', token)).toBe(`https://qujat.example.kz/verify/261234567890?t=${token}`);
    expect(verificationUrl('https://example.kz/qujat', 'A/1', 'a+b')).toBe('https://example.kz/qujat/verify/A%2F1?t=a%2Bb');
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => verificationUrl('javascript:alert(1)', '1', 'x')).toThrow(TypeError);
  });
});
