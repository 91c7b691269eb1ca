import { describe, expect, it } from 'vitest';
import { isValidIdentificationNumber } from '../../../src/domain/index.js';
import { documentNumber, isValidDocumentNumber, sequenceOf } from '../../../src/registry/index.js';
import { dammDigit } from '../../../src/registry/numbers.js';

// Every 249,997th sequence value of 2026 that has a number: a spread over the whole range.
const SAMPLE = Array.from({ length: 400 }, (_, i) => documentNumber(2026, 1 + i * 249_997)).filter((n): n is string => n !== null);

describe('document numbers', () => {
  it('uses the published Damm check digit', () => {
    expect(dammDigit('572')).toBe(4);
    expect(dammDigit('5724')).toBe(0);
  });

  it('lays out YY, the 8-digit sequence and two check digits, and passes the IIN-scheme check', () => {
    expect(documentNumber(2026, 1)).toMatch(/^2600000001\d\d$/);
    expect(documentNumber(2027, 12_345_678)?.slice(0, 10)).toBe('2712345678');
    expect(sequenceOf(documentNumber(2026, 4_242) ?? '')).toBe(4_242);
    expect(SAMPLE.length).toBeGreaterThan(390);
    expect(SAMPLE.every((n) => isValidDocumentNumber(n) && isValidIdentificationNumber(n))).toBe(true);
  });

  it('refuses every single-digit typo', () => {
    let typos = 0;
    for (const number of SAMPLE) {
      for (let i = 0; i < 12; i += 1) {
        for (let digit = 0; digit <= 9; digit += 1) {
          if (String(digit) === number[i]) continue;
          typos += 1;
          expect(isValidDocumentNumber(`${number.slice(0, i)}${digit}${number.slice(i + 1)}`), `${number} digit ${i + 1} → ${digit}`).toBe(false);
        }
      }
    }
    expect(typos).toBe(SAMPLE.length * 12 * 9);
  });

  it('refuses every swap of two different neighbouring digits among the first eleven', () => {
    for (const number of SAMPLE) {
      for (let i = 0; i < 10; i += 1) {
        if (number[i] === number[i + 1]) continue;
        const swapped = `${number.slice(0, i)}${number[i + 1]}${number[i]}${number.slice(i + 2)}`;
        expect(isValidDocumentNumber(swapped), `${number} swap ${i + 1}/${i + 2}`).toBe(false);
      }
    }
  });

  it('refuses what is not 12 digits', () => {
    for (const value of ['', '26000000011', '2600000001123', '26000000O112', ' 260000000112']) expect(isValidDocumentNumber(value)).toBe(false);
  });
});
