/** The repository's glossary: its content, its stems, and the rule on inflected texts. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { containsStem, readGlossary, runCheck, wordsOf, type Locales } from '../../../src/i18n/index.js';

const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../locales');
const glossary = readGlossary(localesDir);
if (!glossary) throw new Error('locales/glossary.json is missing');
const terms = glossary.terms;

function findings(kk: string, ru: string) {
  const locales: Locales = { kk: { t: { x: kk } }, ru: { t: { x: ru } } };
  return runCheck({ locales, templates: [], code: [], codeLists: [], fonts: [], glossary, identicalAllow: { keys: {}, values: {} } }).findings.filter((f) =>
    f.rule.startsWith('glossary.'),
  );
}

describe('locales/glossary.json', () => {
  it('has 20+ terms, each with a source, including the required pairs', () => {
    expect(terms.length).toBeGreaterThanOrEqual(20);
    expect(terms.every((t) => t.source.length > 0)).toBe(true);
    const pairs = Object.fromEntries(terms.map((t) => [t.ru, t.kk]));
    expect(pairs).toMatchObject({
      услугодатель: 'қызмет беруші',
      услугополучатель: 'қызмет алушы',
      потребитель: 'тұтынушы',
      заявление: 'өтініш',
      уведомление: 'хабарлама',
      справка: 'анықтама',
      ЦОН: 'ХҚКО',
      отказ: 'бас тарту',
      'электронная цифровая подпись': 'электрондық цифрлық қолтаңба',
      ЭЦП: 'ЭЦҚ',
      'индивидуальный идентификационный номер': 'жеке сәйкестендіру нөмірі',
      ИИН: 'ЖСН',
      'портал электронного правительства': '«электрондық үкімет» порталы',
      безработный: 'жұмыссыз',
      направление: 'жолдама',
    });
  });

  it('finds each term with its own stems, and never flags its approved Kazakh form as a variant', () => {
    for (const term of terms) {
      expect({ term: term.ru, ru: term.match.ru.some((s) => containsStem(wordsOf(term.ru), s)) }).toEqual({ term: term.ru, ru: true });
      expect({ term: term.kk, kk: term.match.kk.some((s) => containsStem(wordsOf(term.kk), s)) }).toEqual({ term: term.kk, kk: true });
      expect({ term: term.kk, avoided: term.avoid.filter((s) => containsStem(wordsOf(term.kk), s)) }).toEqual({ term: term.kk, avoided: [] });
    }
  });
});

describe('glossary rule on inflected texts', () => {
  it('accepts approved terms in any case form', () => {
    expect(findings('Анықтаманы алуға өтініш берілген күні:', 'Дата подачи заявления на получение справки:')).toEqual([]);
    expect(findings('ХҚКО-ға жүгініңіз, ЖСН-ді көрсетіңіз', 'Обратитесь в ЦОН, укажите ИИН')).toEqual([]);
    expect(findings('тұтынушының ЭЦҚ түпнұсқалығының расталмауына байланысты', 'в связи с неподтверждением подлинности ЭЦП потребителя')).toEqual([]);
  });

  it('flags the seeds’ non-approved variants', () => {
    const found = findings('тұтынушының ЭСҚ түпнұсқалығы расталмады', 'подлинность ЭЦП потребителя не подтверждена');
    expect(found.map((f) => `${f.rule} ${f.message.split(':')[0]}`)).toEqual(['glossary.variant ru uses «ЭЦП»']);
    expect(findings('Қызметті ұсынушы хат жіберді', 'Услугодатель направил письмо').map((f) => f.rule)).toContain('glossary.variant');
  });

  it('does not take «заявитель» for «заявление», nor a lower-case word for an abbreviation', () => {
    expect(findings('Өтініш беруші', 'Заявитель')).toEqual([]);
    expect(findings('Ұйым', 'цон')).toEqual([]);
  });
});
