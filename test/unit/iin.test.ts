import { describe, expect, it } from 'vitest';
import { checkDigit, isValidBin, isValidIdentificationNumber, isValidIin, maskIin, maskIinBirthDate } from '../../src/domain/index.js';

const VALID_IINS = ['061211600012', '000101500001', '951231400121', '210302601230', '230503400018'];

/** withCheckDigit completes 11 digits with their check digit (synthetic numbers only). */
function withCheckDigit(first11: string): string {
  const digit = checkDigit(first11);
  if (digit === null) throw new Error(`${first11} has no check digit`);
  return `${first11}${digit}`;
}

/** prefixesWithoutCheckDigit finds 11-digit prefixes for which both passes give 10. */
function prefixesWithoutCheckDigit(count: number): string[] {
  const found: string[] = [];
  for (let n = 95_010_140_000; found.length < count; n++) {
    const prefix = String(n);
    if (checkDigit(prefix) === null) found.push(prefix);
  }
  return found;
}

describe('IIN and BIN check digit', () => {
  it.each(VALID_IINS)('accepts the valid IIN %s', (iin) => {
    expect(isValidIdentificationNumber(iin)).toBe(true);
    expect(isValidIin(iin)).toBe(true);
    expect(checkDigit(iin.slice(0, 11))).toBe(Number(iin[11]));
  });

  it.each(VALID_IINS)('rejects %s with every other last digit', (iin) => {
    const right = Number(iin[11]);
    for (let digit = 0; digit <= 9; digit++) {
      if (digit === right) continue;
      expect(isValidIin(`${iin.slice(0, 11)}${digit}`)).toBe(false);
    }
  });

  it('computes the second pass when the first gives 10', () => {
    // The definition written out again, independently of checkDigit.
    const first = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const second = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    const weighted = (digits: number[], weights: number[]) => digits.reduce((s, d, i) => s + d * (weights[i] ?? 0), 0) % 11;
    let secondPassSeen = 0;
    for (let n = 0; n < 20_000; n++) {
      const prefix = String(88_042_440_000 + n * 37);
      const digits = [...prefix].map(Number);
      const a = weighted(digits, first);
      const expected = a !== 10 ? a : weighted(digits, second) === 10 ? null : weighted(digits, second);
      if (a === 10) secondPassSeen++;
      expect(checkDigit(prefix)).toBe(expected);
    }
    expect(secondPassSeen).toBeGreaterThan(100);
  });

  it('rejects 11 and 13 digits, letters, spaces and signs', () => {
    for (const value of ['06121160001', '0612116000121', '06121160001a', 'A61211600012', '061211 00012', '-61211600012', '', '０６１２１１６０００１２']) {
      expect(isValidIdentificationNumber(value), value).toBe(false);
      expect(isValidIin(value), value).toBe(false);
      expect(isValidBin(value), value).toBe(false);
    }
    expect(checkDigit('0612116000')).toBeNull();
    expect(checkDigit('061211600012')).toBeNull();
    expect(checkDigit('0612116000x')).toBeNull();
  });

  it('gives no check digit to the prefixes where both passes give 10, so no number with them is valid', () => {
    const prefixes = prefixesWithoutCheckDigit(5);
    for (const prefix of prefixes) {
      for (let digit = 0; digit <= 9; digit++) expect(isValidIdentificationNumber(`${prefix}${digit}`)).toBe(false);
    }
  });

  it('leaves about 0.8 % of prefixes without a check digit', () => {
    let none = 0;
    const total = 100_000;
    for (let i = 0; i < total; i++) if (checkDigit(String(i * 999_983).padStart(11, '0').slice(-11)) === null) none++;
    expect(none / total).toBeGreaterThan(0.005);
    expect(none / total).toBeLessThan(0.012);
  });

  it('rejects an IIN with a month 00 or 13, a day 00 or 32, or a century digit above 6, even with a right check digit', () => {
    let checked = 0;
    for (const prefix of ['06001160001', '06131160001', '06120060001', '06123260001', '06121170001', '06121190001']) {
      const digit = checkDigit(prefix);
      if (digit === null) continue;
      checked++;
      const number = `${prefix}${digit}`;
      expect(isValidIdentificationNumber(number)).toBe(true);
      expect(isValidIin(number), number).toBe(false);
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('accepts a BIN with month 01–12 and type 4, 5 or 6, and nothing else', () => {
    expect(isValidBin('140540001231')).toBe(true);
    expect(isValidBin('180340009871')).toBe(true);
    expect(isValidBin(withCheckDigit('14054000123'))).toBe(true);
    expect(isValidBin(withCheckDigit('14134000123'))).toBe(false);
    expect(isValidBin(withCheckDigit('14053000123'))).toBe(false);
    expect(isValidBin(withCheckDigit('14057000123'))).toBe(false);
    // An individual's IIN is not a BIN.
    for (const iin of VALID_IINS.filter((v) => !['4', '5', '6'].includes(v[4] ?? ''))) expect(isValidBin(iin)).toBe(false);
  });

  it('masks an IIN to its first six and last two digits', () => {
    expect(maskIin('061211600012')).toBe('061211****12');
    expect(maskIinBirthDate('061211600012')).toBe('********0012');
  });
});
