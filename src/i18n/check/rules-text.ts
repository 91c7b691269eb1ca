/** Rules over the letters of every text: no Latin look-alikes inside Cyrillic words (and back), and every character in every shipped font. */
import { LANGUAGES } from '../../domain/index.js';
import type { FontCoverage } from './cmap.js';
import { entriesOf, fileOf, withoutPlaceholders } from './flatten.js';
import { RULES, type Finding, type Locales } from './types.js';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
// Letters and combining marks; hyphens, digits, dots and slashes end a word, so that
// «QR-код», «e-gov», «N 370-II» and URLs are sequences of single-script words.
const WORD = /[\p{L}\p{M}]+/gu;
// Latin ə (U+0259) and ǝ (U+01DD) stand in for Cyrillic ә (U+04D9) in badly converted Kazakh.
const LATIN_SCHWA = /[\u0259\u01DD\u018F\u018E]/u;

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** foreignLetters describes the letters of a mixed word that are not of its majority script. */
export function mixedScriptProblem(word: string): string | null {
  const letters = [...word].filter((ch) => /\p{L}/u.test(ch));
  const latin = letters.filter((ch) => LATIN.test(ch));
  const cyrillic = letters.filter((ch) => CYRILLIC.test(ch));
  if (latin.length === 0 || cyrillic.length === 0) return null;
  const [script, foreign, foreignScript] = cyrillic.length >= latin.length ? ['Cyrillic', latin, 'Latin'] : ['Latin', cyrillic, 'Cyrillic'];
  const listed = [...new Set(foreign)].map((ch) => `${ch} (${foreignScript} ${codePoint(ch)})`).join(', ');
  return `${script} word «${word}» contains ${listed}`;
}

/** checkScripts flags mixed-script words and Latin schwas in every text of both languages. */
export function checkScripts(locales: Locales): Finding[] {
  const findings: Finding[] = [];
  for (const language of LANGUAGES) {
    for (const entry of entriesOf(locales[language] ?? {})) {
      if (typeof entry.value !== 'string') continue;
      const text = withoutPlaceholders(entry.value);
      const file = fileOf(entry.namespace, language);
      for (const word of new Set(text.match(WORD) ?? [])) {
        const problem = mixedScriptProblem(word);
        if (problem) findings.push({ rule: 'script.mixed', severity: RULES['script.mixed'].severity, file, key: entry.key, language, message: problem });
        else if (LATIN_SCHWA.test(word)) {
          findings.push({ rule: 'script.latin-schwa', severity: RULES['script.latin-schwa'].severity, file, key: entry.key, language, message: `«${word}» uses a Latin schwa; write Cyrillic ә (U+04D9) / Ә (U+04D8)` });
        }
      }
    }
  }
  return findings;
}

/** checkFonts flags each character that a shipped font lacks, once per character, listing where it is used. */
export function checkFonts(locales: Locales, fonts: readonly FontCoverage[]): Finding[] {
  const uses = new Map<string, { file: string; key: string; language: (typeof LANGUAGES)[number] }[]>();
  for (const language of LANGUAGES) {
    for (const entry of entriesOf(locales[language] ?? {})) {
      if (typeof entry.value !== 'string') continue;
      for (const ch of new Set(entry.value)) {
        if (ch === '\n' || ch === '\t') continue;
        const list = uses.get(ch) ?? [];
        list.push({ file: fileOf(entry.namespace, language), key: entry.key, language });
        uses.set(ch, list);
      }
    }
  }
  const findings: Finding[] = [];
  for (const [ch, places] of uses) {
    const lacking = fonts.filter((font) => !font.covers(ch.codePointAt(0) ?? 0)).map((font) => font.file);
    if (lacking.length === 0) continue;
    for (const place of places) {
      findings.push({
        rule: 'fonts.missing-glyph',
        severity: RULES['fonts.missing-glyph'].severity,
        ...place,
        message: `«${ch}» (${codePoint(ch)}) is not in ${lacking.join(', ')}`,
      });
    }
  }
  return findings;
}
