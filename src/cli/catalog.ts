/**
 * `qujat catalog check`: runs the catalogue check over the real services and locales and the
 * configured providers file (QUJAT_PROVIDERS_FILE); prints warnings (a provider bound to a
 * repealed act) and errors; exit 1 on an error.
 */
import path from 'node:path';
import { checkCatalog, documentKinds, loadProviders, REFUSAL_REASONS, services } from '../catalog/index.js';
import { createTranslator, readLocales } from '../i18n/index.js';
import { configFromEnvironment, PROJECT_ROOT } from './environment.js';

export const CATALOG_USAGE = 'qujat catalog check                    check every service, its regulations and texts, and the providers file';

/** catalog runs a catalogue subcommand and returns its exit code. */
export async function catalog(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (args[0] !== 'check' || args.length > 1) {
    process.stderr.write(`usage: ${CATALOG_USAGE}\n`);
    return 2;
  }
  const config = configFromEnvironment(env);
  const providersFile = path.resolve(config.paths.root, config.workflow.providersFile);
  const texts = createTranslator(readLocales(path.join(PROJECT_ROOT, 'locales')));
  const problems = checkCatalog({
    services,
    documentKinds: documentKinds.map((k) => k.id),
    reasons: REFUSAL_REASONS,
    texts,
    providers: loadProviders(providersFile),
  });
  for (const problem of problems) process.stderr.write(`${problem.severity}: ${problem.service}: ${problem.code}: ${problem.message}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) return 1;
  const states = services.reduce((sum, s) => sum + Object.keys(s.states).length, 0);
  const regulations = services.reduce((sum, s) => sum + s.regulations.length, 0);
  const warnings = problems.length > 0 ? `, ${problems.length} warnings` : '';
  process.stdout.write(
    `catalogue ok: ${services.length} services, ${states} states, ${regulations} regulations, every key in kk and ru; providers of ${path.relative(PROJECT_ROOT, providersFile) || providersFile} bound${warnings}\n`,
  );
  return 0;
}
