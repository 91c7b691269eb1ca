/**
 * The queue notice: «Баланы тіркеу туралы хабарлама» / «Уведомление о регистрации ребенка», the
 * interim answer of the preschool queue service when no place is free (Urdzhar regulation,
 * Appendix 3, seed 002 lines 3019–3036).
 *
 * The Russian sentence names the parent in the dative after «выдано»: the caller's
 * `fullNameDative` wins, else a confident rule of domain/russian-names declines the name, else
 * the template names the parent in a separate «Получатель:» line and the sentence says «выдано
 * получателю», so a nominative is never printed where a dative belongs.
 */
import { z } from 'zod';
import {
  calendarDateSchema,
  declineFullNameDative,
  defineDocumentKind,
  iinSchema,
  sexFromIin,
  text,
} from '../../domain/index.js';
import { issuerSchema } from './issuer.js';
import { sexSchema } from './people.js';

/** EGOV_PORTAL: the portal where applicants follow their place in the queue. */
export const EGOV_PORTAL = 'www.egov.kz';

export const PreschoolQueueNoticeData = z
  .strictObject({
    /** issuer: the district (city) education department that keeps the journal. */
    issuer: issuerSchema,
    parent: z.strictObject({
      iin: iinSchema,
      fullName: text(),
      /** fullNameDative: the Russian dative («Ивановой Марии Петровне») when the caller knows it. */
      fullNameDative: text().optional(),
      /** sex: for declension; read from the IIN's 7th digit when absent. */
      sex: sexSchema.optional(),
    }),
    child: z.strictObject({
      fullName: text(),
      /** sex: «поставлен» (male) or «поставлена» (female) in the Russian text. */
      sex: sexSchema,
    }),
    /** journal: the entry in «Журнал регистрации детей дошкольного возраста…». */
    journal: z.strictObject({ number: text(30), date: calendarDateSchema }),
    /** portal: where the queue can be followed; the e-gov portal by default. */
    portal: text(200).default(EGOV_PORTAL),
    /** head: the head of the education department who signs. */
    head: text(),
  })
  .transform((data) => {
    const sex = data.parent.sex ?? sexFromIin(data.parent.iin);
    const dative = data.parent.fullNameDative ?? (sex ? declineFullNameDative(data.parent.fullName, sex) : null);
    return { ...data, parentDative: dative };
  });
export type PreschoolQueueNoticeData = z.output<typeof PreschoolQueueNoticeData>;

export const preschoolQueueNotice = defineDocumentKind({
  id: 'preschool-queue-notice',
  titleKey: 'documents:preschool-queue-notice.title',
  template: 'documents/preschool-queue-notice',
  schema: PreschoolQueueNoticeData,
  parties: (data) => ({ issuer: data.issuer, applicant: { iin: data.parent.iin, fullName: data.parent.fullName } }),
});
