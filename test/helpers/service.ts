/** The real service, built by the composition root exactly as `qujat serve` builds it. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { compose, type Service } from '../../src/compose.js';
import { loadConfig } from '../../src/config/index.js';
import { CHROMIUM, ROOT } from './project.js';
import { silentLogger } from './silent-logger.js';

/** startService composes the service with test-sized settings (env names as an operator would set them). */
export function startService(env: Record<string, string> = {}): Service {
  const config = loadConfig(
    { QUJAT_CHROMIUM: CHROMIUM, QUJAT_RENDER_CONCURRENCY: '2', QUJAT_LOG_LEVEL: 'silent', QUJAT_DATA_DIR: '/tmp/qujat-test-data', ...env },
    { cores: 2, cwd: ROOT },
  );
  return compose(config, { logger: silentLogger });
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
