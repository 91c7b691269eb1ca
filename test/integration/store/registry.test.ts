import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { AppError, definedErrorCodes } from '../../../src/domain/index.js';
import {
  createDocumentRegistry,
  DocumentAlreadyRegisteredError,
  DocumentAlreadyRevokedError,
  DocumentAlreadySupersededError,
  DocumentNotFoundError,
  DocumentNumbersExhaustedError,
  DocumentSupersedesItselfError,
  documentNumber,
  InvalidDocumentNumberError,
  isValidDocumentNumber,
  sequenceOf,
} from '../../../src/registry/index.js';
import { describeEachDialect, type TestDialect } from '../../helpers/databases.js';
import { APPLICANT_IIN, sampleRecord, withCheckDigit } from '../../helpers/issued-documents.js';

const NOVEMBER_2026 = new Date('2026-11-22T06:30:00Z');
/** A well-formed number that no test issues. */
const UNISSUED = documentNumber(2026, 99_999_990) ?? '';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function setup(dialect: TestDialect) {
  const store = await dialect.fresh();
  const db = await store.open();
  const registry = createDocumentRegistry(db);
  const issue = (issuedAt = NOVEMBER_2026, overrides = {}) =>
    db.transaction(async (trx) => {
      const number = await registry.reserveNumber(trx, issuedAt);
      await registry.register(trx, sampleRecord(number, { issuedAt, ...overrides }));
      return number;
    });
  return { db, registry, issue };
}

describeEachDialect('registry', (dialect) => {
  it('numbers a year from 1 with the year in front and a valid check digit', async () => {
    const { db, registry } = await setup(dialect);
    const numbers = await db.transaction(async (trx) => [
      await registry.reserveNumber(trx, NOVEMBER_2026),
      await registry.reserveNumber(trx, NOVEMBER_2026),
    ]);
    expect(numbers).toEqual([documentNumber(2026, 1), documentNumber(2026, 2)]);
    expect(numbers.map((n) => n.slice(0, 10))).toEqual(['2600000001', '2600000002']);
    expect(numbers.every(isValidDocumentNumber)).toBe(true);
    // 19:30 UTC on 31 December is already 1 January in Almaty: a new year, a new counter.
    const newYear = await registry.next('unemployed-certificate', new Date('2026-12-31T19:30:00Z'));
    expect(newYear.slice(0, 10)).toBe('2700000001');
  });

  it('skips sequence values that have no check digit', async () => {
    const { db, registry } = await setup(dialect);
    let gap = 1;
    while (documentNumber(2026, gap) !== null) gap += 1;
    await db.transaction((trx) => trx.insertInto('document_counters').values({ year: 2026, last_value: gap - 1 }).execute());
    const number = await registry.next('unemployed-certificate', NOVEMBER_2026);
    expect(sequenceOf(number)).toBe(gap + 1);
    expect(isValidDocumentNumber(number)).toBe(true);
  });

  it('refuses to go past the last sequence value of a year', async () => {
    const { db, registry } = await setup(dialect);
    await db.transaction((trx) => trx.insertInto('document_counters').values({ year: 2026, last_value: 99_999_999 }).execute());
    const error = await rejection(registry.next('unemployed-certificate', NOVEMBER_2026));
    expect(error).toBeInstanceOf(DocumentNumbersExhaustedError);
    expect(error.params).toEqual({ year: 2026 });
    expect((await registry.next('unemployed-certificate', new Date('2027-02-01T00:00:00Z'))).slice(0, 10)).toBe('2700000001');
  });

  it('registers a document and gives back its metadata, hashes and files byte for byte', async () => {
    const { registry, issue } = await setup(dialect);
    const number = await issue();
    const record = sampleRecord(number);
    const found = await registry.find(number);
    expect(found).toEqual({
      number,
      kind: 'unemployed-certificate',
      language: 'kk+ru',
      issuedAt: new Date('2026-11-22T06:30:00.000Z'),
      issuer: record.issuer,
      applicant: { iin: APPLICANT_IIN, name: 'Сәрсенбаева Әйгерім Қанатқызы' },
      xml: { sha256: sha256(record.xml), size: record.xml.byteLength },
      pdf: { sha256: sha256(record.pdf), size: record.pdf.byteLength },
      status: { code: 'valid' },
      // Registered without an owner: only SYSTEM keys (and the token, and its applicant) open its files.
      owner: { providerId: null, conId: null },
    });
    expect(await registry.readXml(number)).toEqual(record.xml);
    expect(await registry.readPdf(number)).toEqual(record.pdf);
    expect(await registry.checkToken(number, `token-${number}`)).toBe(true);
    expect(await registry.checkToken(number, `token-${number}x`)).toBe(false);
    expect(isValidDocumentNumber(UNISSUED)).toBe(true);
    expect(await registry.find(UNISSUED)).toBeNull();
    expect((await rejection(registry.readPdf(UNISSUED))).code).toBe(DocumentNotFoundError.code);
  });

  it('lists an applicant’s documents newest first', async () => {
    const { registry, issue } = await setup(dialect);
    const older = await issue(new Date('2026-03-01T05:00:00Z'));
    const newer = await issue(new Date('2026-09-01T05:00:00Z'));
    await issue(NOVEMBER_2026, { applicant: { iin: withCheckDigit('85071240027'), name: 'Басқа адам' } });
    const listed = await registry.listByApplicant(APPLICANT_IIN);
    expect(listed.map((d) => d.number)).toEqual([newer, older]);
  });

  it('revokes once, with reason, time and who; a second revocation or an unknown number is a typed error', async () => {
    const { registry, issue } = await setup(dialect);
    const number = await issue();
    const at = new Date('2026-11-23T04:00:00.000Z');
    const revoked = await registry.revoke(number, { reason: 'issued in error', at, by: 'operator:42' });
    expect(revoked.status).toEqual({ code: 'revoked', reason: 'issued in error', at, by: 'operator:42' });
    expect((await registry.find(number))?.status.code).toBe('revoked');

    const twice = await rejection(registry.revoke(number, { reason: 'again', at, by: 'operator:43' }));
    expect(twice).toBeInstanceOf(DocumentAlreadyRevokedError);
    expect(twice.kind).toBe('conflict');
    expect(twice.params).toEqual({ number, revokedAt: at.toISOString() });
    expect((await registry.find(number))?.status).toEqual(revoked.status);

    const unknown = await rejection(registry.revoke(UNISSUED, { reason: 'x', at, by: 'operator:42' }));
    expect(unknown).toBeInstanceOf(DocumentNotFoundError);
    expect(unknown.kind).toBe('not_found');
  });

  it('supersedes a document by its replacement in the same transaction', async () => {
    const { db, registry, issue } = await setup(dialect);
    const original = await issue();
    const at = new Date('2026-11-24T04:00:00.000Z');
    const replacement = await db.transaction(async (trx) => {
      const number = await registry.reserveNumber(trx, at);
      await registry.register(trx, sampleRecord(number, { issuedAt: at }));
      await registry.supersede(original, { replacement: number, reason: 'name corrected', at, by: 'operator:7' }, trx);
      return number;
    });
    expect((await registry.find(original))?.status).toEqual({
      code: 'superseded',
      reason: 'name corrected',
      at,
      by: 'operator:7',
      supersededBy: replacement,
    });
    expect((await registry.find(replacement))?.status).toEqual({ code: 'valid' });

    const revokeSuperseded = await rejection(registry.revoke(original, { reason: 'x', at, by: 'operator:7' }));
    expect(revokeSuperseded).toBeInstanceOf(DocumentAlreadySupersededError);
    expect(revokeSuperseded.params).toEqual({ number: original, supersededBy: replacement });
    expect(await rejection(registry.supersede(replacement, { replacement, reason: 'x', at, by: 'o' }))).toBeInstanceOf(
      DocumentSupersedesItselfError,
    );
    const missing = await rejection(registry.supersede(replacement, { replacement: UNISSUED, reason: 'x', at, by: 'o' }));
    expect(missing).toBeInstanceOf(DocumentNotFoundError);
    expect(missing.params).toEqual({ number: UNISSUED });
  });

  it('refuses a number registered twice and a number with a wrong check digit', async () => {
    const { db, registry, issue } = await setup(dialect);
    const number = await issue();
    const again = await rejection(db.transaction((trx) => registry.register(trx, sampleRecord(number))));
    expect(again).toBeInstanceOf(DocumentAlreadyRegisteredError);
    const typo = `${number.slice(0, 11)}${(Number(number[11]) + 1) % 10}`;
    const invalid = await rejection(db.transaction((trx) => registry.register(trx, sampleRecord(typo))));
    expect(invalid).toBeInstanceOf(InvalidDocumentNumberError);
    expect(await registry.find(typo)).toBeNull();
  });

  it('leaves no document and no used number behind a transaction that fails after reserving', async () => {
    const { db, registry } = await setup(dialect);
    let reserved = '';
    await expect(
      db.transaction(async (trx) => {
        reserved = await registry.reserveNumber(trx, NOVEMBER_2026);
        await registry.register(trx, sampleRecord(reserved));
        throw new Error('the workflow transition failed');
      }),
    ).rejects.toThrow('the workflow transition failed');
    expect(await registry.find(reserved)).toBeNull();
    expect((await rejection(registry.readXml(reserved))).code).toBe(DocumentNotFoundError.code);
    expect(await registry.listByApplicant(APPLICANT_IIN)).toEqual([]);
    // The counter rolled back with the transaction, so the next issue gets the same number.
    expect(await registry.next('unemployed-certificate', NOVEMBER_2026)).toBe(reserved);
  });
});

it('has kk and ru texts for every error code the store and the registry define', () => {
  const codes = [...definedErrorCodes().keys()];
  expect(codes).toEqual(expect.arrayContaining(['DOCUMENT_NOT_FOUND', 'DOCUMENT_ALREADY_REVOKED', 'STORE_BUSY']));
  for (const language of ['kk', 'ru']) {
    const texts = JSON.parse(fs.readFileSync(new URL(`../../../locales/${language}/errors.json`, import.meta.url), 'utf8')) as Record<string, string>;
    for (const code of codes) expect(texts[code], `${language} ${code}`).toMatch(/\S/);
  }
});
