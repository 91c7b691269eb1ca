/** A verification verdict as the doors show it: the reason in both languages, never the full IIN. */
import { LANGUAGES, maskIin, type Language, type LocalizedText } from '../domain/index.js';
import type { Texts } from './ports.js';
import type { Verdict } from './verify-document.js';

/** reasonText finds a verdict reason's text: an outcome, a signature failure, or an error code. */
export function reasonText(texts: Texts, language: Language, reason: string): string {
  const key = [`verify:outcomes.${reason}`, `verify:reasons.${reason}`].find((k) => texts.has(language, k)) ?? `errors:${reason}`;
  return texts.t(language, key);
}

/** reasonTexts is reasonText in both languages. */
export function reasonTexts(texts: Texts, reason: string): LocalizedText {
  return { kk: reasonText(texts, 'kk', reason), ru: reasonText(texts, 'ru', reason) };
}

/** verdictReport is the JSON of `POST /v1/verify` and `qujat verify --json`. */
export function verdictReport(texts: Texts, verdict: Verdict) {
  const document = verdict.document;
  return {
    valid: verdict.valid,
    reason: verdict.reason,
    message: Object.fromEntries(LANGUAGES.map((l) => [l, reasonText(texts, l, verdict.reason)])) as Record<Language, string>,
    source: verdict.source,
    proof: verdict.proof,
    number: document?.number ?? null,
    kind: document?.kind ?? null,
    issuer: document?.issuer ?? null,
    issuedAt: document?.issuedAt ?? null,
    applicantIin: document ? maskIin(document.applicant.iin) : null,
    registryStatus: verdict.registryStatus,
  };
}
