/**
 * Where keys are used: literal keys and key prefixes found in templates and code, plus the keys
 * the code builds from code lists. A key is used when it is named exactly, lies under a used
 * prefix, or is built from a code list.
 *
 * - templates: every quoted `"ns:key"` (in {{t}}, {{tl}}, partial parameters such as
 *   `label="…"`, anything); `(concat "ns:prefix." value)` marks every key under the prefix;
 * - code: every string literal `'ns:dotted.key'`; a template literal `` `ns:prefix.${x}` ``
 *   marks its fixed prefix. A prefix that is only `ns:` marks nothing: such keys come from a
 *   code list, or from an exported `I18N_DYNAMIC_PREFIXES = ['ns:prefix.']` next to the code
 *   that builds them;
 * - locale texts: `$t(ns:key)` nesting;
 * - error codes: every code declared with defineError means errors:<that code>.
 */
import { LANGUAGES } from '../../domain/index.js';
import { entriesOf, fileOf, groupsOf } from './flatten.js';
import { RULES, type CodeList, type Finding, type Locales, type SourceFile } from './types.js';

/** KeyUse is one place that names a key or a key prefix. */
export interface KeyUse {
  readonly key: string;
  readonly prefix: boolean;
  readonly where: string;
}

const KEY = /^([a-z][a-z0-9-]*):([A-Za-z0-9_][A-Za-z0-9_.-]*)$/;

function lineAt(source: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

function use(file: SourceFile, index: number, text: string, namespaces: ReadonlySet<string> | 'any', forcePrefix = false): KeyUse | null {
  const match = KEY.exec(text);
  if (!match || (namespaces !== 'any' && !namespaces.has(match[1] ?? ''))) return null;
  return { key: text, prefix: forcePrefix || text.endsWith('.'), where: `${file.path}:${lineAt(file.source, index)}` };
}

// The key argument of {{t "…"}}, {{title "…"}} and {{tl @lang "…"}}, and of translator.t(lang, '…'):
// a key even when its namespace has no file yet.
const TEMPLATE_CALL = /\{\{\s*(?:t|title|tl\s+[^\s"'}]+)\s+["']([^"'\n{}]+)["']/g;
const CODE_CALL = /\.t\(\s*[^,()]+,\s*['"]([^'"\n]+)['"]/g;

function calls(file: SourceFile, pattern: RegExp): KeyUse[] {
  return [...file.source.matchAll(pattern)].flatMap((m) => use(file, m.index, m[1] ?? '', 'any') ?? []);
}

/** templateUses lists every quoted key in a Handlebars template. */
export function templateUses(file: SourceFile, namespaces: ReadonlySet<string>): KeyUse[] {
  const uses: KeyUse[] = calls(file, TEMPLATE_CALL);
  for (const m of file.source.matchAll(/"([^"\n{}]*)"|'([^'\n{}]*)'/g)) {
    const found = use(file, m.index, m[1] ?? m[2] ?? '', namespaces);
    if (found) uses.push(found);
  }
  return uses;
}

/** codeUses lists every key literal and fixed key prefix in a TypeScript file. */
export function codeUses(file: SourceFile, namespaces: ReadonlySet<string>): KeyUse[] {
  const uses: KeyUse[] = calls(file, CODE_CALL);
  for (const m of file.source.matchAll(/(['"])([a-z][a-z0-9-]*:[A-Za-z0-9_.-]+)\1/g)) {
    const found = use(file, m.index, m[2] ?? '', namespaces);
    if (found) uses.push(found);
  }
  for (const m of file.source.matchAll(/`([a-z][a-z0-9-]*:[A-Za-z0-9_.-]*)(\$\{|`)/g)) {
    const dynamic = m[2] === '${';
    const found = use(file, m.index, m[1] ?? '', namespaces, dynamic);
    if (found) uses.push(found);
  }
  return uses;
}

/** errorCodesIn lists the codes declared with defineError in a file. */
export function errorCodesIn(file: SourceFile): string[] {
  return [...file.source.matchAll(/\bdefineError\s*(?:<[\s\S]*?>)?\s*\(\s*['"]([A-Z][A-Z0-9_]*)['"]/g)].map((m) => m[1] ?? '');
}

/** nestingUses lists `$t(ns:key)` references inside locale texts. */
function nestingUses(locales: Locales): KeyUse[] {
  const uses: KeyUse[] = [];
  for (const language of LANGUAGES) {
    for (const entry of entriesOf(locales[language] ?? {})) {
      if (typeof entry.value !== 'string') continue;
      for (const m of entry.value.matchAll(/\$t\(\s*([a-z][a-z0-9-]*:[A-Za-z0-9_.-]+)/g)) {
        uses.push({ key: m[1] ?? '', prefix: false, where: `${fileOf(entry.namespace, language)} (${entry.key})` });
      }
    }
  }
  return uses;
}

/** UsageInput is what checkUsage reads. */
export interface UsageInput {
  readonly locales: Locales;
  readonly templates: readonly SourceFile[];
  readonly code: readonly SourceFile[];
  readonly codeLists: readonly CodeList[];
}

/** collectUses gathers every use of a key in templates, code, code lists and locale texts. */
export function collectUses(input: UsageInput): KeyUse[] {
  const namespaces = new Set(LANGUAGES.flatMap((l) => Object.keys(input.locales[l] ?? {})));
  const errors: CodeList = {
    name: 'defineError',
    keys: input.code.flatMap(errorCodesIn).map((code) => `errors:${code}`),
  };
  const lists = [...input.codeLists, errors].flatMap((list) => list.keys.map((key) => ({ key, prefix: false, where: `code list ${list.name}` })));
  return [
    ...input.templates.flatMap((file) => templateUses(file, namespaces)),
    ...input.code.flatMap((file) => codeUses(file, namespaces)),
    ...lists,
    ...nestingUses(input.locales),
  ];
}

/** checkUsage reports keys used but absent (per language), and keys present but used nowhere. */
export function checkUsage(input: UsageInput): Finding[] {
  const uses = collectUses(input);
  const groups = groupsOf(input.locales);
  const findings: Finding[] = [];
  const exact = new Map<string, string[]>();
  const prefixes = new Map<string, string[]>();
  for (const u of uses) {
    const map = u.prefix ? prefixes : exact;
    map.set(u.key, [...new Set([...(map.get(u.key) ?? []), u.where])]);
  }
  const namespaceOf = (key: string) => key.slice(0, key.indexOf(':'));
  for (const language of LANGUAGES) {
    const keys = [...groups[language].keys()];
    for (const [key, where] of exact) {
      // A key may name a group of keys (an object) that the code reads as a whole.
      if (groups[language].has(key) || keys.some((k) => k.startsWith(`${key}.`))) continue;
      findings.push({ rule: 'usage.undefined', severity: RULES['usage.undefined'].severity, file: fileOf(namespaceOf(key), language), key, language, message: `used but absent from ${language}`, where });
    }
    for (const [prefix, where] of prefixes) {
      if (keys.some((k) => k.startsWith(prefix))) continue;
      findings.push({ rule: 'usage.undefined', severity: RULES['usage.undefined'].severity, file: fileOf(namespaceOf(prefix), language), key: `${prefix}*`, language, message: `keys are built under this prefix, but ${language} has none`, where });
    }
  }
  const all = new Set([...groups.kk.keys(), ...groups.ru.keys()]);
  for (const key of [...all].sort()) {
    const used = exact.has(key) || [...exact.keys()].some((k) => key.startsWith(`${k}.`)) || [...prefixes.keys()].some((p) => key.startsWith(p));
    if (!used) {
      findings.push({
        rule: 'usage.unused',
        severity: RULES['usage.unused'].severity,
        file: fileOf(namespaceOf(key)),
        key,
        message: 'used by no template, no code and no code list; remove it, or declare its prefix in I18N_DYNAMIC_PREFIXES where the code builds it',
      });
    }
  }
  return findings;
}
