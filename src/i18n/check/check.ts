/** runCheck: every rule over already-read inputs (pure), and the report in text for people. */
import { LANGUAGES } from '../../domain/index.js';
import { groupsOf } from './flatten.js';
import { checkGlossary } from './glossary.js';
import { checkKeys } from './rules-keys.js';
import { checkFonts, checkScripts } from './rules-text.js';
import { RULES, type CheckInput, type CheckReport, type Finding } from './types.js';
import { checkUsage } from './usage.js';

const byFileAndKey = (a: Finding, b: Finding) =>
  a.file.localeCompare(b.file) || a.key.localeCompare(b.key) || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);

/** runCheck runs every rule and sorts the findings by file, then key. */
export function runCheck(input: CheckInput): CheckReport {
  const findings = [
    ...checkKeys(input.locales, input.identicalAllow),
    ...checkUsage(input),
    ...checkScripts(input.locales),
    ...checkFonts(input.locales, input.fonts),
    ...(input.glossary ? checkGlossary(input.locales, input.glossary) : []),
  ].sort(byFileAndKey);
  const groups = groupsOf(input.locales);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    ok: errors === 0,
    errors,
    warnings: findings.length - errors,
    namespaces: [...new Set(LANGUAGES.flatMap((l) => Object.keys(input.locales[l] ?? {})))].sort(),
    keys: { kk: groups.kk.size, ru: groups.ru.size },
    fonts: input.fonts.map((f) => f.file),
    findings,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** formatReport writes the report for a terminal: a summary line, then findings grouped by file and key. */
export function formatReport(report: CheckReport): string {
  const lines = [
    `i18n check: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')} ` +
      `(${report.namespaces.length} namespaces; keys kk ${report.keys.kk}, ru ${report.keys.ru}; ${report.fonts.length} fonts)`,
  ];
  let file = '';
  let key = '';
  for (const f of report.findings) {
    if (f.file !== file) {
      lines.push('', f.file);
      file = f.file;
      key = '';
    }
    if (f.key !== key) {
      lines.push(`  ${f.key}`);
      key = f.key;
    }
    lines.push(`    ${f.severity.padEnd(7)} ${f.rule.padEnd(22)} ${f.message}`);
    for (const where of f.where?.slice(0, 3) ?? []) lines.push(`            used at ${where}`);
  }
  if (report.findings.length > 0) {
    const seen = [...new Set(report.findings.map((f) => f.rule))].sort();
    lines.push('', 'rules:', ...seen.map((rule) => `  ${rule.padEnd(22)} ${RULES[rule].about}`));
  }
  return `${lines.join('\n')}\n`;
}
