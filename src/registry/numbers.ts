/**
 * Document numbers until the registry of issued documents exists: 12 digits, the last a check
 * digit of the IIN scheme, the first two the year. 9 random digits give a collision chance of
 * about n²/2·10⁹ (≈0.5 % at 10⁴ documents a year), which is why the registry replaces this.
 */
import { randomInt } from 'node:crypto';
import { calendarDateInAlmaty, checkDigit } from '../domain/index.js';

/** createRandomDocumentNumbers returns numbers `YY` + 9 random digits + check digit. */
export function createRandomDocumentNumbers() {
  return {
    async next(_kind: string, issuedAt: Date): Promise<string> {
      const year = String(calendarDateInAlmaty(issuedAt).year % 100).padStart(2, '0');
      for (;;) {
        const body = `${year}${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
        const check = checkDigit(body);
        if (check !== null) return `${body}${check}`;
      }
    },
  };
}
