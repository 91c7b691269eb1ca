/** `qujat keys api-key …` and the development keys of `qujat keys init`, as an operator runs them. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT } from '../../helpers/project.js';
import { buildDist, runProcess } from '../../helpers/run.js';

const BIN = path.join(ROOT, 'bin', 'qujat.js');
let data: string;

async function qujat(...args: string[]) {
  const result = await runProcess(process.execPath, [BIN, 'keys', ...args], {
    env: { ...process.env, QUJAT_DATA_DIR: data, QUJAT_LOG_LEVEL: 'silent' },
    timeoutMs: 90_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  await buildDist();
  data = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-cli-keys-'));
});

afterAll(() => {
  fs.rmSync(data, { recursive: true, force: true });
});

it('adds a key printed once, lists it without its secret, revokes it once', async () => {
  const added = await qujat('api-key', 'add', '--role', 'PROVIDER_HEAD', '--provider', 'urzhar-education', '--label', 'Тоқтарова Г. Ә.');
  expect(added.code).toBe(0);
  const key = added.stdout.trim();
  expect(key).toMatch(/^qj_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
  const id = key.slice(3, 19);

  const listed = await qujat('api-key', 'list');
  expect(listed.code).toBe(0);
  expect(listed.stdout).toContain(id);
  expect(listed.stdout).toContain('PROVIDER_HEAD');
  expect(listed.stdout).toContain('provider=urzhar-education');
  expect(listed.stdout).toContain('Тоқтарова Г. Ә.');
  expect(listed.stdout).not.toContain(key.slice(20));

  expect((await qujat('api-key', 'revoke', id)).code).toBe(0);
  expect((await qujat('api-key', 'list')).stdout).toMatch(new RegExp(`${id}.*revoked`));
  const again = await qujat('api-key', 'revoke', id);
  expect(again.code).not.toBe(0);
  expect(again.stderr).toContain('API_KEY_NOT_FOUND');
});

it('refuses a scope that does not fit the role with both texts, and bad usage with exit 2', async () => {
  const noIin = await qujat('api-key', 'add', '--role', 'APPLICANT');
  expect(noIin.code).toBe(1);
  expect(noIin.stderr).toContain('API_KEY_SCOPE_INVALID');
  expect(noIin.stderr).toMatch(/kk: .+\n\s+ru: .+/);
  expect((await qujat('api-key')).code).toBe(2);
  expect((await qujat('api-key', 'add')).code).toBe(2);
});

it('writes one development key per role (staff per provider) once, readable only by its owner', async () => {
  expect((await qujat('init')).code).toBe(0);
  const file = path.join(data, 'keys', 'api-keys.json');
  const first = fs.readFileSync(file, 'utf8');
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const { keys } = JSON.parse(first) as { keys: Record<string, string | Record<string, string>> };
  expect(Object.keys(keys).sort()).toEqual(['APPLICANT', 'CON_OPERATOR', 'PROVIDER_EMPLOYEE', 'PROVIDER_HEAD', 'SYSTEM']);
  // One per provider of samples/providers.json: an issuing body of each seed act.
  expect(Object.keys(keys.PROVIDER_HEAD as Record<string, string>).sort()).toEqual([
    'aktobe-employment',
    'ekibastuz-employment',
    'mamlyut-employment',
    'pavlodar-employment',
    'urzhar-education',
    'urzhar-employment',
  ]);
  expect((await qujat('init')).code).toBe(0);
  expect(fs.readFileSync(file, 'utf8')).toBe(first);
});
