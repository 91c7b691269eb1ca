/** `qujat i18n check [--json]`: the translators' check over locales/, templates/ and src/; exit 1 on errors. */
import { parseArgs } from 'node:util';
import { i18nCodeLists } from '../compose.js';
import { checkRepository, formatReport } from '../i18n/index.js';
import { PROJECT_ROOT } from './environment.js';

export const I18N_USAGE = 'qujat i18n check [--json]';

export async function i18n(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length !== 1 || positionals[0] !== 'check') {
    process.stderr.write(`usage: ${I18N_USAGE}\n`);
    return 2;
  }
  const report = checkRepository({ root: PROJECT_ROOT }, i18nCodeLists());
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return report.ok ? 0 : 1;
}
