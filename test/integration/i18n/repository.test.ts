/**
 * The real check over the real locales, templates and code: this is how `npm test` (and so CI)
 * runs `i18n:check`. Also the `qujat i18n check` command itself, from dist/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18nCodeLists } from '../../../src/compose.js';
import { checkRepository, formatReport } from '../../../src/i18n/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('i18n check on the repository', () => {
  it('finds no errors in locales/, templates/ and src/', () => {
    const report = checkRepository({ root: repo }, i18nCodeLists());
    // The report text is the assertion message: it names every file, key and rule.
    expect(report.errors, formatReport(report)).toBe(0);
    expect(report.namespaces).toEqual(expect.arrayContaining(['common', 'documents', 'errors', 'i18n', 'reasons', 'services', 'validation']));
    expect(report.keys.kk).toBe(report.keys.ru);
    expect(report.fonts.length).toBeGreaterThanOrEqual(4);
  });
});

describe('qujat i18n check', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(repo, 'bin/qujat.js'), 'i18n', ...args], { cwd: repo, encoding: 'utf8' });

  beforeAll(() => {
    execFileSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: repo });
  });

  it('exits 0 on the repository and prints the report as JSON with --json', () => {
    const run = cli('check', '--json');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { ok: boolean; errors: number; findings: unknown[] };
    expect(report).toMatchObject({ ok: true, errors: 0 });
  });

  it('exits 1 on a tree with errors, with a report grouped by file and key', () => {
    const run = cli('check', '--root', 'test/fixtures/i18n/keys/fail');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^i18n check: 2 errors/);
    expect(run.stdout).toContain('locales/ru/common.json\n  common:b.c\n    error   keys.missing           missing in ru (present in kk)');
  });

  it('exits 2 on a wrong verb', () => {
    expect(cli('fix').status).toBe(2);
  });
});
