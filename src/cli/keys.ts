/**
 * `qujat keys …`: the development CA under <data>/keys.
 *   init                 create what is missing (CA, provider certificate, test citizens, CRL); idempotent
 *   ca --out <file.pem>  export the CA certificate, for verifiers and `xmlsec1 --trusted-pem`
 *   revoke <serial>      list a certificate (hex serial) in the CRL and re-sign it; idempotent
 *   api-key …            API keys with roles (cli/api-keys.ts)
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN_KEY_FILE } from '../compose.js';
import { parseArgs } from 'node:util';
import { AppError } from '../domain/index.js';
import { createTranslator, readLocales } from '../i18n/index.js';
import { loadProviders } from '../catalog/index.js';
import type { Config } from '../config/index.js';
import { DEVELOPMENT_CITIZENS, exportDevelopmentCa, initDevelopmentKeys, revokeDevelopmentCertificate } from '../sign/index.js';
import { API_KEY_USAGE, apiKey, ensureDevelopmentApiKeys } from './api-keys.js';
import { PROJECT_ROOT, configFromEnvironment, describeError } from './environment.js';

/**
 * ensureAdminKey writes the development bearer key for `POST /v1/documents/{number}/revoke`
 * (only its SHA-256 is compared); production sets QUJAT_ADMIN_KEY_SHA256 instead.
 */
function ensureAdminKey(keysDir: string): string[] {
  const file = path.join(keysDir, ADMIN_KEY_FILE);
  if (fs.existsSync(file)) return [];
  fs.writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  return [file];
}

export const KEYS_USAGE = `qujat keys init | qujat keys ca --out <file.pem> | qujat keys revoke <serial>
  ${API_KEY_USAGE}`;

async function run(verb: string | undefined, args: string[], config: Config): Promise<number> {
  const keysDir = path.join(config.paths.data, 'keys');
  if (verb === 'api-key') return apiKey(args, config);
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string', short: 'o' } } });
  switch (verb) {
    case 'init': {
      if (positionals.length > 0 || values.out) break;
      const written = [
        ...(await initDevelopmentKeys(keysDir)),
        ...ensureAdminKey(keysDir),
        ...(await ensureDevelopmentApiKeys(config, {
          providerIds: loadProviders(path.resolve(config.paths.root, config.workflow.providersFile)).map((p) => p.id),
          applicantIin: DEVELOPMENT_CITIZENS[0].iin,
        })),
      ];
      process.stdout.write(
        written.length === 0
          ? `development keys in ${keysDir}: complete, nothing written\n`
          : `development keys in ${keysDir}: wrote\n  ${written.map((f) => path.relative(keysDir, f)).join('\n  ')}\n`,
      );
      return 0;
    }
    case 'ca': {
      if (!values.out || positionals.length > 0) break;
      const ca = await exportDevelopmentCa(keysDir, values.out);
      process.stdout.write(`${ca.subject.replace(/\n/g, ', ')}\nSHA-256 ${ca.fingerprint256}\n→ ${values.out}\n`);
      return 0;
    }
    case 'revoke': {
      const [serial] = positionals;
      if (!serial || positionals.length > 1 || values.out) break;
      const added = await revokeDevelopmentCertificate(keysDir, serial);
      process.stdout.write(added ? `revoked ${serial}; CRL re-signed\n` : `${serial} was already revoked; CRL unchanged\n`);
      return 0;
    }
  }
  process.stderr.write(`usage: ${KEYS_USAGE}\n`);
  return 2;
}

/** keys runs one `qujat keys` sub-command and returns its exit code. */
export async function keys(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const config = configFromEnvironment(env);
  const [verb, ...rest] = args;
  try {
    return await run(verb, rest, config);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`${describeError(createTranslator(readLocales(path.join(PROJECT_ROOT, 'locales'))), error)}\n`);
    return error.kind === 'invalid' ? 1 : 3;
  }
}
