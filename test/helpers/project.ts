/** Paths and files of the project the tests read: samples, locales, the PdfEngine's fonts. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../src/domain/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = '/usr/bin/chromium';

/** KAZAKH_LETTERS are the 18 letters of Kazakh Cyrillic that Russian lacks, upper and lower case. */
export const KAZAKH_LETTERS = [...'ӘәҒғҚқҢңӨөҰұҮүҺһІі'];

export interface Sample {
  readonly file: string;
  readonly request: { kind: string; lang: 'kk' | 'ru' | 'kk+ru'; data: Record<string, unknown> };
}

/** samples reads the unemployed certificate's samples/documents/*.json (one per output language). */
export function samples(): Sample[] {
  const dir = path.join(ROOT, 'samples', 'documents');
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('unemployed-certificate.') && f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: path.join(dir, f), request: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Sample['request'] }));
}

/** sample returns the sample of one output language, deep-copied so a test may change it. */
export function sample(lang: 'kk' | 'ru' | 'kk+ru'): Sample['request'] {
  const found = samples().find((s) => s.request.lang === lang);
  if (!found) throw new Error(`no sample in ${lang}`);
  return structuredClone(found.request);
}

/** localeFile reads locales/<lang>/<namespace>.json. */
export function localeFile(language: Language, namespace: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'locales', language, `${namespace}.json`), 'utf8')) as Record<string, unknown>;
}

/** strings lists every string leaf of a nested locale object with its dotted key. */
export function strings(node: unknown, prefix = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[prefix, node]];
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, child]) => strings(child, prefix ? `${prefix}.${key}` : key));
}
