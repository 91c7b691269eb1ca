/** config: one zod schema nested by room; every default sits next to its field. */
import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** pathList reads a comma-separated list of file paths. */
const pathList = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter((item) => item !== ''))
  .pipe(z.array(z.string()).min(1));

/** signSchema: production keys (PKCS#12, or PEM key + chain) and trust; all unset means the development keys. */
const signSchema = z
  .strictObject({
    p12: z.string().min(1).optional(),
    p12Password: z.string().optional(),
    key: z.string().min(1).optional(),
    chain: z.string().min(1).optional(),
    trustAnchors: pathList.optional(),
    crl: pathList.optional(),
  })
  .superRefine((sign, context) => {
    if (sign.p12 && sign.key) context.addIssue({ code: 'custom', path: ['key'], message: 'set QUJAT_SIGN_P12 or QUJAT_SIGN_KEY, not both' });
    if (sign.key && !sign.chain) context.addIssue({ code: 'custom', path: ['chain'], message: 'QUJAT_SIGN_KEY needs its certificate chain' });
    if (sign.chain && !sign.key) context.addIssue({ code: 'custom', path: ['chain'], message: 'a chain without QUJAT_SIGN_KEY has no key' });
  })
  .prefault({});

/** ConfigSchema is the whole configuration; each room receives only its slice. */
export const ConfigSchema = z.strictObject({
  http: z.strictObject({
    host: z.string().min(1).default('127.0.0.1'),
    port: int(0, 65535).default(8080),
    bodyLimit: z.string().regex(/^\d+(kb|mb)$/).default('2mb'),
    retryAfterSeconds: int(1, 3600).default(5),
    /** adminKeySha256: SHA-256 (hex) of the bearer keys allowed to revoke documents; none: nobody may. */
    adminKeySha256: z
      .string()
      .default('')
      .transform((list) => list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[0-9a-f]{64}$/))),
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
  sign: signSchema,
  /** screens: the portal's attachments and the screens' sessions. */
  screens: z
    .strictObject({
      uploadMaxFileBytes: int(1024, 100 * 1024 * 1024).default(5 * 1024 * 1024),
      uploadMaxTotalBytes: int(1024, 500 * 1024 * 1024).default(20 * 1024 * 1024),
      uploadMaxFiles: int(1, 50).default(10),
      sessionIdleMinutes: int(1, 24 * 60).default(30),
    })
    .prefault({}),
  workflow: z
    .strictObject({
      /** providersFile: the providers (and their preschool organisations) applications go to; relative to the project. */
      providersFile: z.string().min(1).default('samples/providers.json'),
      /** schedulerIntervalSeconds: how often `qujat serve` looks for overdue applications and expired referrals. */
      schedulerIntervalSeconds: int(1, 86_400).default(60),
    })
    .prefault({}),
  // Unset url: the embedded registries over samples/registry; set: the HTTP gateway to ГБД ФЛ and ЗАГС.
  population: z
    .strictObject({ url: z.url().optional(), timeoutMs: int(100, 120_000).default(5000) })
    .prefault({}),
});

/** Config is the parsed, frozen configuration. */
export type Config = z.infer<typeof ConfigSchema>;
