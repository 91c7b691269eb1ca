/**
 * The view a transition returns is built from what it read before the transaction and what it
 * wrote, not read again: it must be the view a fresh read gives, line for line, document for document.
 */
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../helpers/databases.js';
import { con, employee, EMPLOYMENT, head, unemployedRequest } from './fixtures.js';
import { harnessesOnSharedPool } from './harness.js';

const start = harnessesOnSharedPool();
const staff = employee(EMPLOYMENT);
const boss = head(EMPLOYMENT);

describeEachDialect('the view returned by act', (dialect) => {
  it('equals the stored application read afresh after every step, with attachments, history and the issued document', async () => {
    const h = await start(dialect);
    const pdf = new TextEncoder().encode('%PDF-1.7\n% synthetic\n');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const submitted = await h.apps.submit(
      { ...unemployedRequest('con'), attachments: [{ name: 'a.pdf', mediaType: 'application/pdf', bytes: pdf }, { name: 'b.png', mediaType: 'image/png', bytes: png }] },
      con,
    );
    expect(await h.apps.get(submitted.number, con)).toEqual(submitted);

    const steps = [
      { action: 'REGISTER', request: {}, by: con },
      { action: 'TAKE_INTO_WORK', request: {}, by: staff },
      { action: 'APPROVE', request: {}, by: staff },
      { action: 'RETURN_TO_WORK', request: { comment: 'ещё раз' }, by: boss },
      { action: 'APPROVE', request: {}, by: staff },
      { action: 'SIGN', request: { document: { registeredFrom: '2026-03-02' } }, by: boss },
    ] as const;
    for (const step of steps) {
      const view = await h.apps.act(submitted.number, step.action, step.request, step.by);
      expect(await h.apps.get(submitted.number, step.by)).toEqual(view);
    }
    const done = await h.apps.get(submitted.number, boss);
    expect(done.history.map((l) => [l.seq, l.action])).toEqual([
      [1, 'SUBMIT'],
      [2, 'REGISTER'],
      [3, 'TAKE_INTO_WORK'],
      [4, 'APPROVE'],
      [5, 'RETURN_TO_WORK'],
      [6, 'APPROVE'],
      [7, 'SIGN'],
    ]);
    expect(done.attachments.map((a) => [a.id, a.name, a.size])).toEqual([
      [1, 'a.pdf', pdf.byteLength],
      [2, 'b.png', png.byteLength],
    ]);
    expect(done.documents).toHaveLength(1);
    expect(done.documents[0]).toMatchObject({ kind: 'unemployed-certificate', outcome: 'positive' });
  });
});
