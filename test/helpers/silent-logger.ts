import type { Logger } from '../../src/log/index.js';

/** silentLogger drops every event; the tests assert on results, not on log lines. */
export const silentLogger: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
