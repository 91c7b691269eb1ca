/**
 * The preschool referral: «ЖОЛДАМА № …» / «НАПРАВЛЕНИЕ № …», the positive answer of the service
 * «Постановка на очередь детей дошкольного возраста (до 7 лет) для направления в детские дошкольные
 * организации» (Urdzhar regulation, Appendix 3, seed 002 lines 2995–3017). The number is the
 * document's own number; the department, the locality and the preschool organisation are data.
 */
import { z } from 'zod';
import { calendarDateSchema, defineDocumentKind, localizedTextSchema, text } from '../../domain/index.js';
import { issuerSchema } from './issuer.js';
import { personSchema } from './people.js';

/**
 * Validity: the referral is presented to the preschool organisation «в течение пяти дней со дня
 * его выдачи». These are CALENDAR days counted from the day after the issue date (Civil Code
 * art. 191: a period starts the day after its event), so the last valid day printed is the issue
 * date + 5 (the template computes it from the document's issue date, never from input). The
 * regulation does not say calendar or working days; calendar days are the reading's default.
 */
export const PreschoolReferralData = z.strictObject({
  /** issuer: the district (city) education department that refers the child. */
  issuer: issuerSchema,
  /** applicant: the parent or legal representative who applied; not printed, signed as the addressee. */
  applicant: personSchema,
  child: z.strictObject({
    fullName: text(),
    birthDate: calendarDateSchema,
    /** homeAddress: the child's home address, in both languages. */
    homeAddress: localizedTextSchema(),
  }),
  preschool: z.strictObject({
    /** number: the preschool organisation's number («дошкольная организация № 12»). */
    number: text(20),
    /** name: the organisation's own name, when it has one («"Балапан" бөбекжай-бақшасы»). */
    name: localizedTextSchema().optional(),
    /** locality: district and settlement («Үржар ауданы, Үржар ауылы» / «Урджарский район, село Урджар»). */
    locality: localizedTextSchema(),
    /** address: street and building within the locality. */
    address: localizedTextSchema(),
  }),
  /** head: the head of the education department who signs. */
  head: text(),
});
export type PreschoolReferralData = z.output<typeof PreschoolReferralData>;

export const preschoolReferral = defineDocumentKind({
  id: 'preschool-referral',
  titleKey: 'documents:preschool-referral.title',
  template: 'documents/preschool-referral',
  schema: PreschoolReferralData,
  parties: (data) => ({ issuer: data.issuer, applicant: data.applicant }),
});
