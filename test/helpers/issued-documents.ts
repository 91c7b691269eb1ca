/** Synthetic issued documents for registry tests: valid IIN/BIN made with checkDigit, never real people. */
import { checkDigit, isValidBin, isValidIin } from '../../src/domain/index.js';
import type { IssuedDocumentRecord } from '../../src/registry/index.js';

/** withCheckDigit completes 11 digits to a valid 12-digit number, moving the serial on until one exists. */
export function withCheckDigit(first11: string): string {
  for (let serial = Number(first11.slice(7)); ; serial += 1) {
    const body = `${first11.slice(0, 7)}${String(serial).padStart(4, '0')}`;
    const check = checkDigit(body);
    if (check !== null) return `${body}${check}`;
  }
}

export const APPLICANT_IIN = withCheckDigit('90031530051');
export const ISSUER_BIN = withCheckDigit('12054001234');
if (!isValidIin(APPLICANT_IIN) || !isValidBin(ISSUER_BIN)) throw new Error('synthetic IIN/BIN are not valid');

/** sampleRecord is a registrable document with distinct XML and PDF bytes per number. */
export function sampleRecord(number: string, overrides: Partial<IssuedDocumentRecord> = {}): IssuedDocumentRecord {
  return {
    number,
    kind: 'unemployed-certificate',
    language: 'kk+ru',
    issuedAt: new Date('2026-11-22T06:30:00.123Z'),
    issuer: { bin: ISSUER_BIN, name: { kk: 'Алматы қаласының жұмыспен қамту орталығы', ru: 'Центр занятости населения города Алматы' } },
    applicant: { iin: APPLICANT_IIN, name: 'Сәрсенбаева Әйгерім Қанатқызы' },
    xml: new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns="urn:qujat:document:1" number="${number}"><kk>Анықтама</kk><ru>Справка</ru></document>`),
    pdf: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0xfe, ...new TextEncoder().encode(number)]),
    verificationToken: `token-${number}`,
    ...overrides,
  };
}
