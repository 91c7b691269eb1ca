/**
 * Crash safety: the real server (`qujat serve`) under a load of transitions, some of which issue
 * documents, is killed with SIGKILL mid-load and restarted on the same data. Every acknowledged
 * transition is there, none is half-applied, no document exists without its transition and no
 * issued state without its document.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';
import { openDatabase } from '../../../src/store/index.js';
import { CHROMIUM, ROOT } from '../../helpers/project.js';
import { buildDist, runProcess } from '../../helpers/run.js';
import { PAST_PERIOD } from '../../helpers/service.js';
import { silentLogger } from '../../helpers/silent-logger.js';

const BIN = path.join(ROOT, 'bin', 'qujat.js');
const PROVIDER = 'ekibastuz-employment';
/** FLOW: the provider-desk path of the unemployed certificate; SIGN issues the certificate. */
const FLOW = ['REGISTER', 'TAKE_INTO_WORK', 'APPROVE', 'SIGN', 'ISSUE_AT_DESK'] as const;
const WORKERS = 6;

let data: string;
let env: NodeJS.ProcessEnv;
let server: ChildProcess | null = null;
let url: string;
let employee: string;
let system: string;

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** start spawns `qujat serve` in its own process group (so that SIGKILL reaches its Chromium too) and waits for /readyz. */
async function start(): Promise<void> {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  server = child;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`qujat serve exited ${child.exitCode}: ${stderr}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function killHard(): Promise<void> {
  const child = server;
  if (!child?.pid) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGKILL');
  await exited;
  server = null;
}

async function stopGently(): Promise<void> {
  const child = server;
  if (!child?.pid) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  server = null;
}

beforeAll(async () => {
  await buildDist();
  data = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-crash-'));
  env = { ...process.env, QUJAT_DATA_DIR: data, QUJAT_CHROMIUM: CHROMIUM, QUJAT_LOG_LEVEL: 'silent', QUJAT_RENDER_CONCURRENCY: '2' };
  const init = await runProcess(process.execPath, [BIN, 'keys', 'init'], { env, cwd: data });
  if (init.status !== 0) throw new Error(`keys init failed: ${init.stderr}`);
  const keys = JSON.parse(fs.readFileSync(path.join(data, 'keys', 'api-keys.json'), 'utf8')) as {
    keys: { SYSTEM: string; PROVIDER_EMPLOYEE: Record<string, string> };
  };
  system = keys.keys.SYSTEM;
  employee = keys.keys.PROVIDER_EMPLOYEE[PROVIDER] as string;
});

afterAll(async () => {
  if (server?.pid) await killHard();
  fs.rmSync(data, { recursive: true, force: true });
});

// The real server runs on the real clock: the period is one already past on any date.
const FORM = { iin: '880412301010', fullName: 'Омаров Ерлан Серікұлы', period: PAST_PERIOD };

async function post(pathname: string, body: unknown): Promise<{ number: string } | null> {
  try {
    const response = await fetch(`${url}${pathname}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${employee}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${pathname}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { number: string };
  } catch (error) {
    // A refused or reset connection is the kill; anything else is a failure of the test.
    if (error instanceof TypeError) return null;
    throw error;
  }
}

interface ApplicationJson {
  number: string;
  state: string;
  history: Array<{ action: string; from: string; to: string }>;
  documents: Array<{ number: string; kind: string }>;
}

async function get<T>(pathname: string): Promise<T> {
  const response = await fetch(`${url}${pathname}`, { headers: { authorization: `Bearer ${system}` } });
  expect(response.status, pathname).toBe(200);
  return (await response.json()) as T;
}

it('keeps every acknowledged transition and none half-applied after kill -9', async () => {
  await start();
  /** acknowledged: per application number, the actions the server answered 2xx to, in order. */
  const acknowledged = new Map<string, string[]>();
  let acks = 0;
  let signed = 0;
  let killed = false;

  const worker = async () => {
    while (!killed) {
      const created = await post('/v1/applications', { serviceId: 'unemployed-certificate', channel: 'provider', providerId: PROVIDER, language: 'kk', form: FORM });
      if (!created) return;
      const actions: string[] = [];
      acknowledged.set(created.number, actions);
      for (const action of FLOW) {
        const done = await post(`/v1/applications/${created.number}/actions/${action}`, action === 'SIGN' ? { document: { registeredFrom: '2025-10-01' } } : {});
        if (!done) return;
        actions.push(action);
        acks++;
        if (action === 'SIGN') signed++;
      }
    }
  };
  const load = Promise.all(Array.from({ length: WORKERS }, worker));
  // Kill once the load has gone some way, with documents issued and more being issued.
  while (acks < 40 || signed < 3) await new Promise((resolve) => setTimeout(resolve, 20));
  killed = true;
  await killHard();
  await load;

  await start();
  const all: ApplicationJson[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Array<{ number: string }>; nextCursor: string | null } = await get(`/v1/applications?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    for (const item of page.items) all.push(await get<ApplicationJson>(`/v1/applications/${item.number}`));
    cursor = page.nextCursor;
  } while (cursor);

  expect(all.length).toBeGreaterThanOrEqual(acknowledged.size);
  let documents = 0;
  for (const application of all) {
    const transitions = application.history.filter((h) => (FLOW as readonly string[]).includes(h.action)).map((h) => h.action);
    const acked = acknowledged.get(application.number) ?? [];
    // Every acknowledged transition is there, in order; at most one more, answered as the server died.
    expect(transitions.slice(0, acked.length), application.number).toEqual(acked);
    expect(transitions.length - acked.length).toBeLessThanOrEqual(1);
    expect(transitions).toEqual(FLOW.slice(0, transitions.length));
    // Not half-applied: the state is where the history ends.
    expect(application.history.at(-1)?.to).toBe(application.state);
    // A certificate exactly when SIGN is in the history, and its files are in the registry.
    const certificates = application.documents.filter((d) => d.kind === 'unemployed-certificate');
    expect(certificates.length, application.number).toBe(transitions.includes('SIGN') ? 1 : 0);
    if (['RESULT_SIGNED', 'ISSUED'].includes(application.state)) expect(certificates).toHaveLength(1);
    for (const certificate of certificates) {
      const pdf = await fetch(`${url}/v1/documents/${certificate.number}.pdf`, { headers: { authorization: `Bearer ${system}` } });
      expect(pdf.status).toBe(200);
      await pdf.arrayBuffer();
    }
    documents += application.documents.length;
  }
  expect(acknowledged.size).toBeGreaterThan(0);
  await stopGently();

  // No document in the registry that no application's transition issued.
  const config = loadConfig({ QUJAT_DATA_DIR: data }, { cores: 1, cwd: ROOT });
  const db = await openDatabase({ sqlitePath: path.join(config.paths.data, 'qujat.db') }, { logger: silentLogger });
  try {
    const registered = await db.kysely.selectFrom('issued_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const linked = await db.kysely.selectFrom('application_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(registered.n)).toBe(documents);
    expect(Number(linked.n)).toBe(documents);
  } finally {
    await db.destroy();
  }
});
