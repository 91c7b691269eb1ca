import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../config/index.js';
import { AppError, LANGUAGES } from '../domain/index.js';
import type { Translator } from '../i18n/index.js';

/** PROJECT_ROOT is where templates/, locales/ and fonts/ are, wherever the command is run from. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** configFromEnvironment loads the configuration for a CLI command, rooted at the project. */
export function configFromEnvironment(env: NodeJS.ProcessEnv, overrides: Record<string, string | undefined> = {}): Config {
  const merged = { QUJAT_DATA_DIR: path.join(PROJECT_ROOT, 'data'), ...env, ...overrides };
  return loadConfig(merged, { cores: os.availableParallelism(), cwd: PROJECT_ROOT });
}

/** describeError writes an AppError for a terminal: code, then the Kazakh and Russian texts. */
export function describeError(translator: Translator, error: AppError): string {
  const params = Object.fromEntries(
    Object.entries(error.params).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v as string | number)]),
  );
  const lines = [`${error.code}`, ...LANGUAGES.map((l) => `  ${l}: ${translator.t(l, `errors:${error.code}`, params)}`)];
  const details = (error.params as { details?: Array<{ path: string; rule: string; params: Record<string, string | number> }> }).details;
  for (const issue of details ?? []) {
    lines.push(`  - ${issue.path || '(root)'}: ${issue.rule}`);
    for (const l of LANGUAGES) lines.push(`      ${l}: ${translator.t(l, `validation:${issue.rule}`, issue.params)}`);
  }
  return lines.join('\n');
}
