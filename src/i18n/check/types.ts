/** The vocabulary of the i18n check: rules, findings, inputs and the report. */
import type { Language } from '../../domain/index.js';
import type { FontCoverage } from './cmap.js';
import type { Glossary } from './glossary.js';

/** Severity: errors fail the check (exit 1); warnings are printed and do not. */
export type Severity = 'error' | 'warning';

/** RULES: every rule id, its severity and what it means; ids are stable, tools key on them. */
export const RULES = {
  'keys.missing': { severity: 'error', about: 'a key exists in one language only' },
  'keys.not-text': { severity: 'error', about: 'a value is neither text nor a group of keys' },
  'usage.undefined': { severity: 'error', about: 'a key used in templates or code is absent from the locales' },
  'usage.unused': { severity: 'warning', about: 'a key in the locales is used nowhere' },
  'placeholders.mismatch': { severity: 'error', about: 'the {{placeholders}} differ between kk and ru' },
  'plurals.incomplete': { severity: 'error', about: 'a plural key lacks a form its language needs' },
  'plurals.unexpected': { severity: 'warning', about: 'a plural form its language never uses' },
  'script.mixed': { severity: 'error', about: 'a word mixes Cyrillic and Latin letters (look-alikes)' },
  'script.latin-schwa': { severity: 'error', about: 'Latin ə/ǝ instead of Cyrillic ә' },
  'fonts.missing-glyph': { severity: 'error', about: 'a character is absent from a shipped font' },
  'text.empty': { severity: 'error', about: 'an empty text' },
  'text.identical': { severity: 'error', about: 'the same text in kk and ru, not in the allow-list' },
  'glossary.variant': { severity: 'error', about: 'the Kazakh text uses a non-approved variant of a glossary term' },
  'glossary.missing': { severity: 'warning', about: 'the Russian text uses a glossary term, the Kazakh text lacks the approved one' },
} as const satisfies Record<string, { severity: Severity; about: string }>;

/** RuleId names one rule. */
export type RuleId = keyof typeof RULES;

/** Finding is one problem, located by file and key. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** file is `locales/<lang>/<namespace>.json`, or `locales/{kk,ru}/<namespace>.json` when both are concerned. */
  readonly file: string;
  /** key is `namespace:dotted.key` (the base key for plural forms). */
  readonly key: string;
  readonly language?: Language;
  readonly message: string;
  /** where lists the places that use the key (for usage.* rules), as `path:line`. */
  readonly where?: readonly string[];
}

/** SourceFile is a template or a code file, with its path relative to the project root. */
export interface SourceFile {
  readonly path: string;
  readonly source: string;
}

/** CodeList is a list of keys the code builds from a list of codes (errors:<CODE> for every error). */
export interface CodeList {
  /** name says where the list comes from, e.g. `SERVICE_IDS`. */
  readonly name: string;
  readonly keys: readonly string[];
}

/** IdenticalAllowList names keys and exact texts that may be the same in kk and ru, each with why. */
export interface IdenticalAllowList {
  readonly keys: Readonly<Record<string, string>>;
  readonly values: Readonly<Record<string, string>>;
}

/** Locales are the parsed locale files: language → namespace → nested texts. */
export type Locales = Readonly<Record<Language, Readonly<Record<string, unknown>>>>;

/** CheckInput is everything the check reads, already loaded; runCheck is pure over it. */
export interface CheckInput {
  readonly locales: Locales;
  readonly templates: readonly SourceFile[];
  readonly code: readonly SourceFile[];
  readonly codeLists: readonly CodeList[];
  readonly fonts: readonly FontCoverage[];
  readonly glossary: Glossary | null;
  readonly identicalAllow: IdenticalAllowList;
}

/** CheckReport is the outcome: findings sorted by file and key, and totals. */
export interface CheckReport {
  readonly ok: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly namespaces: readonly string[];
  readonly keys: Readonly<Record<Language, number>>;
  readonly fonts: readonly string[];
  readonly findings: readonly Finding[];
}
