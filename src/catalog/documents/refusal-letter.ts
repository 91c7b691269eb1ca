/**
 * The motivated refusal: a letter to the applicant «Доводим до Вашего сведения, что Вам отказано в
 * предоставлении …» with the reason and the signer (seed 004 lines 505–520; «в произвольной форме в
 * виде письма с текстом обоснования отказа», Pavlodar–Ekibastuz §5.4). One kind serves every service.
 *
 * The reason is a code of REFUSAL_REASONS (texts in locales/{kk,ru}/reasons.json). The optional free
 * text `explanation` must be given in BOTH languages: it is part of a signed official document,
 * and a kk+ru letter with a one-language justification would be a silent fallback.
 */
import { z } from 'zod';
import { calendarDateSchema, defineDocumentKind, localizedTextSchema, text } from '../../domain/index.js';
import { REFUSAL_REASONS, SERVICE_IDS } from '../service-ids.js';
import { issuerSchema } from './issuer.js';
import { personSchema } from './people.js';

export const RefusalLetterData = z.strictObject({
  /** issuer: the provider that refuses. */
  issuer: issuerSchema,
  /** applicant: the addressee; `address` is printed under the name when given. */
  applicant: z.strictObject({ ...personSchema.shape, address: localizedTextSchema().optional() }),
  service: z.enum(SERVICE_IDS),
  reason: z.enum(REFUSAL_REASONS),
  /** explanation: the justification in free text, in both languages. */
  explanation: localizedTextSchema(1000).optional(),
  /** application: the application refused, when the refusal answers a registered one. */
  application: z.strictObject({ number: text(30), date: calendarDateSchema }).optional(),
  /** head: the head of the provider who signs. */
  head: text(),
});
export type RefusalLetterData = z.output<typeof RefusalLetterData>;

export const refusalLetter = defineDocumentKind({
  id: 'refusal-letter',
  titleKey: 'documents:refusal-letter.title',
  template: 'documents/refusal-letter',
  schema: RefusalLetterData,
  parties: (data) => ({ issuer: data.issuer, applicant: { iin: data.applicant.iin, fullName: data.applicant.fullName } }),
});
