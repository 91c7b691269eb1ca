import { expect, it } from 'vitest';
import { createDocumentRegistry, documentNumber, isValidDocumentNumber, sequenceOf } from '../../../src/registry/index.js';
import type { Database } from '../../../src/store/index.js';
import { describeEachDialect } from '../../helpers/databases.js';
import { APPLICANT_IIN, sampleRecord } from '../../helpers/issued-documents.js';

const ISSUED_AT = new Date('2026-11-22T06:30:00Z');
const PARALLEL = 200;

/** issueOne reserves and registers in one transaction and yields to the event loop in between, as a real issue would while it signs. */
async function issueOne(db: Database): Promise<string> {
  const registry = createDocumentRegistry(db);
  return db.transaction(async (trx) => {
    const number = await registry.reserveNumber(trx, ISSUED_AT);
    await new Promise((resolve) => setTimeout(resolve, 1));
    await registry.register(trx, sampleRecord(number));
    return number;
  });
}

describeEachDialect('registry under concurrent issue', (dialect) => {
  it(`gives ${PARALLEL} parallel issues on two instances ${PARALLEL} distinct valid numbers without gaps`, async () => {
    const store = await dialect.fresh();
    // Two Databases on the same target imitate two Qujat processes: two connection pools on
    // PostgreSQL, two connections to the same file on SQLite.
    const instances = [await store.open({ poolSize: 10 }), await store.open({ poolSize: 10 })];
    const numbers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => issueOne(instances[i % instances.length] as Database)),
    );

    expect(new Set(numbers).size).toBe(PARALLEL);
    expect(numbers.every(isValidDocumentNumber)).toBe(true);
    // The sequence values used are exactly the first PARALLEL values that have a check digit.
    const expected: number[] = [];
    for (let sequence = 1; expected.length < PARALLEL; sequence += 1) {
      if (documentNumber(2026, sequence) !== null) expected.push(sequence);
    }
    expect(numbers.map(sequenceOf).sort((a, b) => a - b)).toEqual(expected);

    const registered = await createDocumentRegistry(instances[1] as Database).listByApplicant(APPLICANT_IIN, { limit: 500 });
    expect(registered).toHaveLength(PARALLEL);
    expect(new Set(registered.map((d) => d.number))).toEqual(new Set(numbers));
  });
});
