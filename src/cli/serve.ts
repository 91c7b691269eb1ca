/** `qujat serve`: the HTTP service until SIGTERM or SIGINT. */
import { parseArgs } from 'node:util';
import { compose } from '../compose.js';
import { createLogger } from '../log/index.js';
import { removeStaleProfiles } from '../render/index.js';
import { configFromEnvironment } from './environment.js';

export async function serve(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' } } });
  const config = configFromEnvironment(env, { PORT: values.port ?? env.PORT, QUJAT_HOST: values.host ?? env.QUJAT_HOST });
  const logger = createLogger(config.log.level);
  const removed = removeStaleProfiles();
  if (removed.length > 0) logger.info('render.stale_profiles_removed', { count: removed.length });
  const service = await compose(config, { logger });
  if (!service.chromium.found) {
    logger.error('render.chromium.not_found', { searched: service.chromium.searched, fix: 'set QUJAT_CHROMIUM, or run `npm run setup` as root to install the chromium package' });
    return 1;
  }
  await service.pool.warm();
  const server = service.app.listen(config.http.port, config.http.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  logger.info('http.listening', { url: `http://${config.http.host}:${port}`, chromium: service.chromium.found });
  const stopScheduler = service.applications.startScheduler({ intervalMs: config.workflow.schedulerIntervalSeconds * 1000 });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  logger.info('http.stopping', {});
  await stopScheduler();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await service.stop();
  return 0;
}
