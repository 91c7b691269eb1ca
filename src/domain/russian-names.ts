/**
 * Russian dative of a full name («Фамилия Имя Отчество»), for sentences such as «уведомление
 * выдано Ивановой Марии Петровне». Only the regular patterns are declined; anything else
 * (indeclinable, foreign, Kazakh «-ұлы / -қызы» patronymics, hyphenated or ambiguous forms)
 * gives null, so that the caller phrases the sentence with the nominative instead of printing
 * a wrong case.
 */

/** Sex decides the declension of every part of a Russian full name. */
export type Sex = 'male' | 'female';

export const SEXES = ['male', 'female'] as const;

type Rule = readonly [ending: string, replacement: string];

// Order matters: the first matching ending wins, so longer endings come first.
const MALE_SURNAME: readonly Rule[] = [
  ['ский', 'скому'],
  ['цкий', 'цкому'],
  ['ской', 'скому'],
  ['цкой', 'цкому'],
  ['ой', 'ому'],
  ['ов', 'ову'],
  ['ев', 'еву'],
  ['ёв', 'ёву'],
  ['ин', 'ину'],
  ['ын', 'ыну'],
];

const FEMALE_SURNAME: readonly Rule[] = [
  ['ская', 'ской'],
  ['цкая', 'цкой'],
  ['ая', 'ой'],
  ['ова', 'овой'],
  ['ева', 'евой'],
  ['ёва', 'ёвой'],
  ['ина', 'иной'],
  ['ына', 'ыной'],
];

const MALE_PATRONYMIC: readonly Rule[] = [['ич', 'ичу']];

const FEMALE_PATRONYMIC: readonly Rule[] = [
  ['овна', 'овне'],
  ['евна', 'евне'],
  ['ична', 'ичне'],
];

// Male given names: a hard consonant takes «-у», «-й» and «-ь» become «-ю», «-а» becomes «-е».
// Names in «-о», «-е», «-и», «-у», «-ю» are indeclinable (or foreign) and give null.
const HARD_CONSONANT = /[бвгджзклмнпрстфхцчшщқғңһ]$/;

const FEMALE_GIVEN: readonly Rule[] = [
  ['ия', 'ии'],
  ['а', 'е'],
  ['я', 'е'],
];

const CYRILLIC_WORD = /^[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+$/;

function applyRules(word: string, rules: readonly Rule[]): string | null {
  const lower = word.toLowerCase();
  for (const [ending, replacement] of rules) {
    // A two-letter stem is too short to be sure the ending is a suffix («Ов», «Ина»).
    if (lower.endsWith(ending) && lower.length - ending.length >= 2) {
      return word.slice(0, word.length - ending.length) + replacement;
    }
  }
  return null;
}

// Names whose stem loses a vowel («Пётр → Петру», «Павел → Павлу», «Лев → Льву»).
const MALE_GIVEN_IRREGULAR: Readonly<Record<string, string>> = { пётр: 'Петру', петр: 'Петру', павел: 'Павлу', лев: 'Льву' };

function maleGiven(word: string): string | null {
  const lower = word.toLowerCase();
  const irregular = MALE_GIVEN_IRREGULAR[lower];
  if (irregular) return irregular;
  if (lower.length < 3) return null;
  if (lower.endsWith('й') || lower.endsWith('ь')) return `${word.slice(0, -1)}ю`;
  // «Никита → Никите», but «Илья → Илье» and «-ия» names are rare enough to refuse.
  if (lower.endsWith('ия')) return null;
  if (lower.endsWith('а') || lower.endsWith('я')) return `${word.slice(0, -1)}е`;
  if (HARD_CONSONANT.test(lower)) return `${word}у`;
  return null;
}

function femaleGiven(word: string): string | null {
  // «-ь» names split: «Любовь → Любови», but «Айгуль» is usually left as it is.
  return applyRules(word, FEMALE_GIVEN);
}

/**
 * declineFullNameDative returns the dative of «Surname Name [Patronymic]», or null when any part
 * does not follow a regular pattern for the given sex.
 */
export function declineFullNameDative(fullName: string, sex: Sex): string | null {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length < 2 || parts.length > 3) return null;
  if (!parts.every((part) => CYRILLIC_WORD.test(part))) return null;
  const [surname = '', given = '', patronymic] = parts;
  const declined =
    sex === 'male'
      ? [applyRules(surname, MALE_SURNAME), maleGiven(given), patronymic === undefined ? '' : applyRules(patronymic, MALE_PATRONYMIC)]
      : [applyRules(surname, FEMALE_SURNAME), femaleGiven(given), patronymic === undefined ? '' : applyRules(patronymic, FEMALE_PATRONYMIC)];
  if (declined.some((part) => part === null)) return null;
  return declined.filter((part) => part !== '').join(' ');
}

/**
 * sexFromIin reads the 7th digit of an IIN: odd for men, even for women (1–6 encode the
 * century too); 0 (foreigners registered before 2013) tells nothing.
 */
export function sexFromIin(iin: string): Sex | null {
  const digit = Number(iin[6]);
  if (!Number.isInteger(digit) || digit < 1 || digit > 6) return null;
  return digit % 2 === 1 ? 'male' : 'female';
}
