/**
 * The characters a document can print: those every shipped font (fonts/, Liberation Serif and
 * Sans 2.1.5, regular, bold and italic) maps to a glyph, less everything that prints nothing or
 * changes how the rest is shown — controls, format characters (bidi overrides such as U+202E, the
 * soft hyphen, zero-width joiners), combining marks left over after NFC, private use, surrogates,
 * non-characters, U+FFFD (which is what invalid UTF-8 becomes) — and less the right-to-left letters
 * (Hebrew), which would reorder the line around them. Tenge (U+20B8) is not in the fonts, so it
 * is not here. test/unit/domain/printable-text.test.ts reads the fonts' cmap tables and checks
 * that every code point of these ranges is mapped in each file.
 */

/** PRINTABLE_RANGES: inclusive [first, last] code point ranges, in order. */
export const PRINTABLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x00ac], // Latin-1 (no-break space … ¬); U+00AD soft hyphen is a format character
  [0x00ae, 0x02ff], // Latin-1, Latin Extended-A and -B, IPA, spacing modifiers (ʼ)
  [0x0384, 0x038a], // Greek
  [0x038c, 0x038c],
  [0x038e, 0x03a1],
  [0x03a3, 0x03ce],
  [0x0400, 0x0482], // Cyrillic: Russian and Kazakh (Ә Ғ Қ Ң Ө Ұ Ү Һ І)
  [0x048a, 0x0513], // Cyrillic and Cyrillic Supplement
  [0x1e00, 0x1e9b], // Latin Extended Additional
  [0x1e9e, 0x1e9e],
  [0x1ea0, 0x1ef9],
  [0x2010, 0x2010], // hyphen
  [0x2012, 0x2022], // dashes, quotation marks („ “ ” ‘ ’), daggers, bullet
  [0x2026, 0x2026], // …
  [0x202f, 0x2030], // narrow no-break space, ‰
  [0x2032, 0x2034], // primes
  [0x2039, 0x203a], // ‹ ›
  [0x2044, 0x2044], // fraction slash
  [0x2074, 0x2079], // superscripts
  [0x207f, 0x2089], // superscripts and subscripts
  [0x20a0, 0x20b5], // currency signs (₽ is not in the fonts either)
  [0x2105, 0x2105], // ℅
  [0x2113, 0x2113], // ℓ
  [0x2116, 0x2117], // № ℗
  [0x2122, 0x2122], // ™
  [0x2126, 0x2126], // Ω
  [0x212e, 0x212e], // ℮
  [0x2153, 0x2154], // ⅓ ⅔
  [0x215b, 0x215e], // ⅛ … ⅞
  [0x2190, 0x2195], // arrows
  [0x2212, 0x2212], // minus
  [0x2215, 0x2215], // division slash
  [0x2248, 0x2248], // ≈
  [0x2260, 0x2260], // ≠
  [0x2264, 0x2265], // ≤ ≥
];

/** isPrintable: the code point is in PRINTABLE_RANGES. */
export function isPrintable(codePoint: number): boolean {
  let low = 0;
  let high = PRINTABLE_RANGES.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [first, last] = PRINTABLE_RANGES[middle] as readonly [number, number];
    if (codePoint < first) high = middle - 1;
    else if (codePoint > last) low = middle + 1;
    else return true;
  }
  return false;
}

/** codePointLabel writes a code point as U+XXXX, the way a refusal names it. */
export const codePointLabel = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** firstUnprintable: the first code point of a text that cannot be printed (a line break included), or null. */
export function firstUnprintable(value: string): number | null {
  for (const character of value) {
    // for…of yields a lone surrogate as itself, so it is refused like any other unprintable one.
    const codePoint = character.codePointAt(0) as number;
    if (!isPrintable(codePoint)) return codePoint;
  }
  return null;
}
