/** Rules over keys and texts: kk/ru parity, value types, placeholders, plural forms, empty and identical texts. */
import { LANGUAGES, type Language } from '../../domain/index.js';
import { fileOf, groupsOf, placeholdersOf, textsOf, type PluralForm, type TextGroup } from './flatten.js';
import { RULES, type Finding, type IdenticalAllowList, type Locales, type RuleId } from './types.js';

const finding = (rule: RuleId, f: Omit<Finding, 'rule' | 'severity'>): Finding => ({ rule, severity: RULES[rule].severity, ...f });

const other = (language: Language): Language => (language === 'kk' ? 'ru' : 'kk');

/** requiredForms are the plural categories a language distinguishes (CLDR, through Intl). */
export function requiredForms(language: Language): readonly PluralForm[] {
  return new Intl.PluralRules(language).resolvedOptions().pluralCategories as PluralForm[];
}

function isPlural(group: TextGroup): boolean {
  return [...group.texts.keys()].some((form) => form !== null);
}

/** checkKeys runs every key-level rule over both languages. */
export function checkKeys(locales: Locales, allow: IdenticalAllowList): Finding[] {
  const groups = groupsOf(locales);
  const findings: Finding[] = [];
  for (const language of LANGUAGES) {
    for (const [base, group] of groups[language]) {
      const file = fileOf(group.namespace, language);
      if (!groups[other(language)].has(base)) {
        findings.push(
          finding('keys.missing', { file: fileOf(group.namespace, other(language)), key: base, language: other(language), message: `missing in ${other(language)} (present in ${language})` }),
        );
      }
      for (const [form, value] of group.texts) {
        const shown = form ? `${base}_${form}` : base;
        if (typeof value !== 'string') {
          findings.push(finding('keys.not-text', { file, key: shown, language, message: `value is ${Array.isArray(value) ? 'an array' : String(value === null ? 'null' : typeof value)}, not text` }));
        } else if (value.trim() === '') {
          findings.push(finding('text.empty', { file, key: shown, language, message: 'empty text' }));
        }
      }
      if (isPlural(group)) {
        const needed = requiredForms(language);
        const missing = needed.filter((form) => !group.texts.has(form));
        if (missing.length > 0 || group.texts.has(null)) {
          findings.push(
            finding('plurals.incomplete', {
              file,
              key: base,
              language,
              message: `${language} needs the forms ${needed.map((f) => `_${f}`).join(', ')}; missing ${missing.map((f) => `_${f}`).join(', ') || '(none)'}${group.texts.has(null) ? '; the plain key beside the forms is ambiguous' : ''}`,
            }),
          );
        }
        const extra = [...group.texts.keys()].filter((form): form is PluralForm => form !== null && form !== 'zero' && !needed.includes(form));
        if (extra.length > 0) {
          findings.push(finding('plurals.unexpected', { file, key: base, language, message: `${language} never uses ${extra.map((f) => `_${f}`).join(', ')}` }));
        }
      }
    }
  }
  for (const [base, kk] of groups.kk) {
    const ru = groups.ru.get(base);
    if (!ru) continue;
    const names = (g: TextGroup) => [...new Set(textsOf(g).flatMap(placeholdersOf))].sort();
    const [kkNames, ruNames] = [names(kk), names(ru)];
    if (kkNames.join() !== ruNames.join()) {
      const only = (a: string[], b: string[]) => a.filter((n) => !b.includes(n)).map((n) => `{{${n}}}`).join(', ') || '—';
      findings.push(
        finding('placeholders.mismatch', { file: fileOf(kk.namespace), key: base, message: `only in kk: ${only(kkNames, ruNames)}; only in ru: ${only(ruNames, kkNames)}` }),
      );
    }
    if (isPlural(kk) || isPlural(ru) || allow.keys[base] !== undefined) continue;
    const [kkText, ruText] = [kk.texts.get(null), ru.texts.get(null)];
    if (typeof kkText !== 'string' || typeof ruText !== 'string' || kkText.trim() === '') continue;
    // Texts without letters (numbers, punctuation, placeholders only) are the same in every language.
    if (!/\p{L}/u.test(kkText.replace(/\{\{[^}]*\}\}/g, ''))) continue;
    if (kkText.trim() === ruText.trim() && allow.values[kkText.trim()] === undefined) {
      findings.push(
        finding('text.identical', {
          file: fileOf(kk.namespace),
          key: base,
          message: `same text in kk and ru: «${kkText}»; translate it, or add the key or the text to locales/identical-allow.json with the reason`,
        }),
      );
    }
  }
  return findings;
}
