/** `qujat catalog check`: runs the catalogue check over the real services and locales; exit 1 on problems. */
import path from 'node:path';
import { checkCatalog, documentKinds, REFUSAL_REASONS, services } from '../catalog/index.js';
import { createTranslator, readLocales } from '../i18n/index.js';
import { PROJECT_ROOT } from './environment.js';

export const CATALOG_USAGE = 'qujat catalog check                    check every service definition, its texts and documents';

/** catalog runs a catalogue subcommand and returns its exit code. */
export async function catalog(args: string[]): Promise<number> {
  if (args[0] !== 'check' || args.length > 1) {
    process.stderr.write(`usage: ${CATALOG_USAGE}\n`);
    return 2;
  }
  const texts = createTranslator(readLocales(path.join(PROJECT_ROOT, 'locales')));
  const problems = checkCatalog({
    services,
    documentKinds: documentKinds.map((k) => k.id),
    reasons: REFUSAL_REASONS,
    texts,
  });
  for (const problem of problems) process.stderr.write(`${problem.service}: ${problem.code}: ${problem.message}\n`);
  if (problems.length > 0) return 1;
  const states = services.reduce((sum, s) => sum + Object.keys(s.states).length, 0);
  process.stdout.write(`catalogue ok: ${services.length} services, ${states} states, every key in kk and ru\n`);
  return 0;
}
