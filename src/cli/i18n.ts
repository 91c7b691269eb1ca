/** `qujat i18n check [--json] [--root DIR]`: the translators' check over locales/, templates/ and src/; exit 1 on errors. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { i18nCodeLists } from '../compose.js';
import { checkRepository, formatReport } from '../i18n/index.js';
import { PROJECT_ROOT } from './environment.js';

export const I18N_USAGE = 'qujat i18n check [--json] [--root DIR]';

export async function i18n(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, root: { type: 'string' } },
  });
  if (positionals.length !== 1 || positionals[0] !== 'check') {
    process.stderr.write(`usage: ${I18N_USAGE}\n`);
    return 2;
  }
  const root = path.resolve(values.root ?? PROJECT_ROOT);
  const own = root === PROJECT_ROOT;
  // Another tree (a fixture, a translator's copy) is checked against its own code only, and
  // against the shipped fonts when it has none.
  const report = checkRepository(
    { root, fonts: fs.existsSync(path.join(root, 'fonts')) ? undefined : path.join(PROJECT_ROOT, 'fonts') },
    own ? i18nCodeLists() : [],
  );
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return report.ok ? 0 : 1;
}
