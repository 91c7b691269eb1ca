/**
 * IIN (ЖСН / ИИН) and BIN (БСН / БИН) check digits.
 * Government Decree No. 406 of 22.05.2007: weights 1..11, and if that gives 10 a second pass
 * with weights 3..11,1,2; a second 10 means no such number is issued. IIN and BIN share it.
 */

const FIRST_PASS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_PASS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  return digits.reduce((sum, digit, i) => sum + digit * (weights[i] ?? 0), 0) % 11;
}

/** checkDigit returns the 12th digit for 11 leading digits, or null when none exists. */
export function checkDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null;
  const digits = [...first11].map(Number);
  const first = weightedMod11(digits, FIRST_PASS);
  if (first !== 10) return first;
  const second = weightedMod11(digits, SECOND_PASS);
  return second === 10 ? null : second;
}

/** isValidIdentificationNumber is true for 12 digits whose last is the check digit (IIN or BIN). */
export function isValidIdentificationNumber(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  return checkDigit(value.slice(0, 11)) === Number(value[11]);
}

/**
 * isValidIin adds the IIN's structure to the checksum: a real month and day, and a century/sex
 * digit 1–6 (or 0 for foreigners registered before 2013). The date is only a hint since
 * Decree No. 853 of 2013, so nothing more is checked.
 */
export function isValidIin(value: string): boolean {
  if (!isValidIdentificationNumber(value)) return false;
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const centurySex = Number(value[6]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && centurySex <= 6;
}

/** isValidBin adds the BIN's structure: month 01–12 and an entity type digit 4, 5 or 6. */
export function isValidBin(value: string): boolean {
  if (!isValidIdentificationNumber(value)) return false;
  const month = Number(value.slice(2, 4));
  return month >= 1 && month <= 12 && ['4', '5', '6'].includes(value[4] ?? '');
}

/** maskIin keeps the first six and last two digits, for pages that show no personal data. */
export function maskIin(iin: string): string {
  return `${iin.slice(0, 6)}****${iin.slice(10)}`;
}

/**
 * maskIinBirthDate keeps only the last four digits: the birth date and the century-and-sex digit
 * are hidden too, for a page anyone can open with a document's number.
 */
export function maskIinBirthDate(iin: string): string {
  return `${'*'.repeat(8)}${iin.slice(8)}`;
}
