/** The operators table on every dialect: one account per username, roles and the disabled flag checked by the schema. */
import { expect, it } from 'vitest';
import { operatorsRepository, type NewOperatorRow } from '../../../src/store/index.js';
import { describeEachDialect } from '../../helpers/databases.js';

const row = (username: string, overrides: Partial<NewOperatorRow> = {}): NewOperatorRow => ({
  id: `id-${username}`,
  username,
  password_hash: 'scrypt$N=32768,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U',
  role: 'PROVIDER_EMPLOYEE',
  provider_id: 'employment-ekibastuz',
  display_name: 'Айгерім',
  created_at: new Date(0).toISOString(),
  ...overrides,
});

describeEachDialect('operators', (dialect) => {
  it('stores, finds, lists and disables accounts', async () => {
    const db = await (await dialect.fresh()).open();
    await operatorsRepository.insertOperator(db.kysely, row('dana'));
    await operatorsRepository.insertOperator(db.kysely, row('aigerim', { role: 'PROVIDER_HEAD' }));
    expect((await operatorsRepository.listOperators(db.kysely)).map((o) => o.username)).toEqual(['aigerim', 'dana']);
    const found = await operatorsRepository.findOperatorByUsername(db.kysely, 'aigerim');
    expect(found).toMatchObject({ id: 'id-aigerim', role: 'PROVIDER_HEAD', display_name: 'Айгерім' });
    expect(Number(found?.disabled)).toBe(0);
    expect(await operatorsRepository.setOperatorDisabled(db.kysely, 'aigerim', true)).toBe(true);
    expect(Number((await operatorsRepository.findOperatorById(db.kysely, 'id-aigerim'))?.disabled)).toBe(1);
    expect(await operatorsRepository.setOperatorDisabled(db.kysely, 'nobody', true)).toBe(false);
    expect(await operatorsRepository.findOperatorByUsername(db.kysely, 'nobody')).toBeUndefined();
  });

  it('refuses a second account with the same username and a role outside the workstation roles', async () => {
    const db = await (await dialect.fresh()).open();
    await operatorsRepository.insertOperator(db.kysely, row('dana'));
    await expect(operatorsRepository.insertOperator(db.kysely, row('dana', { id: 'other' }))).rejects.toThrow();
    await expect(operatorsRepository.insertOperator(db.kysely, row('sys', { role: 'SYSTEM' as NewOperatorRow['role'] }))).rejects.toThrow();
  });
});
