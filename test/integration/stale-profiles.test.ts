/**
 * A killed `qujat serve` leaves its Chromium profile behind; the next start removes it, and only
 * it: a running process's profile, and directories not named like ours, stay. Runs dist/ (build first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleProfiles } from '../../src/render/index.js';
import { initDevelopmentKeys } from '../../src/sign/index.js';
import { CHROMIUM, ROOT } from '../helpers/project.js';

const started: ChildProcess[] = [];

afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
});

/** serve starts `qujat serve` in its own process group and resolves with its log once it listens. */
function serve(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; log: () => string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/qujat.js'), 'serve', '--port', '0'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  started.push(child);
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      log += chunk;
      if (log.includes('"http.listening"')) resolve({ child, log: () => log });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${log}`)));
  });
}

/** deadPid: the id of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('stale Chromium profiles', () => {
  it('are removed by name and owner only', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-profiles-'));
    const dead = `qujat-chromium-${await deadPid()}-Ab12Cd`;
    const alive = `qujat-chromium-${process.pid}-Ab12Cd`;
    for (const name of [dead, alive, 'qujat-chromium-Ab12Cd', 'someone-else']) fs.mkdirSync(path.join(root, name));
    expect(removeStaleProfiles(root)).toEqual([dead]);
    expect(fs.readdirSync(root).sort()).toEqual([alive, 'qujat-chromium-Ab12Cd', 'someone-else'].sort());
  });

  it('of a killed server are removed when the next one starts', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-serve-tmp-'));
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-serve-data-'));
    await initDevelopmentKeys(path.join(data, 'keys'));
    const env = { ...process.env, TMPDIR: tmp, QUJAT_DATA_DIR: data, QUJAT_CHROMIUM: CHROMIUM, QUJAT_RENDER_CONCURRENCY: '1', QUJAT_LOG_LEVEL: 'info' };
    const first = await serve(env);
    const profiles = fs.readdirSync(tmp).filter((name) => name.startsWith('qujat-chromium-'));
    expect(profiles).toEqual([expect.stringMatching(new RegExp(`^qujat-chromium-${first.child.pid}-`))]);
    // Killed with its browser, as a crash or an OOM kill would: nothing gets to clean up.
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    process.kill(-first.child.pid!, 'SIGKILL');
    await exited;
    expect(fs.readdirSync(tmp)).toEqual(expect.arrayContaining(profiles));
    const second = await serve(env);
    expect(second.log()).toContain('"render.stale_profiles_removed"');
    const now = fs.readdirSync(tmp).filter((name) => name.startsWith('qujat-chromium-'));
    expect(now).not.toContain(profiles[0]);
    expect(now).toEqual([expect.stringMatching(new RegExp(`^qujat-chromium-${second.child.pid}-`))]);
    const stopped = new Promise((resolve) => second.child.once('exit', resolve));
    process.kill(second.child.pid!, 'SIGTERM');
    await stopped;
  });
});
