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
import { DEVELOPMENT_CON_ID } from './operators.js';

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
      const scope = key.providerId ? `provider=${key.providerId}` : key.conId ? `con=${key.conId}` : key.iin ? `iin=${key.iin}` : '-';
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
 * ensureDevelopmentApiKeys makes the development keys once and writes them in plain text (mode
 * 0600) under the keys directory: one SYSTEM, one CON_OPERATOR (of DEVELOPMENT_CON_ID), one APPLICANT (for
 * `applicantIin`), and a PROVIDER_EMPLOYEE and a PROVIDER_HEAD for each provider.
 */
export async function ensureDevelopmentApiKeys(config: Config, scope: { providerIds: readonly string[]; applicantIin: string }): Promise<string[]> {
  const file = path.join(config.paths.data, 'keys', DEVELOPMENT_API_KEYS_FILE);
  if (fs.existsSync(file)) return [];
  const keys = await withApiKeys(config, async (apiKeys) => {
    const made = async (role: Role, extra: { providerId?: string; iin?: string } = {}) =>
      (await apiKeys.add({ role, label: `development ${role.toLowerCase()}${extra.providerId ? ` ${extra.providerId}` : ''}`, ...extra })).key;
    const perProvider = async (role: Role) => {
      const list: Record<string, string> = {};
      for (const providerId of scope.providerIds) list[providerId] = await made(role, { providerId });
      return list;
    };
    return {
      SYSTEM: await made('SYSTEM'),
      // A ЦОН operator's key names its ЦОН (as --provider does): it reads the documents taken there.
      CON_OPERATOR: await made('CON_OPERATOR', { providerId: DEVELOPMENT_CON_ID }),
      APPLICANT: await made('APPLICANT', { iin: scope.applicantIin }),
      PROVIDER_EMPLOYEE: await perProvider('PROVIDER_EMPLOYEE'),
      PROVIDER_HEAD: await perProvider('PROVIDER_HEAD'),
    };
  });
  fs.writeFileSync(file, `${JSON.stringify({ applicantIin: scope.applicantIin, keys }, null, 2)}\n`, { mode: 0o600 });
  return [file];
}
