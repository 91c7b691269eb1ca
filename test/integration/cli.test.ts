/** The `qujat` command as an operator runs it: a real process, from another directory. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPdf, pdfPages, pdfText } from '../helpers/poppler.js';
import { CHROMIUM, localeFile, ROOT, sample } from '../helpers/project.js';
import { buildDist, runProcess } from '../helpers/run.js';

const BIN = path.join(ROOT, 'bin', 'qujat.js');
let workDir: string;

async function qujat(...args: string[]) {
  const result = await runProcess(process.execPath, [BIN, ...args], {
    cwd: workDir,
    env: { ...process.env, QUJAT_CHROMIUM: CHROMIUM, QUJAT_LOG_LEVEL: 'silent' },
    timeoutMs: 90_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  await buildDist();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-cli-'));
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('qujat render', () => {
  it('renders a sample to a PDF and exits 0', async () => {
    const input = path.join(ROOT, 'samples', 'documents', 'unemployed-certificate.kk+ru.json');
    const { code, stdout, stderr } = await qujat('render', input, '--out', 'x.pdf');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const bytes = new Uint8Array(fs.readFileSync(path.join(workDir, 'x.pdf')));
    expect(isPdf(bytes)).toBe(true);
    expect(pdfPages(bytes)).toBe(1);
    const number = stdout.split(' ')[0]!;
    expect(number).toMatch(/^\d{12}$/);
    expect(pdfText(bytes)).toContain(number);
  });

  it('prints the metadata as JSON with --json', async () => {
    const input = path.join(ROOT, 'samples', 'documents', 'unemployed-certificate.ru.json');
    const { code, stdout } = await qujat('render', input, '--out', 'ru.pdf', '--json');
    expect(code).toBe(0);
    const metadata = JSON.parse(stdout) as { pages: number; bytes: number; language: string };
    expect(metadata.language).toBe('ru');
    expect(metadata.bytes).toBe(fs.statSync(path.join(workDir, 'ru.pdf')).size);
    expect(metadata.pages).toBe(pdfPages(new Uint8Array(fs.readFileSync(path.join(workDir, 'ru.pdf')))));
  });

  it('exits 1 on invalid input and prints the Kazakh and Russian texts', async () => {
    const request = sample('kk+ru');
    (request.data.applicant as { iin: string }).iin = '061211600013';
    fs.writeFileSync(path.join(workDir, 'bad.json'), JSON.stringify(request));
    const { code, stderr } = await qujat('render', 'bad.json', '--out', 'bad.pdf');
    expect(code).toBe(1);
    expect(stderr).toContain('INVALID_INPUT');
    expect(stderr).toContain('data.applicant.iin');
    for (const language of ['kk', 'ru'] as const) {
      expect(stderr).toContain(String(localeFile(language, 'errors').INVALID_INPUT));
      expect(stderr).toContain(String(localeFile(language, 'validation').INVALID_IIN));
    }
    expect(fs.existsSync(path.join(workDir, 'bad.pdf'))).toBe(false);
  });

  it('exits 1 on an unknown kind, with both texts', async () => {
    fs.writeFileSync(path.join(workDir, 'kind.json'), JSON.stringify({ ...sample('kk'), kind: 'passport' }));
    const { code, stderr } = await qujat('render', 'kind.json', '--out', 'kind.pdf');
    expect(code).toBe(1);
    expect(stderr).toContain('UNKNOWN_DOCUMENT_KIND');
    expect(stderr).toMatch(/kk: .*passport/);
    expect(stderr).toMatch(/ru: .*passport/);
  });

  it('exits 2 with usage when arguments are missing or wrong', async () => {
    const none = await qujat();
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('usage');
    expect((await qujat('render')).code).toBe(2);
    expect((await qujat('render', 'only-input.json')).code).toBe(2);
    expect((await qujat('render', 'a.json', '--out', 'a.pdf', '--colour')).code).toBe(2);
    expect((await qujat('frobnicate')).code).toBe(2);
  });

  it('exits 2 when the input file is not JSON', async () => {
    fs.writeFileSync(path.join(workDir, 'text.json'), 'not json');
    const { code, stderr } = await qujat('render', 'text.json', '--out', 'text.pdf');
    expect(code).toBe(2);
    expect(stderr).toContain('text.json');
  });
});
