/**
 * The regulation an application is taken under, in the store of each dialect: written at intake,
 * read back with the application, never changed by a transition; an application stored before
 * regulations were recorded (no regulation_id) runs under its provider's current regulation.
 */
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../helpers/databases.js';
import { employee, EMPLOYMENT, head, unemployedRequest } from './fixtures.js';
import { harnessesOnSharedPool } from './harness.js';

const start = harnessesOnSharedPool();
const staff = employee(EMPLOYMENT);

describeEachDialect('regulations in the store', (dialect) => {
  it('keeps the regulation of the intake through every transition; a row without one runs under the provider’s', async () => {
    const h = await start(dialect);
    const submitted = await h.apps.submit({ ...unemployedRequest('provider'), providerId: EMPLOYMENT }, staff);
    const stored = async (number: string) =>
      (await h.db.kysely.selectFrom('applications').select('regulation_id').where('number', '=', number).executeTakeFirstOrThrow()).regulation_id;
    expect(await stored(submitted.number)).toBe('unemployed-certificate/ekibastuz-2013');
    await h.apps.act(submitted.number, 'REGISTER', {}, staff);
    const inWork = await h.apps.act(submitted.number, 'TAKE_INTO_WORK', {}, staff);
    expect(await stored(submitted.number)).toBe('unemployed-certificate/ekibastuz-2013');
    expect(inWork.regulation).toEqual({
      id: 'unemployed-certificate/ekibastuz-2013',
      act: {
        id: 'ekibastuz-2013-168-2',
        adopted: { date: '2013-02-15', number: '168/2' },
        registered: { date: '2013-03-12', number: '3477' },
        repealed: { date: '2013-06-19', number: '555/6' },
      },
    });
    // Ekibastuz's desk decides in 10 minutes (001:L406), not Urdzhar's 4.
    expect(new Date(inWork.deadline ?? 0).getTime() - h.clock.now().getTime()).toBe(10 * 60_000);

    const older = await h.apps.submit({ ...unemployedRequest('provider'), providerId: EMPLOYMENT }, staff);
    await h.db.kysely.updateTable('applications').set({ regulation_id: null }).where('number', '=', older.number).execute();
    const view = await h.apps.get(older.number, staff);
    expect(view.regulation.id).toBe('unemployed-certificate/ekibastuz-2013');
    await h.apps.act(older.number, 'REGISTER', {}, staff);
    expect(await stored(older.number)).toBeNull();
  });

  it('a provider of another act issues a certificate that verifies: every provider still issues under the development BIN', async () => {
    const h = await start(dialect);
    const acts = {
      'pavlodar-employment': 'unemployed-certificate/pavlodar-2013',
      'urzhar-employment': 'unemployed-certificate/urdzhar-2012',
      'mamlyut-employment': 'unemployed-certificate/mamlyut-2012',
      'aktobe-employment': 'unemployed-certificate/aktobe-2014',
    };
    for (const [provider, regulation] of Object.entries(acts)) {
      const desk = employee(provider);
      const submitted = await h.apps.submit({ ...unemployedRequest('provider'), providerId: provider }, desk);
      await h.apps.act(submitted.number, 'REGISTER', {}, desk);
      await h.apps.act(submitted.number, 'TAKE_INTO_WORK', {}, desk);
      await h.apps.act(submitted.number, 'APPROVE', {}, desk);
      const signed = await h.apps.act(submitted.number, 'SIGN', { document: { registeredFrom: '2026-03-02' } }, head(provider));
      expect(signed.regulation.id, provider).toBe(regulation);
      expect(signed.documents).toHaveLength(1);
      expect(await h.verifyXml(signed.documents[0]?.number ?? ''), provider).toBe(true);
    }
  });
});
