/** Languages of official documents: Kazakh, Russian, or both with Kazakh first. */
export const LANGUAGES = ['kk', 'ru'] as const;
/** Language is one of the two languages every text exists in. */
export type Language = (typeof LANGUAGES)[number];

export const OUTPUT_LANGUAGES = ['kk', 'ru', 'kk+ru'] as const;
/** OutputLanguage is what a document is printed in; `kk+ru` puts each Kazakh text before its Russian one. */
export type OutputLanguage = (typeof OUTPUT_LANGUAGES)[number];

/** languagesOf lists the languages an output language prints, in printing order. */
export function languagesOf(output: OutputLanguage): readonly Language[] {
  return output === 'kk+ru' ? LANGUAGES : [output];
}

/** LocalizedText is a text given by the caller in both languages (names of bodies, free text). */
export interface LocalizedText {
  readonly kk: string;
  readonly ru: string;
}
