/**
 * `qujat operators …`: the workstation's (АРМ) accounts.
 *   add <username> --role R --provider P [--name N]   password from QUJAT_OPERATOR_PASSWORD or stdin
 *   list                                              username, role, provider, name, enabled
 *   disable <username>                                the account can no longer sign in; its sessions end
 *   dev                                               development accounts with random passwords in
 *                                                     <data>/keys/dev-operators.json; idempotent
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { OperatorAccounts } from '../accounts/index.js';
import { composeOperators } from '../compose.js';
import { AppError } from '../domain/index.js';
import { createLogger } from '../log/index.js';
import { configFromEnvironment, describeError } from './environment.js';

export const OPERATORS_USAGE = `qujat operators add <username> --role CON_OPERATOR|PROVIDER_EMPLOYEE|PROVIDER_HEAD --provider <id> [--name <display name>]
  qujat operators list | qujat operators disable <username> | qujat operators dev`;

/** DEV_OPERATORS_FILE: the development accounts' passwords, under data/keys (never in the repository). */
export const DEV_OPERATORS_FILE = 'dev-operators.json';

/** DEVELOPMENT_CON_ID: the ЦОН of the development ЦОН operator, its АРМ account and its API key alike. */
export const DEVELOPMENT_CON_ID = 'con-ekibastuz';

const DEV_OPERATORS = [
  { username: 'con-operator', role: 'CON_OPERATOR', providerId: DEVELOPMENT_CON_ID, displayName: 'ХҚКО операторы / Оператор ЦОН' },
  { username: 'employment-employee', role: 'PROVIDER_EMPLOYEE', providerId: 'ekibastuz-employment', displayName: 'Жұмыспен қамту бөлімінің қызметкері / Сотрудник отдела занятости' },
  { username: 'employment-head', role: 'PROVIDER_HEAD', providerId: 'ekibastuz-employment', displayName: 'Жұмыспен қамту бөлімінің басшысы / Руководитель отдела занятости' },
  { username: 'education-employee', role: 'PROVIDER_EMPLOYEE', providerId: 'urzhar-education', displayName: 'Білім бөлімінің қызметкері / Сотрудник отдела образования' },
] as const;

async function readPassword(env: NodeJS.ProcessEnv, stdin: NodeJS.ReadableStream): Promise<string> {
  if (env.QUJAT_OPERATOR_PASSWORD) return env.QUJAT_OPERATOR_PASSWORD;
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** devOperators creates the development accounts that are missing; passwords already written are kept. */
async function devOperators(accounts: OperatorAccounts, keysDir: string): Promise<string> {
  const file = path.join(keysDir, DEV_OPERATORS_FILE);
  const written = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ username: string; password: string }>) : [];
  const existing = new Set((await accounts.list()).map((a) => a.username));
  const entries = [];
  const created: string[] = [];
  for (const operator of DEV_OPERATORS) {
    const known = written.find((w) => w.username === operator.username);
    if (existing.has(operator.username)) {
      if (known) entries.push({ ...operator, password: known.password });
      continue;
    }
    const password = known?.password ?? randomBytes(12).toString('base64url');
    await accounts.add({ ...operator, password });
    entries.push({ ...operator, password });
    created.push(operator.username);
  }
  fs.mkdirSync(keysDir, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 });
  return created.length === 0 ? `development operators: complete (${file})\n` : `development operators: created ${created.join(', ')}; passwords in ${file}\n`;
}

async function run(accounts: OperatorAccounts, args: string[], env: NodeJS.ProcessEnv, keysDir: string): Promise<number> {
  const [verb, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { role: { type: 'string' }, provider: { type: 'string' }, name: { type: 'string' } },
  });
  switch (verb) {
    case 'add': {
      const [username] = positionals;
      if (!username || positionals.length > 1 || !values.role || !values.provider) break;
      const password = await readPassword(env, process.stdin);
      const added = await accounts.add({ username, password, role: values.role, providerId: values.provider, ...(values.name ? { displayName: values.name } : {}) });
      process.stdout.write(`added ${added.username} (${added.role}, ${added.providerId})\n`);
      return 0;
    }
    case 'list': {
      if (positionals.length > 0) break;
      for (const a of await accounts.list()) {
        process.stdout.write(`${a.username}\t${a.role}\t${a.providerId}\t${a.disabled ? 'disabled' : 'enabled'}\t${a.displayName}\n`);
      }
      return 0;
    }
    case 'disable': {
      const [username] = positionals;
      if (!username || positionals.length > 1) break;
      await accounts.disable(username);
      process.stdout.write(`disabled ${username}\n`);
      return 0;
    }
    case 'dev': {
      if (positionals.length > 0) break;
      process.stdout.write(await devOperators(accounts, keysDir));
      return 0;
    }
  }
  process.stderr.write(`usage: ${OPERATORS_USAGE}\n`);
  return 2;
}

/** operators runs one `qujat operators` sub-command and returns its exit code. */
export async function operators(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const config = configFromEnvironment(env);
  // Migrations log at info; a command's output is its own lines.
  const composed = await composeOperators(config, { logger: createLogger('warn') });
  try {
    return await run(composed.accounts, args, env, path.join(config.paths.data, 'keys'));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`${describeError(composed.translator, error)}\n`);
    return error.kind === 'invalid' || error.kind === 'conflict' || error.kind === 'not_found' ? 1 : 3;
  } finally {
    await composed.stop();
  }
}
