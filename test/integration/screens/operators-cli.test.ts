/** `qujat operators` as an operator runs it: a real process over its own data directory. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeFile, ROOT } from '../../helpers/project.js';
import { buildDist, runProcess } from '../../helpers/run.js';

const BIN = path.join(ROOT, 'bin', 'qujat.js');
let data: string;

async function qujat(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = await runProcess(process.execPath, [BIN, 'operators', ...args], {
    env: { ...process.env, QUJAT_DATA_DIR: data, QUJAT_LOG_LEVEL: 'silent', ...options.env },
    input: options.input ?? '',
    timeoutMs: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  await buildDist();
  data = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-operators-'));
});
afterAll(() => {
  fs.rmSync(data, { recursive: true, force: true });
});

describe('qujat operators', () => {
  it('adds an account with the password from stdin or QUJAT_OPERATOR_PASSWORD, lists and disables it', async () => {
    expect((await qujat(['add', 'aigerim', '--role', 'PROVIDER_EMPLOYEE', '--provider', 'employment-ekibastuz', '--name', 'Айгерім'], { input: 'a-long-enough-password\n' })).code).toBe(0);
    expect((await qujat(['add', 'dana', '--role', 'PROVIDER_HEAD', '--provider', 'employment-ekibastuz'], { env: { QUJAT_OPERATOR_PASSWORD: 'another-long-password' } })).code).toBe(0);
    const list = await qujat(['list']);
    expect(list.stdout).toBe(
      'aigerim\tPROVIDER_EMPLOYEE\temployment-ekibastuz\tenabled\tАйгерім\ndana\tPROVIDER_HEAD\temployment-ekibastuz\tenabled\tdana\n',
    );
    expect((await qujat(['disable', 'dana'])).code).toBe(0);
    expect((await qujat(['list'])).stdout).toContain('dana\tPROVIDER_HEAD\temployment-ekibastuz\tdisabled');
  });

  it('refuses a short password, an unknown role, a taken username and an unknown account, in kk and ru', async () => {
    const errors = { kk: localeFile('kk', 'errors') as Record<string, string>, ru: localeFile('ru', 'errors') as Record<string, string> };
    const short = await qujat(['add', 'bolat', '--role', 'CON_OPERATOR', '--provider', 'con-1'], { input: 'short\n' });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain((errors.kk.INVALID_OPERATOR as string).replace('{{field}}', 'password'));
    expect(short.stderr).toContain((errors.ru.INVALID_OPERATOR as string).replace('{{field}}', 'password'));
    expect((await qujat(['add', 'bolat', '--role', 'SYSTEM', '--provider', 'con-1'], { input: 'a-long-enough-password' })).code).toBe(1);
    const taken = await qujat(['add', 'aigerim', '--role', 'CON_OPERATOR', '--provider', 'con-1'], { input: 'a-long-enough-password' });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('OPERATOR_EXISTS');
    expect((await qujat(['disable', 'nobody'])).code).toBe(1);
    expect((await qujat(['add', 'bolat'])).code).toBe(2);
  });

  it('creates the development accounts once, with random passwords kept in data/keys', async () => {
    const first = await qujat(['dev']);
    expect(first.code).toBe(0);
    const file = path.join(data, 'keys', 'dev-operators.json');
    const accounts = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ username: string; role: string; password: string }>;
    expect(accounts.map((a) => a.role).sort()).toEqual(['CON_OPERATOR', 'PROVIDER_EMPLOYEE', 'PROVIDER_EMPLOYEE', 'PROVIDER_HEAD']);
    for (const account of accounts) expect(account.password.length).toBeGreaterThanOrEqual(16);
    expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    const second = await qujat(['dev']);
    expect(second.stdout).toContain('complete');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(accounts);
  });
});
