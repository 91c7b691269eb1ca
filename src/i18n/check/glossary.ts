/**
 * The glossary (locales/glossary.json): Russian term → approved Kazakh term, and the rule that
 * holds the Kazakh text of a key to it when the Russian text of the same key uses the term.
 * Terms match by stems word by word, so that inflected forms match: «заявлени» finds
 * «заявления», «өтініш» finds «өтінішке». A stem written in capitals (an abbreviation) matches
 * case-sensitively; others ignore case.
 */
import { z } from 'zod';
import { groupsOf, fileOf, textsOf, withoutPlaceholders } from './flatten.js';
import { RULES, type Finding, type Locales } from './types.js';

const stems = z.array(z.string().trim().min(1)).min(1);

/** GlossaryTerm is one entry of locales/glossary.json. */
export const GlossaryTerm = z.strictObject({
  ru: z.string().min(1),
  kk: z.string().min(1),
  /** match: the stems that find the term in each language (any one suffices). */
  match: z.strictObject({ ru: stems, kk: stems }),
  /** avoid: stems of Kazakh variants that are not approved. */
  avoid: z.array(z.string().trim().min(1)).default([]),
  /** source: where the pair comes from, e.g. `001:L340` (seed 001, line 340). */
  source: z.string().min(1),
  note: z.string().optional(),
});

export const Glossary = z.strictObject({
  $comment: z.string().optional(),
  terms: z.array(GlossaryTerm),
});
export type Glossary = z.output<typeof Glossary>;
export type GlossaryTerm = z.output<typeof GlossaryTerm>;

const WORD = /[\p{L}\p{M}]+/gu;

const isAbbreviation = (word: string) => word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();

/** wordsOf splits a text into words; hyphens and quotes separate words. */
export function wordsOf(text: string): string[] {
  return withoutPlaceholders(text).match(WORD) ?? [];
}

/** containsStem tells whether consecutive words of `words` start with each word of `stem`. */
export function containsStem(words: readonly string[], stem: string): boolean {
  const parts = stem.split(/\s+/);
  const starts = (word: string, part: string) =>
    isAbbreviation(part) ? word.startsWith(part) : word.toLowerCase().startsWith(part.toLowerCase());
  for (let i = 0; i + parts.length <= words.length; i++) {
    if (parts.every((part, j) => starts(words[i + j] ?? '', part))) return true;
  }
  return false;
}

/** checkGlossary compares the Kazakh text of every key with the glossary terms its Russian text uses. */
export function checkGlossary(locales: Locales, glossary: Glossary): Finding[] {
  const groups = groupsOf(locales);
  const findings: Finding[] = [];
  for (const [base, ru] of groups.ru) {
    const kk = groups.kk.get(base);
    if (!kk) continue;
    const ruWords = wordsOf(textsOf(ru).join(' \n '));
    const kkWords = wordsOf(textsOf(kk).join(' \n '));
    for (const term of glossary.terms) {
      if (!term.match.ru.some((stem) => containsStem(ruWords, stem))) continue;
      const used = term.avoid.filter((stem) => containsStem(kkWords, stem));
      const file = fileOf(kk.namespace, 'kk');
      if (used.length > 0) {
        findings.push({
          rule: 'glossary.variant',
          severity: RULES['glossary.variant'].severity,
          file,
          key: base,
          language: 'kk',
          message: `ru uses «${term.ru}»: write «${term.kk}», not «${used.join('», «')}…» (glossary, ${term.source})`,
        });
      } else if (!term.match.kk.some((stem) => containsStem(kkWords, stem))) {
        findings.push({
          rule: 'glossary.missing',
          severity: RULES['glossary.missing'].severity,
          file,
          key: base,
          language: 'kk',
          message: `ru uses «${term.ru}», kk has no «${term.kk}» (glossary, ${term.source})`,
        });
      }
    }
  }
  return findings;
}
