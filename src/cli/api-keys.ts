/**
 * `qujat keys api-key …`: API keys with roles, stored hashed.
 *   add --role R [--provider P] [--iin IIN] [--label L]   print a new key once
 *   list                                                  ids, roles, scopes, labels; never secrets
 *   revoke <id>                                           the key stops working at once
 * And the development keys `qujat keys init` writes to data/keys/api-keys.json for local use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { composeApiKeys } from '../compose.js';
import type { Config } from '../config/index.js';
import { ROLES, type Role } from '../domain/index.js';
import { createLogger } from '../log/index.js';
import type { ApiKeys } from '../usecases/index.js';

export const API_KEY_USAGE = `qujat keys api-key add --role ${ROLES.join('|')} [--provider P] [--iin IIN] [--label L]
  qujat keys api-key list | qujat keys api-key revoke <id>`;

/** DEVELOPMENT_API_KEYS_FILE: the plain development keys, one per role, for local use only. */
export const DEVELOPMENT_API_KEYS_FILE = 'api-keys.json';

async function withApiKeys<T>(config: Config, fn: (apiKeys: ApiKeys) => Promise<T>): Promise<T> {
  const { apiKeys, stop } = await composeApiKeys(config, { logger: createLogger('warn') });
  try {
    return await fn(apiKeys);
  } finally {
    await stop();
  }
}

/** apiKey runs one `qujat keys api-key` sub-command; AppErrors go up to `keys`. */
export async function apiKey(args: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { role: { type: 'string' }, provider: { type: 'string' }, iin: { type: 'string' }, label: { type: 'string' } },
  });
  const [verb, ...rest] = positionals;
  if (verb === 'add' && rest.length === 0 && values.role) {
    const { key, stored } = await withApiKeys(config, (keys) =>
      keys.add({ role: values.role as string, providerId: values.provider, iin: values.iin, label: values.label }),
    );
    process.stdout.write(`${key}\n`);
    process.stderr.write(`key ${stored.keyId} (${stored.role}) made; it is shown only now, keep it safe\n`);
    return 0;
  }
  if (verb === 'list' && rest.length === 0 && !values.role) {
    const list = await withApiKeys(config, (keys) => keys.list());
    for (const key of list) {
      const scope = key.providerId ? `provider=${key.providerId}` : key.iin ? `iin=${key.iin}` : '-';
      process.stdout.write(`${key.keyId}  ${key.role.padEnd(17)}  ${scope.padEnd(22)}  ${key.revokedAt ? 'revoked' : 'active '}  ${key.createdAt.toISOString()}  ${key.label}\n`);
    }
    return 0;
  }
  if (verb === 'revoke' && rest.length === 1 && !values.role) {
    await withApiKeys(config, (keys) => keys.revoke(rest[0] as string));
    process.stdout.write(`revoked ${rest[0]}\n`);
    return 0;
  }
  process.stderr.write(`usage: ${API_KEY_USAGE}\n`);
  return 2;
}

/**
 * ensureDevelopmentApiKeys makes one key per role once and writes them in plain text (mode 0600)
 * under the keys directory: staff keys for `providerId`, the applicant's for `applicantIin`.
 */
export async function ensureDevelopmentApiKeys(config: Config, scope: { providerId: string; applicantIin: string }): Promise<string[]> {
  const file = path.join(config.paths.data, 'keys', DEVELOPMENT_API_KEYS_FILE);
  if (fs.existsSync(file)) return [];
  const keys = await withApiKeys(config, async (apiKeys) => {
    const made: Partial<Record<Role, string>> = {};
    for (const role of ROLES) {
      const staff = role === 'PROVIDER_EMPLOYEE' || role === 'PROVIDER_HEAD';
      const { key } = await apiKeys.add({
        role,
        label: `development ${role.toLowerCase()}`,
        ...(staff ? { providerId: scope.providerId } : {}),
        ...(role === 'APPLICANT' ? { iin: scope.applicantIin } : {}),
      });
      made[role] = key;
    }
    return made;
  });
  fs.writeFileSync(file, `${JSON.stringify({ providerId: scope.providerId, applicantIin: scope.applicantIin, keys }, null, 2)}\n`, { mode: 0o600 });
  return [file];
}
