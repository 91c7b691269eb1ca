/** The real service, built by the composition root exactly as `qujat serve` builds it, over its own data directory. */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { compose, type Service } from '../../src/compose.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import { initDevelopmentKeys } from '../../src/sign/index.js';
import type { Clock } from '../../src/usecases/index.js';
import { CHROMIUM, ROOT } from './project.js';
import { silentLogger } from './silent-logger.js';

export { ROOT };

/**
 * TEST_EPOCH: where the clocks of the screen services start, so what their data make of the date
 * (a child's age in the queue, the year in a number) does not move with the day the suite runs.
 */
export const TEST_EPOCH = '2026-11-23T04:00:00Z';

/** RunningClock runs with the wall clock from its start; advance moves it on. */
export interface RunningClock extends Clock {
  advance(ms: number): void;
}

export function runningClock(start: string = TEST_EPOCH): RunningClock {
  const offset = Date.parse(start) - Date.now();
  let moved = 0;
  return {
    now: () => new Date(Date.now() + offset + moved),
    advance: (ms) => {
      moved += ms;
    },
  };
}

const LAST_YEAR = new Date().getUTCFullYear() - 1;
/** PAST_PERIOD: the first half of last year, a registration period already past on any date, for services on the real clock. */
export const PAST_PERIOD = { from: `${LAST_YEAR}-01-01`, to: `${LAST_YEAR}-06-30` } as const;

/** testConfig makes a fresh data directory (development keys included) and test-sized settings over it. */
export async function testConfig(name: string, env: Record<string, string> = {}, clock?: Clock): Promise<Config> {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), `qujat-${name}-`));
  // Keys and CRL made at the service's clock: a test on a fixed clock verifies what it signed.
  await initDevelopmentKeys(path.join(data, 'keys'), clock ? { now: clock.now() } : {});
  return loadConfig(
    { QUJAT_CHROMIUM: CHROMIUM, QUJAT_RENDER_CONCURRENCY: '2', QUJAT_LOG_LEVEL: 'silent', QUJAT_DATA_DIR: data, ...env },
    { cores: 2, cwd: ROOT },
  );
}

/** startTestService composes the whole service over a fresh data directory. */
export async function startTestService(name: string, options: { env?: Record<string, string>; clock?: Clock } = {}): Promise<Service> {
  const config = await testConfig(name, options.env, options.clock);
  return compose(config, { logger: silentLogger, ...(options.clock ? { clock: options.clock } : {}) });
}

/** startService is startTestService with environment variables named as an operator would set them. */
export function startService(env: Record<string, string> = {}): Promise<Service> {
  return startTestService('service', { env });
}

/** HttpHandle is a listening app and its base URL. */
export interface HttpHandle {
  readonly url: string;
  close(): Promise<void>;
}

/** listen starts the app on 127.0.0.1 with a port the system picks. */
export async function listen(service: Service): Promise<HttpHandle> {
  const server: Server = service.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** systemKey makes an API key of the SYSTEM role (a workflow system) on the service: issuing and reading documents. */
export async function systemKey(service: Service): Promise<string> {
  return (await service.apiKeys.add({ role: 'SYSTEM', label: 'test' })).key;
}
