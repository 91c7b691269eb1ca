/**
 * The check's thin I/O layer: reads locales/, templates/, src/, fonts/, the glossary and the
 * identical-text allow-list from a project root, then runs the pure check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readLocales } from '../i18n.js';
import { readFontCoverage } from './cmap.js';
import { runCheck } from './check.js';
import { Glossary } from './glossary.js';
import type { CheckInput, CheckReport, CodeList, IdenticalAllowList, SourceFile } from './types.js';

/** CheckPaths locate what the check reads; each defaults to its folder under the root. */
export interface CheckPaths {
  readonly root: string;
  readonly locales?: string;
  readonly templates?: string;
  readonly code?: string;
  readonly fonts?: string;
}

function readSources(root: string, dir: string, extension: string): SourceFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(extension))
    .sort()
    .map((file) => ({
      path: path.relative(root, path.join(dir, file)).split(path.sep).join('/'),
      source: fs.readFileSync(path.join(dir, file), 'utf8'),
    }));
}

function readJson(file: string): unknown {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
}

const reasons = z.record(z.string(), z.string().min(1)).default({});
const IdenticalAllowFile = z.strictObject({ $comment: z.string().optional(), keys: reasons, values: reasons });

/** readIdenticalAllow reads locales/identical-allow.json (absent means nothing is allowed); every entry needs a reason. */
export function readIdenticalAllow(localesDir: string): IdenticalAllowList {
  const raw = readJson(path.join(localesDir, 'identical-allow.json'));
  const { keys, values } = IdenticalAllowFile.parse(raw ?? {});
  return { keys, values };
}

/** readGlossary reads and validates locales/glossary.json (absent means no glossary rule). */
export function readGlossary(localesDir: string): Glossary | null {
  const raw = readJson(path.join(localesDir, 'glossary.json'));
  return raw === null ? null : Glossary.parse(raw);
}

/** readCheckInput loads everything the check reads. */
export function readCheckInput(paths: CheckPaths, codeLists: readonly CodeList[]): CheckInput {
  const at = (given: string | undefined, name: string) => given ?? path.join(paths.root, name);
  const localesDir = at(paths.locales, 'locales');
  const fontsDir = at(paths.fonts, 'fonts');
  return {
    locales: readLocales(localesDir),
    templates: readSources(paths.root, at(paths.templates, 'templates'), '.hbs'),
    code: readSources(paths.root, at(paths.code, 'src'), '.ts'),
    codeLists,
    fonts: fs
      .readdirSync(fontsDir)
      .filter((f) => /\.(ttf|otf)$/i.test(f))
      .sort()
      .map((f) => readFontCoverage(f, fs.readFileSync(path.join(fontsDir, f)))),
    glossary: readGlossary(localesDir),
    identicalAllow: readIdenticalAllow(localesDir),
  };
}

/** checkRepository reads a project tree and checks it. */
export function checkRepository(paths: CheckPaths, codeLists: readonly CodeList[]): CheckReport {
  return runCheck(readCheckInput(paths, codeLists));
}
