/**
 * Document numbers, 12 digits: `YY` (the year of issue in Asia/Almaty) + an 8-digit sequence
 * per year + a Damm check digit over those 10 + the check digit of the IIN/BIN scheme over the
 * first 11. The IIN scheme alone misses most typos in the 11th digit (its weight 11 ≡ 0 mod 11),
 * which would make the neighbouring document's number out of a mistyped one; the Damm digit
 * catches every single-digit typo and every swap of neighbours in the first 10 digits, and
 * takes the unprotected place itself. Sequence values whose 11 digits have no IIN-scheme check
 * digit (about 1 in 121) are skipped.
 */
import { randomInt } from 'node:crypto';
import { calendarDateInAlmaty, checkDigit, isValidIdentificationNumber } from '../domain/index.js';

/** The largest sequence value a year can hand out. */
export const MAX_SEQUENCE = 99_999_999;

// The quasigroup of H. M. Damm (2004), as published with the algorithm.
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

/** dammDigit is the Damm check digit of a string of digits; digits followed by their check give 0. */
export function dammDigit(digits: string): number {
  let interim = 0;
  for (const digit of digits) interim = DAMM[interim]?.[Number(digit)] ?? Number.NaN;
  return interim;
}

/** documentNumber is the number for a sequence value in a year, or null when no IIN-scheme check digit exists for it. */
export function documentNumber(year: number, sequence: number): string | null {
  const body = `${String(year % 100).padStart(2, '0')}${String(sequence).padStart(8, '0')}`;
  const first11 = `${body}${dammDigit(body)}`;
  const check = checkDigit(first11);
  return check === null ? null : `${first11}${check}`;
}

/** isValidDocumentNumber is true for 12 digits whose 11th and 12th are the check digits of the digits before them. */
export function isValidDocumentNumber(value: string): boolean {
  return isValidIdentificationNumber(value) && dammDigit(value.slice(0, 11)) === 0;
}

/** sequenceOf reads the sequence value back from a valid number. */
export function sequenceOf(number: string): number {
  return Number(number.slice(2, 10));
}

/**
 * createRandomDocumentNumbers returns numbers of the same format with a random sequence, without
 * the registry. Collisions are likely past ~10⁴ documents a year (n²/2·10⁸); the registry's
 * counter (createDocumentRegistry(...).next) replaces it once the service opens a database.
 */
export function createRandomDocumentNumbers() {
  return {
    async next(_kind: string, issuedAt: Date): Promise<string> {
      const { year } = calendarDateInAlmaty(issuedAt);
      for (;;) {
        const number = documentNumber(year, randomInt(0, MAX_SEQUENCE + 1));
        if (number !== null) return number;
      }
    },
  };
}
