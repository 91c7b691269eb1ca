/**
 * A supervisor for one Chromium: reused pages, bounded concurrency and queue, a per-task
 * timeout, the browser recycled after N tasks and after a crash. It knows nothing of HTML,
 * templates or HTTP: callers hand it a task that receives a prepared page.
 */
import type { Browser, Page } from 'puppeteer-core';
import { defineError } from '../domain/index.js';
import type { Logger } from '../log/index.js';
import type { LaunchBrowser } from './chromium.js';

/** RenderQueueFullError: every slot is busy and the queue is at its limit; retry later. */
export const RenderQueueFullError = defineError<{ limit: number }>('RENDER_QUEUE_FULL', 'unavailable');
/** RenderTimeoutError: a task ran past the per-render timeout and its page was discarded. */
export const RenderTimeoutError = defineError<{ timeoutMs: number }>('RENDER_TIMEOUT', 'unavailable');
/** BrowserUnavailableError: the browser could not be started, crashed twice in a row, or the pool is closed. */
export const BrowserUnavailableError = defineError<{ reason: string }>('BROWSER_UNAVAILABLE', 'unavailable');

/** PoolConfig: the supervisor's knobs (config.render.pool). */
export interface PoolConfig {
  readonly concurrency: number;
  readonly queueLimit: number;
  readonly restartAfter: number;
  readonly timeoutMs: number;
}

/** PoolDeps: how to start a browser and how to make a fresh page ready for tasks. */
export interface PoolDeps {
  readonly launch: LaunchBrowser;
  readonly preparePage: (page: Page) => Promise<void>;
  readonly logger: Logger;
}

/** PoolStats: what /healthz and /metrics report. */
export interface PoolStats {
  readonly concurrency: number;
  readonly active: number;
  readonly queued: number;
  readonly idlePages: number;
  readonly completed: number;
  readonly failed: number;
  readonly timeouts: number;
  readonly rejected: number;
  readonly restarts: number;
  readonly crashes: number;
  /** pageCrashes: renderers of single pages that died while the browser lived on. */
  readonly pageCrashes: number;
  readonly sinceRestart: number;
}

/** BrowserPool runs tasks on pooled pages of one browser. */
export interface BrowserPool {
  run<T>(task: (page: Page) => Promise<T>): Promise<T>;
  /** warm starts the browser and prepares one page, so the first request does not pay for it. */
  warm(): Promise<void>;
  healthy(): boolean;
  stats(): PoolStats;
  close(): Promise<void>;
}

interface Generation {
  readonly id: number;
  readonly browser: Promise<Browser>;
  readonly idle: Page[];
  active: number;
  completed: number;
  retired: boolean;
  crashed: boolean;
}

class TaskTimeout extends Error {}
class BrowserCrashed extends Error {}

/** createBrowserPool builds the supervisor; the browser starts on the first task or on warm(). */
export function createBrowserPool(config: PoolConfig, deps: PoolDeps): BrowserPool {
  const { logger } = deps;
  const waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  let running = 0;
  let generation: Generation | null = null;
  let generationCount = 0;
  let closed = false;
  let lastLaunchFailed = false;
  const counters = { completed: 0, failed: 0, timeouts: 0, rejected: 0, restarts: 0, crashes: 0, pageCrashes: 0 };
  const allGenerations = new Set<Generation>();
  // A page whose renderer died never answers again (setContent waits forever), so it is marked
  // when puppeteer reports the crash and is never handed out again.
  const crashedPages = new WeakSet<Page>();

  function startGeneration(): Generation {
    const id = ++generationCount;
    if (id > 1) counters.restarts++;
    const browser = deps.launch();
    const created: Generation = { id, browser, idle: [], active: 0, completed: 0, retired: false, crashed: false };
    allGenerations.add(created);
    browser.then(
      (b) => {
        lastLaunchFailed = false;
        logger.info('render.browser.started', { generation: id, pid: b.process()?.pid });
        b.once('disconnected', () => {
          if (created.retired) return;
          created.crashed = true;
          created.retired = true;
          counters.crashes++;
          logger.warn('render.browser.crashed', { generation: id });
          if (generation === created) generation = null;
          // With a task in flight, its checkin retires the generation; an idle one has no one to.
          if (created.active === 0) allGenerations.delete(created);
        });
      },
      (error: unknown) => {
        lastLaunchFailed = true;
        created.retired = true;
        allGenerations.delete(created);
        if (generation === created) generation = null;
        logger.error('render.browser.launch_failed', { generation: id, error });
      },
    );
    return created;
  }

  async function retire(gen: Generation): Promise<void> {
    gen.retired = true;
    if (generation === gen) generation = null;
    if (gen.active > 0) return;
    allGenerations.delete(gen);
    const browser = await gen.browser.catch(() => null);
    await browser?.close().catch(() => undefined);
    logger.info('render.browser.retired', { generation: gen.id, completed: gen.completed });
  }

  async function acquireSlot(): Promise<void> {
    if (running < config.concurrency) {
      running++;
      return;
    }
    if (waiting.length >= config.queueLimit) {
      counters.rejected++;
      throw new RenderQueueFullError({ limit: config.queueLimit });
    }
    // The slot is handed over by releaseSlot, so `running` stays as it is.
    await new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
  }

  function releaseSlot(): void {
    const next = waiting.shift();
    if (next) next.resolve();
    else running--;
  }

  async function checkout(): Promise<{ gen: Generation; page: Page }> {
    const gen = generation ?? (generation = startGeneration());
    gen.active++;
    try {
      const browser = await gen.browser;
      for (let idle = gen.idle.pop(); idle; idle = gen.idle.pop()) {
        if (!crashedPages.has(idle)) return { gen, page: idle };
        void idle.close().catch(() => undefined);
      }
      const page = await browser.newPage();
      page.once('error', () => {
        crashedPages.add(page);
        counters.pageCrashes++;
        logger.warn('render.page.crashed', { generation: gen.id });
      });
      await untilCrash(page, deps.preparePage(page)).catch(async (error: unknown) => {
        await page.close().catch(() => undefined);
        throw error;
      });
      return { gen, page };
    } catch (error) {
      gen.active--;
      if (gen.active === 0 && gen.retired) void retire(gen);
      if (error instanceof BrowserCrashed) throw error;
      throw new BrowserUnavailableError({ reason: 'launch' }, { cause: error });
    }
  }

  function checkin(gen: Generation, page: Page, reusable: boolean): void {
    gen.active--;
    if (reusable && !gen.retired && !page.isClosed()) gen.idle.push(page);
    else void page.close().catch(() => undefined);
    if (!gen.retired && gen.completed >= config.restartAfter) void retire(gen);
    else if (gen.retired && gen.active === 0) void retire(gen);
  }

  async function withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TaskTimeout()), config.timeoutMs);
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** untilCrash is the work, or a BrowserCrashed as soon as the page's renderer dies (the work itself would only hang). */
  async function untilCrash<T>(page: Page, work: Promise<T>): Promise<T> {
    let onCrash = () => undefined as void;
    const crash = new Promise<never>((_, reject) => {
      onCrash = () => reject(new BrowserCrashed('the page crashed during a task'));
      page.once('error', onCrash);
    });
    try {
      return await Promise.race([work, crash]);
    } finally {
      page.off('error', onCrash);
    }
  }

  async function attempt<T>(task: (page: Page) => Promise<T>): Promise<T> {
    const { gen, page } = await checkout();
    try {
      const result = await withTimeout(untilCrash(page, task(page)));
      gen.completed++;
      counters.completed++;
      checkin(gen, page, true);
      return result;
    } catch (error) {
      checkin(gen, page, false);
      if (error instanceof TaskTimeout) {
        counters.timeouts++;
        throw new RenderTimeoutError({ timeoutMs: config.timeoutMs });
      }
      if (error instanceof BrowserCrashed) throw error;
      if (gen.crashed || crashedPages.has(page)) throw new BrowserCrashed('the browser or the page crashed during a task', { cause: error });
      throw error;
    }
  }

  return {
    async run(task) {
      if (closed) throw new BrowserUnavailableError({ reason: 'closed' });
      await acquireSlot();
      try {
        try {
          return await attempt(task);
        } catch (error) {
          // A crash takes down the page (or every page of the browser); the task itself was fine,
          // so it gets one more try on a fresh page instead of failing the caller.
          if (!(error instanceof BrowserCrashed) || closed) throw error;
          try {
            return await attempt(task);
          } catch (again) {
            if (again instanceof BrowserCrashed) throw new BrowserUnavailableError({ reason: 'crashed' }, { cause: again });
            throw again;
          }
        }
      } catch (error) {
        counters.failed++;
        throw error;
      } finally {
        releaseSlot();
      }
    },

    async warm() {
      await this.run(async () => undefined);
    },

    healthy() {
      return !closed && !lastLaunchFailed;
    },

    stats() {
      return {
        concurrency: config.concurrency,
        active: running,
        queued: waiting.length,
        idlePages: generation?.idle.length ?? 0,
        ...counters,
        sinceRestart: generation?.completed ?? 0,
      };
    },

    async close() {
      closed = true;
      for (const gen of allGenerations) gen.retired = true;
      for (const waiter of waiting.splice(0)) waiter.reject(new BrowserUnavailableError({ reason: 'closed' }));
      await Promise.all(
        [...allGenerations].map(async (gen) => {
          const browser = await gen.browser.catch(() => null);
          await browser?.close().catch(() => undefined);
        }),
      );
      allGenerations.clear();
      generation = null;
    },
  };
}
