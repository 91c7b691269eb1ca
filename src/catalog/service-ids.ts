/** The e-services Qujat serves; their names are `services:<id>.name` in locales/. */
export const SERVICE_IDS = ['unemployed-certificate', 'disabled-children-home-education', 'preschool-queue'] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

/**
 * REFUSAL_REASONS: the reasons a refusal can cite, each `reasons:<CODE>` in locales/ (a clause that
 * follows «отказано … » / «… бас тартылды»). Pavlodar–Ekibastuz reading §3.4 and §4.4.
 */
export const REFUSAL_REASONS = [
  'EDS_NOT_CONFIRMED',
  'APPLICANT_DATA_VIOLATIONS',
  'PERSON_NOT_FOUND',
  'DOCUMENTS_NONCONFORMING',
  'DOCUMENTS_INCOMPLETE',
  'NOT_REGISTERED_UNEMPLOYED',
  'CHILD_OVER_AGE',
  'NOT_ELIGIBLE',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
