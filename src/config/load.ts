import path from 'node:path';
import { ConfigSchema, type Config } from './schema.js';

/** Facts about the machine that loadConfig needs for its defaults, passed in so that it stays pure. */
export interface MachineFacts {
  readonly cores: number;
  readonly cwd: string;
}

/**
 * ENVIRONMENT lists every variable Qujat reads, with what it sets; the README's table is this one.
 * The first name in a row wins over the later ones.
 */
export const ENVIRONMENT = [
  { names: ['QUJAT_HOST'], field: 'http.host', help: 'address to listen on', default: '127.0.0.1' },
  { names: ['PORT', 'QUJAT_PORT'], field: 'http.port', help: 'port to listen on', default: '8080' },
  { names: ['QUJAT_BODY_LIMIT'], field: 'http.bodyLimit', help: 'largest request body', default: '2mb' },
  { names: ['QUJAT_RETRY_AFTER_SECONDS'], field: 'http.retryAfterSeconds', help: 'Retry-After sent with 503', default: '5' },
  { names: ['QUJAT_ADMIN_KEY_SHA256'], field: 'http.adminKeySha256', help: 'SHA-256 (hex, comma-separated) of the keys that may revoke documents', default: '(the development key in data/keys)' },
  { names: ['QUJAT_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH'], field: 'render.chromiumPath', help: 'Chromium executable; found on the system when unset', default: '(located)' },
  { names: ['QUJAT_RENDER_CONCURRENCY'], field: 'render.pool.concurrency', help: 'documents rendered at once', default: 'number of cores' },
  { names: ['QUJAT_RENDER_QUEUE_LIMIT'], field: 'render.pool.queueLimit', help: 'documents waiting before 503', default: '64' },
  { names: ['QUJAT_RENDER_RESTART_AFTER'], field: 'render.pool.restartAfter', help: 'renders before the browser is recycled', default: '1000' },
  { names: ['QUJAT_RENDER_TIMEOUT_MS'], field: 'render.pool.timeoutMs', help: 'longest render of one document', default: '30000' },
  { names: ['QUJAT_DATA_DIR'], field: 'paths.data', help: 'keys, database and issued documents', default: './data' },
  { names: ['QUJAT_PUBLIC_URL'], field: 'publicUrl', help: 'base URL printed in verification QR codes', default: 'http://localhost:8080' },
  { names: ['QUJAT_LOG_LEVEL'], field: 'log.level', help: 'debug, info, warn, error or silent', default: 'info' },
  { names: ['DATABASE_URL'], field: 'store.url', help: 'PostgreSQL URL shared by all instances; unset: SQLite file data/qujat.db', default: '(SQLite)' },
  { names: ['QUJAT_SIGN_P12'], field: 'sign.p12', help: 'PKCS#12 file (.p12, RSA) with the signing key and certificate', default: '(development keys in data/keys)' },
  { names: ['QUJAT_SIGN_P12_PASSWORD'], field: 'sign.p12Password', help: 'password of QUJAT_SIGN_P12', default: '(empty)' },
  { names: ['QUJAT_SIGN_KEY'], field: 'sign.key', help: 'PEM private key (RSA), instead of QUJAT_SIGN_P12', default: '(unset)' },
  { names: ['QUJAT_SIGN_CHAIN'], field: 'sign.chain', help: 'PEM certificates of QUJAT_SIGN_KEY, signer first', default: '(unset)' },
  { names: ['QUJAT_TRUST_ANCHORS'], field: 'sign.trustAnchors', help: 'comma-separated PEM files of the CAs whose signatures verify', default: '(the development CA)' },
  { names: ['QUJAT_CRL'], field: 'sign.crl', help: 'comma-separated CRL files (PEM or DER) of those CAs', default: '(the development CRL)' },
  { names: ['QUJAT_UPLOAD_MAX_FILE_BYTES'], field: 'screens.uploadMaxFileBytes', help: 'largest attachment on the portal', default: '5242880' },
  { names: ['QUJAT_UPLOAD_MAX_TOTAL_BYTES'], field: 'screens.uploadMaxTotalBytes', help: 'largest total of one application\'s attachments', default: '20971520' },
  { names: ['QUJAT_UPLOAD_MAX_FILES'], field: 'screens.uploadMaxFiles', help: 'most attachments per application', default: '10' },
  { names: ['QUJAT_SESSION_IDLE_MINUTES'], field: 'screens.sessionIdleMinutes', help: 'a screen session ends after this long without a request', default: '30' },
  { names: ['QUJAT_PROVIDERS_FILE'], field: 'workflow.providersFile', help: 'JSON file of the service providers and their preschool organisations', default: 'samples/providers.json' },
  { names: ['QUJAT_SCHEDULER_INTERVAL_SECONDS'], field: 'workflow.schedulerIntervalSeconds', help: 'seconds between two runs of the deadline scheduler in `qujat serve`', default: '60' },
  { names: ['QUJAT_REGISTRY_URL'], field: 'population.url', help: 'base URL of the HTTP gateway to the person (ГБД ФЛ) and civil (ЗАГС) registries', default: '(embedded samples/registry)' },
  { names: ['QUJAT_REGISTRY_TIMEOUT_MS'], field: 'population.timeoutMs', help: 'longest wait for the registry gateway', default: '5000' },
] as const;

function setPath(target: Record<string, unknown>, dotted: string, value: string): void {
  const keys = dotted.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node = (node[key] ??= {}) as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** ConfigError names the variable that holds a bad value, so an operator knows what to fix. */
export class ConfigError extends Error {}

/** loadConfig maps environment variables onto ConfigSchema; pure: env and machine facts in, frozen Config out. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, machine: MachineFacts): Config {
  const raw: Record<string, unknown> = {
    http: {},
    render: { pool: { concurrency: String(Math.max(1, machine.cores)) } },
    paths: { root: machine.cwd, data: path.resolve(machine.cwd, 'data') },
    log: {},
  };
  // The variable each field was read from, so that an error names the one the operator set.
  const source = new Map<string, string>();
  for (const variable of ENVIRONMENT) {
    const name = variable.names.find((n) => env[n] !== undefined && env[n] !== '');
    if (!name) continue;
    source.set(variable.field, name);
    const value = env[name] as string;
    setPath(raw, variable.field, variable.field === 'paths.data' ? path.resolve(machine.cwd, value) : value);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = issue.path.join('.');
      const variable = ENVIRONMENT.find((v) => v.field === field);
      return `${source.get(field) ?? (variable ? variable.names.join(' or ') : field)}: ${issue.message}`;
    });
    throw new ConfigError(`invalid configuration; fix these environment variables: ${problems.join('; ')}`);
  }
  return deepFreeze(parsed.data);
}
