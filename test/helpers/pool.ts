/** A real browser pool over the real Chromium and the real render page preparation. */
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { chromiumLauncher, createBrowserPool, loadAssets, pagePreparer, type BrowserPool, type PoolConfig } from '../../src/render/index.js';
import { CHROMIUM, ROOT } from './project.js';
import { silentLogger } from './silent-logger.js';

/** TrackedPool is a pool with the browsers it launched, so a test can kill one. */
export interface TrackedPool {
  readonly pool: BrowserPool;
  readonly browsers: Browser[];
}

/** startPool builds a pool as compose does, recording every browser the launcher starts. */
export function startPool(config: Partial<PoolConfig> = {}): TrackedPool {
  const browsers: Browser[] = [];
  const launch = chromiumLauncher(CHROMIUM);
  const pool = createBrowserPool(
    { concurrency: 1, queueLimit: 8, restartAfter: 1000, timeoutMs: 30_000, ...config },
    {
      launch: async () => {
        const browser = await launch();
        browsers.push(browser);
        return browser;
      },
      preparePage: pagePreparer(loadAssets(path.join(ROOT, 'fonts'))),
      logger: silentLogger,
    },
  );
  return { pool, browsers };
}
