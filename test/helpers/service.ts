/** A composed Qujat for integration tests: its own data directory with development keys, the real everything else. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compose, type Service } from '../../src/compose.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import { createLogger } from '../../src/log/index.js';
import { initDevelopmentKeys } from '../../src/sign/index.js';
import type { Clock } from '../../src/usecases/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** testConfig makes a fresh data directory (development keys included) and the configuration over it. */
export async function testConfig(name: string, env: Record<string, string> = {}): Promise<Config> {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), `qujat-${name}-`));
  await initDevelopmentKeys(path.join(data, 'keys'));
  return loadConfig({ QUJAT_LOG_LEVEL: 'silent', QUJAT_DATA_DIR: data, ...env }, { cores: 2, cwd: ROOT });
}

/** startTestService composes the whole service over a fresh data directory. */
export async function startTestService(name: string, options: { env?: Record<string, string>; clock?: Clock } = {}): Promise<Service> {
  const config = await testConfig(name, options.env);
  return compose(config, { logger: createLogger('silent'), ...(options.clock ? { clock: options.clock } : {}) });
}
