/**
 * The browser pool over the real Chromium: bounded queue, timeout, recycling, crashes (the
 * browser killed with SIGKILL between and during tasks), the concurrency limit and close().
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { AppError } from '../../src/domain/index.js';
import { createPdfEngine } from '../../src/render/index.js';
import { isPdf, pdfText } from '../helpers/poppler.js';
import { sample } from '../helpers/project.js';
import { startPool, type TrackedPool } from '../helpers/pool.js';
import { listen, startService, systemKey } from '../helpers/service.js';

const HTML = '<!doctype html><html><head><meta charset="utf-8"></head><body><p>Анықтама №1</p></body></html>';

/** print is what the PdfEngine asks of a page. */
async function print(page: Page, html = HTML): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: 'load' });
  return page.pdf({ format: 'A4' });
}

/** gate is a promise a test opens when it wants. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('the task did not fail');
}

function kill(tracked: TrackedPool, index: number): Promise<void> {
  const browser = tracked.browsers[index]!;
  const pid = browser.process()?.pid;
  expect(pid).toBeGreaterThan(0);
  const disconnected = browser.connected
    ? new Promise<void>((resolve) => browser.once('disconnected', () => resolve()))
    : Promise.resolve();
  process.kill(pid!, 'SIGKILL');
  return disconnected;
}

/** crashPage makes the page's renderer die, as an out-of-memory or a renderer bug would. */
async function crashPage(page: Page): Promise<void> {
  const crashed = new Promise<void>((resolve) => page.once('error', () => resolve()));
  const session = await page.createCDPSession();
  void session.send('Page.crash').catch(() => undefined);
  await crashed;
}

/** processes: pid → [parent pid, command line] of every process this machine shows. */
function processes(): Map<number, [number, string]> {
  const found = new Map<number, [number, string]>();
  for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      found.set(Number(entry), [parent, fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ')]);
    } catch {
      // The process ended while the list was read.
    }
  }
  return found;
}

/** killRenderers SIGKILLs the renderer processes of the browsers this test process started, and counts them. */
function killRenderers(): number {
  const all = processes();
  const ours = new Set<number>([process.pid]);
  let added = true;
  while (added) {
    added = false;
    for (const [pid, [parent]] of all) if (ours.has(parent) && !ours.has(pid)) ours.add(pid), (added = true);
  }
  const renderers = [...ours].filter((pid) => all.get(pid)?.[1].includes('--type=renderer'));
  for (const pid of renderers) process.kill(pid, 'SIGKILL');
  return renderers.length;
}

let tracked: TrackedPool | undefined;

afterEach(async () => {
  await tracked?.pool.close();
  tracked = undefined;
});

describe('browser pool', () => {
  it('queues up to the limit and rejects the next task with RENDER_QUEUE_FULL', async () => {
    tracked = startPool({ concurrency: 1, queueLimit: 1 });
    const { pool } = tracked;
    const slow = gate();
    const started = gate();
    const first = pool.run(async (page) => {
      started.open();
      await slow.promise;
      return print(page);
    });
    await started.promise;
    const second = pool.run((page) => print(page));
    expect(pool.stats()).toMatchObject({ active: 1, queued: 1 });
    expect(await codeOf(pool.run((page) => print(page)))).toBe('RENDER_QUEUE_FULL');
    slow.open();
    expect(isPdf(await first)).toBe(true);
    expect(isPdf(await second)).toBe(true);
    expect(pool.stats()).toMatchObject({ rejected: 1, completed: 2, active: 0, queued: 0 });
  });

  it('answers a full queue over HTTP with 503, Retry-After and a bilingual body', async () => {
    const service = await startService({ QUJAT_RENDER_CONCURRENCY: '1', QUJAT_RENDER_QUEUE_LIMIT: '1', QUJAT_RETRY_AFTER_SECONDS: '7' });
    const http = await listen(service);
    const key = await systemKey(service);
    try {
      const hold = gate();
      const started = gate();
      const busy = service.pool.run(async () => {
        started.open();
        await hold.promise;
      });
      await started.promise;
      const queued = service.pool.run(async () => undefined);
      const response = await fetch(`${http.url}/v1/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(sample('kk+ru')),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('7');
      const body = (await response.json()) as { error: { code: string; message: { kk: string; ru: string } } };
      expect(body.error.code).toBe('RENDER_QUEUE_FULL');
      expect(body.error.message.kk).toContain('1');
      expect(body.error.message.kk).toMatch(/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/u);
      expect(body.error.message.ru).toMatch(/[а-я]/u);
      hold.open();
      await Promise.all([busy, queued]);
      const again = await fetch(`${http.url}/v1/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(sample('kk+ru')),
      });
      expect(again.status).toBe(201);
      expect(isPdf(new Uint8Array(await again.arrayBuffer()))).toBe(true);
    } finally {
      await http.close();
      await service.stop();
    }
  });

  it('answers 503 with a bilingual body when Chromium cannot start, and /readyz says so', async () => {
    const service = await startService({ QUJAT_CHROMIUM: '/nonexistent/chromium' });
    const http = await listen(service);
    const key = await systemKey(service);
    try {
      expect(service.chromium.found).toBeNull();
      const response = await fetch(`${http.url}/v1/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(sample('kk')),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      const body = (await response.json()) as { error: { code: string; message: { kk: string; ru: string } } };
      expect(body.error.code).toBe('BROWSER_UNAVAILABLE');
      expect(body.error.message.kk).not.toBe('');
      expect(body.error.message.ru).not.toBe('');
      const ready = await fetch(`${http.url}/readyz`);
      expect(ready.status).toBe(503);
      const health = await fetch(`${http.url}/healthz`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { render: { healthy: boolean; failed: number } }).render).toMatchObject({ healthy: false, failed: 1 });
    } finally {
      await http.close();
      await service.stop();
    }
  });

  it('fails a task past the timeout with RENDER_TIMEOUT and runs the next one', async () => {
    // Long enough for a real print on a loaded machine, short enough for the hanging task.
    tracked = startPool({ concurrency: 1, timeoutMs: 3000 });
    const { pool } = tracked;
    expect(await codeOf(pool.run(() => new Promise<never>(() => undefined)))).toBe('RENDER_TIMEOUT');
    expect(pool.stats().timeouts).toBe(1);
    const bytes = await pool.run((page) => print(page));
    expect(pdfText(bytes)).toContain('Анықтама №1');
    expect(pool.stats()).toMatchObject({ completed: 1, failed: 1, active: 0 });
  });

  it('recycles the browser after N tasks and every task succeeds', async () => {
    tracked = startPool({ concurrency: 1, restartAfter: 3 });
    const { pool, browsers } = tracked;
    for (let i = 0; i < 7; i++) {
      const bytes = await pool.run((page) => print(page, HTML.replace('№1', `№${i}`)));
      expect(pdfText(bytes)).toContain(`Анықтама №${i}`);
    }
    expect(pool.stats().restarts).toBeGreaterThanOrEqual(2);
    expect(pool.stats()).toMatchObject({ completed: 7, failed: 0, crashes: 0 });
    expect(browsers).toHaveLength(3);
    await expect.poll(() => browsers.slice(0, 2).every((b) => !b.connected)).toBe(true);
  });

  it('recovers from a browser killed between tasks', async () => {
    tracked = startPool({ concurrency: 1 });
    const { pool, browsers } = tracked;
    expect(isPdf(await pool.run((page) => print(page)))).toBe(true);
    await kill(tracked, 0);
    expect(pool.stats().crashes).toBe(1);
    expect(pdfText(await pool.run((page) => print(page)))).toContain('Анықтама №1');
    expect(browsers).toHaveLength(2);
    expect(pool.healthy()).toBe(true);
  });

  it('recovers when the next task arrives before the browser is seen to be dead', async () => {
    tracked = startPool({ concurrency: 1 });
    const { pool } = tracked;
    expect(isPdf(await pool.run((page) => print(page)))).toBe(true);
    const dead = kill(tracked, 0);
    const bytes = await pool.run((page) => print(page));
    await dead;
    expect(pdfText(bytes)).toContain('Анықтама №1');
    expect(pool.stats()).toMatchObject({ crashes: 1, failed: 0 });
  });

  it('retries the task in flight once when the browser is killed during it', async () => {
    tracked = startPool({ concurrency: 1 });
    const { pool, browsers } = tracked;
    let calls = 0;
    const bytes = await pool.run(async (page) => {
      calls++;
      if (calls === 1) await kill(tracked!, 0);
      return print(page);
    });
    expect(calls).toBe(2);
    expect(pdfText(bytes)).toContain('Анықтама №1');
    expect(browsers).toHaveLength(2);
    expect(pool.stats()).toMatchObject({ crashes: 1, completed: 1, failed: 0 });
  });

  it('gives up with BROWSER_UNAVAILABLE when the retry crashes too', async () => {
    tracked = startPool({ concurrency: 1 });
    const { pool, browsers } = tracked;
    let calls = 0;
    const code = await codeOf(
      pool.run(async (page) => {
        calls++;
        await kill(tracked!, browsers.length - 1);
        return print(page);
      }),
    );
    expect(code).toBe('BROWSER_UNAVAILABLE');
    expect(calls).toBe(2);
    expect(pool.stats().crashes).toBe(2);
    expect(isPdf(await pool.run((page) => print(page)))).toBe(true);
  });

  it('retries the task once on a fresh page when its renderer crashes mid-print', async () => {
    tracked = startPool({ concurrency: 1 });
    const { pool, browsers } = tracked;
    let calls = 0;
    const bytes = await pool.run(async (page) => {
      calls++;
      await page.setContent(HTML, { waitUntil: 'load' });
      if (calls === 1) await crashPage(page);
      return page.pdf({ format: 'A4' });
    });
    expect(calls).toBe(2);
    expect(pdfText(bytes)).toContain('Анықтама №1');
    expect(browsers).toHaveLength(1);
    expect(pool.stats()).toMatchObject({ pageCrashes: 1, crashes: 0, completed: 1, failed: 0 });
  });

  it('gives up with BROWSER_UNAVAILABLE when the fresh page crashes too, and prints again after', async () => {
    tracked = startPool({ concurrency: 1 });
    const { pool } = tracked;
    let calls = 0;
    const code = await codeOf(
      pool.run(async (page) => {
        calls++;
        await crashPage(page);
        return print(page);
      }),
    );
    expect(code).toBe('BROWSER_UNAVAILABLE');
    expect(calls).toBe(2);
    expect(pool.stats()).toMatchObject({ pageCrashes: 2, failed: 1 });
    expect(isPdf(await pool.run((page) => print(page)))).toBe(true);
  });

  it('never hands out again a page whose renderer died while it was idle', async () => {
    tracked = startPool({ concurrency: 1 });
    const { pool, browsers } = tracked;
    await pool.warm();
    const [idle] = (await browsers[0]!.pages()).filter((page) => page.url() !== '' && !page.isClosed()).slice(-1);
    await crashPage(idle!);
    let calls = 0;
    const bytes = await pool.run(async (page) => {
      calls++;
      expect(page).not.toBe(idle);
      return print(page);
    });
    expect(calls).toBe(1);
    expect(pdfText(bytes)).toContain('Анықтама №1');
  });

  it('over HTTP, prints on a fresh page after the renderer of the pooled page was killed', async () => {
    const service = await startService({ QUJAT_RENDER_CONCURRENCY: '1', QUJAT_RENDER_TIMEOUT_MS: '20000' });
    const http = await listen(service);
    const key = await systemKey(service);
    const issue = () =>
      fetch(`${http.url}/v1/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(sample('kk+ru')),
      });
    try {
      const first = await issue();
      expect(first.status).toBe(201);
      await first.arrayBuffer();
      // The pooled page's renderer dies between two prints: the next print gets a fresh page.
      expect(killRenderers()).toBeGreaterThan(0);
      const after = await issue();
      expect(after.status).toBe(201);
      expect(isPdf(new Uint8Array(await after.arrayBuffer()))).toBe(true);
      const again = await issue();
      expect(again.status).toBe(201);
      await again.arrayBuffer();
    } finally {
      await http.close();
      await service.stop();
    }
  });

  it('never runs more tasks at once than its concurrency', async () => {
    tracked = startPool({ concurrency: 2, queueLimit: 20 });
    const { pool } = tracked;
    let inFlight = 0;
    let maxInFlight = 0;
    let maxActive = 0;
    const engine = createPdfEngine(pool);
    const tasks = Array.from({ length: 12 }, (_, i) =>
      pool.run(async (page) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        maxActive = Math.max(maxActive, pool.stats().active);
        try {
          return await print(page, HTML.replace('№1', `№${i}`));
        } finally {
          inFlight--;
        }
      }),
    );
    const results = await Promise.all(tasks);
    results.forEach((bytes, i) => expect(pdfText(bytes)).toContain(`Анықтама №${i}`));
    expect(maxInFlight).toBe(2);
    expect(maxActive).toBeLessThanOrEqual(2);
    expect(pool.stats()).toMatchObject({ active: 0, queued: 0, completed: 12 });
    expect((await engine.print(HTML)).pages).toBe(1);
  });

  it('rejects queued tasks with BROWSER_UNAVAILABLE on close, and every later task', async () => {
    tracked = startPool({ concurrency: 1, queueLimit: 5 });
    const { pool } = tracked;
    const hold = gate();
    const started = gate();
    const active = pool.run(async () => {
      started.open();
      await hold.promise;
      return 'finished';
    });
    await started.promise;
    const queued = [1, 2, 3].map(() => pool.run((page) => print(page)));
    const codes = queued.map((task) => codeOf(task));
    const closing = pool.close();
    expect(await Promise.all(codes)).toEqual(['BROWSER_UNAVAILABLE', 'BROWSER_UNAVAILABLE', 'BROWSER_UNAVAILABLE']);
    hold.open();
    await closing;
    await active.catch(() => undefined);
    expect(await codeOf(pool.run((page) => print(page)))).toBe('BROWSER_UNAVAILABLE');
    expect(pool.healthy()).toBe(false);
    expect(tracked.browsers.every((b) => !b.connected)).toBe(true);
  });
});
