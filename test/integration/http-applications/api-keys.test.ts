/** API keys on both dialects: made once, stored hashed, found by id, compared in full, revoked for good. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { composeApiKeys } from '../../../src/compose.js';
import { loadConfig } from '../../../src/config/index.js';
import { AppError } from '../../../src/domain/index.js';
import { openDatabase } from '../../../src/store/index.js';
import { describeEachDialect, type TestDialect } from '../../helpers/databases.js';
import { ROOT } from '../../helpers/project.js';
import { silentLogger } from '../../helpers/silent-logger.js';

async function keysOn(dialect: TestDialect) {
  const store = await dialect.fresh();
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-api-keys-'));
  onTestFinished(() => fs.rmSync(data, { recursive: true, force: true }));
  const config = loadConfig({ QUJAT_DATA_DIR: data, ...(store.config.url ? { DATABASE_URL: store.config.url } : {}) }, { cores: 1, cwd: ROOT });
  const composed = await composeApiKeys(config, { logger: silentLogger });
  onTestFinished(() => composed.stop());
  const raw = async () => {
    const db = await openDatabase({ url: store.config.url, sqlitePath: path.join(data, 'qujat.db') }, { logger: silentLogger });
    onTestFinished(() => db.destroy());
    return db.kysely.selectFrom('api_keys').selectAll().execute();
  };
  return { apiKeys: composed.apiKeys, raw };
}

function codeOf(error: unknown): string {
  return error instanceof AppError ? error.code : String(error);
}

describeEachDialect('API keys', (dialect) => {
  it('stores only the SHA-256 of the secret and authenticates the full key with its role and scope', async () => {
    const { apiKeys, raw } = await keysOn(dialect);
    const { key, stored } = await apiKeys.add({ role: 'PROVIDER_HEAD', providerId: 'urzhar-education', label: 'head of Urzhar' });
    expect(key).toMatch(/^qj_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const secret = key.slice(20);
    const rows = await raw();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.secret_sha256).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(await apiKeys.authenticate(key)).toEqual({ keyId: stored.keyId, role: 'PROVIDER_HEAD', providerId: 'urzhar-education', conId: null, iin: null });
    // A ЦОН operator's --provider names its ЦОН: it is bound to no provider.
    const con = await apiKeys.add({ role: 'CON_OPERATOR', providerId: 'con-ekibastuz' });
    expect(await apiKeys.authenticate(con.key)).toMatchObject({ role: 'CON_OPERATOR', providerId: null, conId: 'con-ekibastuz' });
  });

  it('refuses a wrong secret, an unknown id, a malformed key and a revoked key', async () => {
    const { apiKeys } = await keysOn(dialect);
    const { key, stored } = await apiKeys.add({ role: 'APPLICANT', iin: '880412301010' });
    const last = key.at(-1) === 'A' ? 'B' : 'A';
    expect(await apiKeys.authenticate(`${key.slice(0, -1)}${last}`)).toBeNull();
    expect(await apiKeys.authenticate(`qj_0000000000000000_${key.slice(20)}`)).toBeNull();
    expect(await apiKeys.authenticate('not-a-key')).toBeNull();
    expect((await apiKeys.authenticate(key))?.iin).toBe('880412301010');
    await apiKeys.revoke(stored.keyId);
    expect(await apiKeys.authenticate(key)).toBeNull();
    expect((await apiKeys.list())[0]?.revokedAt).toBeInstanceOf(Date);
    await expect(apiKeys.revoke(stored.keyId)).rejects.toSatisfy((e) => codeOf(e) === 'API_KEY_NOT_FOUND');
  });

  it('refuses a scope that does not fit the role', async () => {
    const { apiKeys } = await keysOn(dialect);
    const cases = [
      { role: 'PROVIDER_EMPLOYEE' },
      { role: 'APPLICANT' },
      { role: 'APPLICANT', iin: '880412301011' },
      { role: 'SYSTEM', providerId: 'urzhar-education' },
      { role: 'ADMIN' },
    ];
    for (const request of cases) {
      await expect(apiKeys.add(request), JSON.stringify(request)).rejects.toSatisfy((e) => codeOf(e) === 'API_KEY_SCOPE_INVALID');
    }
    expect(await apiKeys.list()).toEqual([]);
  });
});
