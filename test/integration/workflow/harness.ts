/**
 * The workflow tests' harnesses: each test composes the use cases on a fresh database of its
 * dialect, while one render pool of one page serves the whole file, so Chromium starts once.
 */
import { afterAll, beforeAll } from 'vitest';
import type { BrowserPool } from '../../../src/render/index.js';
import { startApplications, type Harness } from '../../helpers/applications.js';
import type { TestDialect } from '../../helpers/databases.js';
import { startPool } from '../../helpers/pool.js';

/**
 * harnessesOnSharedPool registers the file's render pool (started before its tests, closed after
 * them) and returns the starter of a harness on it; call it at the top level of a test file.
 */
export function harnessesOnSharedPool(): (dialect: TestDialect) => Promise<Harness> {
  let pool: BrowserPool | undefined;
  beforeAll(() => {
    pool = startPool({ concurrency: 1 }).pool;
  });
  afterAll(async () => pool?.close());
  return (dialect) => {
    if (!pool) throw new Error('a harness is started in a test, after the render pool (beforeAll)');
    return startApplications(dialect, pool);
  };
}
