/**
 * The translators' workbench behind /i18n: reads the locales, samples and check report afresh on
 * every call (translators edit files and reload the page), and renders previews with the
 * marking translator. Templates are compiled by the function compose.ts passes in, so i18n/
 * stays free of render/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkRepository } from './check/index.js';
import type { CheckReport, CodeList } from './check/index.js';
import { readLocales, type LocaleResources, type Translator } from './i18n.js';
import { createMarkingTranslator } from './preview.js';

/** DocumentSample is one samples/documents/*.json request. */
export interface DocumentSample {
  readonly file: string;
  readonly kind: string;
  readonly input: { readonly kind: string; readonly lang?: string; readonly data: unknown };
}

/** PreviewTemplates render a named template to HTML. */
export interface PreviewTemplates {
  render(name: string, view: { readonly lang: 'kk' | 'ru' | 'kk+ru'; readonly [key: string]: unknown }): string;
}

export interface I18nWorkbenchDeps {
  readonly root: string;
  readonly codeLists: readonly CodeList[];
  readonly compileTemplates: (translator: Translator) => PreviewTemplates;
}

/** I18nWorkbench is what the /i18n routes read. */
export interface I18nWorkbench {
  locales(): LocaleResources;
  check(): CheckReport;
  samples(): readonly DocumentSample[];
  /** previewTemplates compiles the templates over the current locales with the marking translator. */
  previewTemplates(): PreviewTemplates;
  /** font returns a shipped font file by name, or null. */
  font(name: string): Buffer | null;
}

function readSamples(dir: string): DocumentSample[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const input = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as DocumentSample['input'];
      return typeof input?.kind === 'string' ? [{ file, kind: input.kind, input }] : [];
    });
}

/** createI18nWorkbench builds the workbench over a project root. */
export function createI18nWorkbench(deps: I18nWorkbenchDeps): I18nWorkbench {
  const dir = (name: string) => path.join(deps.root, name);
  const fonts = new Map(
    fs
      .readdirSync(dir('fonts'))
      .filter((f) => /\.(ttf|otf|woff2?)$/i.test(f))
      .map((f) => [f, fs.readFileSync(path.join(dir('fonts'), f))] as const),
  );
  return {
    locales: () => readLocales(dir('locales')),
    check: () => checkRepository({ root: deps.root }, deps.codeLists),
    samples: () => readSamples(path.join(dir('samples'), 'documents')),
    previewTemplates: () => deps.compileTemplates(createMarkingTranslator(readLocales(dir('locales')))),
    font: (name) => fonts.get(name) ?? null,
  };
}
