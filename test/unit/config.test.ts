import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENVIRONMENT, loadConfig } from '../../src/config/index.js';

const machine = { cores: 3, cwd: '/srv/qujat' };

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, machine);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('has a default for everything but Chromium, with concurrency = cores and paths under cwd', () => {
    const config = loadConfig({}, machine);
    expect(config).toEqual({
      http: { host: '127.0.0.1', port: 8080, bodyLimit: '2mb', retryAfterSeconds: 5, adminKeySha256: [] },
      render: { pool: { concurrency: 3, queueLimit: 64, restartAfter: 1000, timeoutMs: 30_000 } },
      paths: { root: '/srv/qujat', data: path.resolve('/srv/qujat', 'data') },
      publicUrl: 'http://localhost:8080',
      log: { level: 'info' },
      store: {},
      sign: {},
      screens: { uploadMaxFileBytes: 5 * 1024 * 1024, uploadMaxTotalBytes: 20 * 1024 * 1024, uploadMaxFiles: 10, sessionIdleMinutes: 30 },
      workflow: { providersFile: 'samples/providers.json', schedulerIntervalSeconds: 60 },
      population: { timeoutMs: 5000 },
    });
  });

  it('never gives a concurrency below 1', () => {
    expect(loadConfig({}, { ...machine, cores: 0 }).render.pool.concurrency).toBe(1);
  });

  it('maps every variable onto its field', () => {
    const config = loadConfig(
      {
        QUJAT_HOST: '0.0.0.0',
        QUJAT_PORT: '9090',
        QUJAT_BODY_LIMIT: '512kb',
        QUJAT_RETRY_AFTER_SECONDS: '12',
        QUJAT_CHROMIUM: '/opt/chromium/chrome',
        QUJAT_RENDER_CONCURRENCY: '4',
        QUJAT_RENDER_QUEUE_LIMIT: '7',
        QUJAT_RENDER_RESTART_AFTER: '50',
        QUJAT_RENDER_TIMEOUT_MS: '1500',
        QUJAT_DATA_DIR: 'var/data',
        QUJAT_PUBLIC_URL: 'https://qujat.example.kz',
        QUJAT_LOG_LEVEL: 'debug',
      },
      machine,
    );
    expect(config.http).toEqual({ host: '0.0.0.0', port: 9090, bodyLimit: '512kb', retryAfterSeconds: 12, adminKeySha256: [] });
    expect(config.render).toEqual({
      chromiumPath: '/opt/chromium/chrome',
      pool: { concurrency: 4, queueLimit: 7, restartAfter: 50, timeoutMs: 1500 },
    });
    expect(config.paths.data).toBe('/srv/qujat/var/data');
    expect(config.publicUrl).toBe('https://qujat.example.kz');
    expect(config.log.level).toBe('debug');
  });

  it('lets PORT win over QUJAT_PORT, and uses QUJAT_PORT when PORT is unset or empty', () => {
    expect(loadConfig({ PORT: '3000', QUJAT_PORT: '4000' }, machine).http.port).toBe(3000);
    expect(loadConfig({ QUJAT_PORT: '4000' }, machine).http.port).toBe(4000);
    expect(loadConfig({ PORT: '', QUJAT_PORT: '4000' }, machine).http.port).toBe(4000);
  });

  it('lets QUJAT_CHROMIUM win over PUPPETEER_EXECUTABLE_PATH', () => {
    expect(loadConfig({ QUJAT_CHROMIUM: '/a/chromium', PUPPETEER_EXECUTABLE_PATH: '/b/chrome' }, machine).render.chromiumPath).toBe('/a/chromium');
    expect(loadConfig({ PUPPETEER_EXECUTABLE_PATH: '/b/chrome' }, machine).render.chromiumPath).toBe('/b/chrome');
    expect(loadConfig({}, machine).render.chromiumPath).toBeUndefined();
  });

  it('keeps an absolute data directory as it is', () => {
    expect(loadConfig({ QUJAT_DATA_DIR: '/var/lib/qujat' }, machine).paths.data).toBe('/var/lib/qujat');
  });

  it.each([
    ['PORT', 'eighty'],
    ['QUJAT_PORT', '70000'],
    ['QUJAT_RENDER_CONCURRENCY', '0'],
    ['QUJAT_RENDER_CONCURRENCY', '2.5'],
    ['QUJAT_RENDER_TIMEOUT_MS', '10'],
    ['QUJAT_BODY_LIMIT', 'lots'],
    ['QUJAT_LOG_LEVEL', 'verbose'],
    ['QUJAT_PUBLIC_URL', 'not a url'],
    ['QUJAT_RETRY_AFTER_SECONDS', '-1'],
  ])('rejects %s=%s with a ConfigError that names the variable', (name, value) => {
    const error = configError({ [name]: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(name);
  });

  it('names the variable that was set, not its alternatives', () => {
    const error = configError({ QUJAT_PORT: '70000' });
    expect(error.message).toMatch(/(^|[^_])QUJAT_PORT: /);
    expect(error.message).not.toMatch(/(^|[^_])PORT or/);
    expect(configError({ PUPPETEER_EXECUTABLE_PATH: '' , QUJAT_RENDER_QUEUE_LIMIT: '-1' }).message).toContain('QUJAT_RENDER_QUEUE_LIMIT: ');
  });

  it('lists every bad variable at once', () => {
    const error = configError({ PORT: 'x', QUJAT_LOG_LEVEL: 'loud' });
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('QUJAT_LOG_LEVEL');
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig({}, machine);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.http)).toBe(true);
    expect(Object.isFrozen(config.render.pool)).toBe(true);
    expect(() => {
      (config.http as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(config.http.port).toBe(8080);
  });

  it('reads nothing from process.env', () => {
    const before = process.env.QUJAT_RENDER_CONCURRENCY;
    process.env.QUJAT_RENDER_CONCURRENCY = '9';
    try {
      expect(loadConfig({}, machine).render.pool.concurrency).toBe(3);
    } finally {
      if (before === undefined) delete process.env.QUJAT_RENDER_CONCURRENCY;
      else process.env.QUJAT_RENDER_CONCURRENCY = before;
    }
  });

  it('documents each variable once, each mapped to a field the schema has', () => {
    const names = ENVIRONMENT.flatMap((v) => [...v.names]);
    expect(new Set(names).size).toBe(names.length);
    const config = loadConfig({ QUJAT_CHROMIUM: '/x' }, machine) as unknown as Record<string, unknown>;
    // Optional fields (DATABASE_URL, the QUJAT_SIGN_* files) are absent by default: their slice exists.
    for (const variable of ENVIRONMENT) {
      const parent = variable.field.split('.').slice(0, -1);
      const slice = parent.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], config);
      expect(typeof slice, variable.field).toBe('object');
    }
  });
});
