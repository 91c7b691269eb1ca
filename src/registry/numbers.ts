/**
 * Document numbers: 12 digits, `YY` (the year of issue in Asia/Almaty) + a 9-digit sequence per
 * year + a check digit of the IIN/BIN scheme, so a mistyped number is caught before any lookup.
 * Sequence values whose 11 digits have no check digit (about 1 in 121) are skipped.
 */
import { randomInt } from 'node:crypto';
import { calendarDateInAlmaty, checkDigit, isValidIdentificationNumber } from '../domain/index.js';

/** The largest sequence value a year can hand out. */
export const MAX_SEQUENCE = 999_999_999;

/** documentNumber is the number for a sequence value in a year, or null when no check digit exists for it. */
export function documentNumber(year: number, sequence: number): string | null {
  const body = `${String(year % 100).padStart(2, '0')}${String(sequence).padStart(9, '0')}`;
  const check = checkDigit(body);
  return check === null ? null : `${body}${check}`;
}

/** isValidDocumentNumber is true for 12 digits whose last is the check digit of the first 11. */
export function isValidDocumentNumber(value: string): boolean {
  return isValidIdentificationNumber(value);
}

/**
 * createRandomDocumentNumbers returns numbers `YY` + 9 random digits + check digit, without the
 * registry. Collisions are likely past ~10⁴ documents a year (n²/2·10⁹); the registry's counter
 * (createDocumentRegistry(...).next) replaces it once the service opens a database.
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
