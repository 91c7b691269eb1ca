/** Locale trees as flat key lists, with i18next plural forms grouped under their base key. */
import { LANGUAGES, type Language } from '../../domain/index.js';
import type { Locales } from './types.js';

/** PLURAL_SUFFIXES are i18next's cardinal plural suffixes. */
export const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralForm = (typeof PLURAL_SUFFIXES)[number];

const PLURAL = new RegExp(`^(.+)_(${PLURAL_SUFFIXES.join('|')})$`);

/** Entry is one leaf of a locale file. */
export interface Entry {
  /** key is `namespace:dotted.path` of the leaf as written. */
  readonly key: string;
  /** base is the key without its plural suffix (equal to key for a plain text). */
  readonly base: string;
  readonly form: PluralForm | null;
  readonly namespace: string;
  readonly value: unknown;
}

function walk(namespace: string, node: unknown, prefix: string, out: Entry[]): void {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [name, child] of Object.entries(node)) walk(namespace, child, prefix ? `${prefix}.${name}` : name, out);
    return;
  }
  const match = PLURAL.exec(prefix);
  const form = (match?.[2] as PluralForm | undefined) ?? null;
  out.push({ key: `${namespace}:${prefix}`, base: `${namespace}:${match?.[1] ?? prefix}`, form, namespace, value: node });
}

/** entriesOf flattens every namespace of one language. */
export function entriesOf(tree: Readonly<Record<string, unknown>>): Entry[] {
  const out: Entry[] = [];
  for (const namespace of Object.keys(tree).sort()) walk(namespace, tree[namespace], '', out);
  return out;
}

/** TextGroup is one base key in one language: a plain text, or the forms of a plural. */
export interface TextGroup {
  readonly base: string;
  readonly namespace: string;
  readonly texts: ReadonlyMap<PluralForm | null, unknown>;
}

/** groupsOf returns, per language, base key → its texts. */
export function groupsOf(locales: Locales): Record<Language, Map<string, TextGroup>> {
  const result = {} as Record<Language, Map<string, TextGroup>>;
  for (const language of LANGUAGES) {
    const groups = new Map<string, { base: string; namespace: string; texts: Map<PluralForm | null, unknown> }>();
    for (const entry of entriesOf(locales[language] ?? {})) {
      const group = groups.get(entry.base) ?? { base: entry.base, namespace: entry.namespace, texts: new Map() };
      group.texts.set(entry.form, entry.value);
      groups.set(entry.base, group);
    }
    result[language] = groups;
  }
  return result;
}

/** textsOf lists the string texts of a group (all plural forms). */
export function textsOf(group: TextGroup | undefined): string[] {
  return group ? [...group.texts.values()].filter((v): v is string => typeof v === 'string') : [];
}

/** fileOf names the locale file a finding points at. */
export function fileOf(namespace: string, language?: Language): string {
  return `locales/${language ?? '{kk,ru}'}/${namespace}.json`;
}

/** PLACEHOLDER matches i18next interpolations: {{name}} and {{name, format}}. */
export const PLACEHOLDER = /\{\{\s*-?\s*([^{}\s,]+)[^{}]*\}\}/g;

/** placeholdersOf lists the interpolation names a text uses. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** withoutPlaceholders blanks interpolations out, so that their Latin names are not read as words. */
export function withoutPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, ' ');
}
