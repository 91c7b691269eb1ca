/**
 * runProcess runs a command without blocking the test's event loop: a synchronous child process
 * that runs for a minute on a loaded machine starves vitest's worker RPC, which then fails the
 * whole run with «Timeout calling onTaskUpdate» although every test passed.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './project.js';

export interface ProcessResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; input?: string } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(options.input ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null;
    child.once('error', reject);
    child.once('close', (status) => {
      if (timer) clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** buildDist compiles what bin/qujat.js runs; tsc is incremental, so this is quick when nothing changed. */
export async function buildDist(): Promise<void> {
  const build = await runProcess(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT });
  if (build.status !== 0) throw new Error(`tsc failed: ${build.stdout}${build.stderr}`);
}
