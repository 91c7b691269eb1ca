/** `qujat catalog check` as an operator runs it: on the repository, and on a providers file that breaks a binding. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/project.js';
import { startTestService } from '../helpers/service.js';
import { buildDist, runProcess } from '../helpers/run.js';

const BIN = path.join(ROOT, 'bin', 'qujat.js');
let workDir: string;

async function check(env: Record<string, string> = {}) {
  const result = await runProcess(process.execPath, [BIN, 'catalog', 'check'], { cwd: workDir, env: { ...process.env, QUJAT_LOG_LEVEL: 'silent', ...env }, timeoutMs: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  await buildDist();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-catalog-'));
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('qujat catalog check', () => {
  it('passes on the repository and warns of every provider bound to a repealed act', async () => {
    const { code, stdout, stderr } = await check();
    expect(code).toBe(0);
    expect(stdout).toContain('catalogue ok: 3 services');
    expect(stdout).toContain('10 regulations');
    const warnings = stderr.trim().split('\n');
    expect(warnings.every((line) => line.startsWith('warning: ') && line.includes(': REPEALED_ACT: '))).toBe(true);
    expect(stderr).toContain('warning: unemployed-certificate: REPEALED_ACT: provider mamlyut-employment: works under unemployed-certificate/mamlyut-2012, whose act mamlyut-2012-346 was repealed on 2013-05-21 (№ 153)');
  });

  it('fails on a providers file whose provider names a regulation the service does not have', async () => {
    const providers = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples', 'providers.json'), 'utf8')) as Array<{ id: string; regulations: Record<string, string> }>;
    providers[0]!.regulations['unemployed-certificate'] = 'unemployed-certificate/astana-2020';
    const file = path.join(workDir, 'providers.json');
    fs.writeFileSync(file, JSON.stringify(providers));
    const { code, stdout, stderr } = await check({ QUJAT_PROVIDERS_FILE: file });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'error: unemployed-certificate: UNKNOWN_REGULATION: provider ekibastuz-employment: works under unemployed-certificate/astana-2020, which is not a regulation of unemployed-certificate',
    );
    // The service does not start on that file: every intake there would fail.
    await expect(startTestService('catalog-bad-providers', { env: { QUJAT_PROVIDERS_FILE: file } })).rejects.toThrow(
      /QUJAT_PROVIDERS_FILE .*UNKNOWN_REGULATION: provider ekibastuz-employment/,
    );
  });
});
