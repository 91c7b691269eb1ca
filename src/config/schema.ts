/** config: one zod schema nested by room; every default sits next to its field. */
import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** ConfigSchema is the whole configuration; each room receives only its slice. */
export const ConfigSchema = z.strictObject({
  http: z.strictObject({
    host: z.string().min(1).default('127.0.0.1'),
    port: int(0, 65535).default(8080),
    bodyLimit: z.string().regex(/^\d+(kb|mb)$/).default('2mb'),
    retryAfterSeconds: int(1, 3600).default(5),
  }),
  render: z.strictObject({
    chromiumPath: z.string().min(1).optional(),
    pool: z.strictObject({
      concurrency: int(1, 64),
      queueLimit: int(0, 100_000).default(64),
      restartAfter: int(1, 1_000_000).default(1000),
      timeoutMs: int(100, 600_000).default(30_000),
    }),
  }),
  paths: z.strictObject({
    root: z.string().min(1),
    data: z.string().min(1),
  }),
  publicUrl: z.url().default('http://localhost:8080'),
  log: z.strictObject({ level: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info') }),
  // Unset: the SQLite file <paths.data>/qujat.db. Set: PostgreSQL, shared by every instance.
  store: z.strictObject({ url: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL').optional() }).default({}),
});

/** Config is the parsed, frozen configuration. */
export type Config = z.infer<typeof ConfigSchema>;
