import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/index.js';

const machine = { cores: 2, cwd: '/srv/qujat' };

describe('store configuration', () => {
  it('uses SQLite (no URL) unless DATABASE_URL is set', () => {
    expect(loadConfig({}, machine).store).toEqual({});
    expect(loadConfig({ DATABASE_URL: 'postgres://q:p@db:5432/qujat' }, machine).store.url).toBe('postgres://q:p@db:5432/qujat');
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/qujat' }, machine).store.url).toBe('postgresql://db/qujat');
  });

  it('names DATABASE_URL when it is not a PostgreSQL URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/qujat' }, machine)).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/qujat' }, machine)).toThrow(/DATABASE_URL/);
  });
});
