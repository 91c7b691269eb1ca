/**
 * The notification that documents for the material support of a disabled child schooled at home
 * have been drawn up: «уведомление об оформлении документов для материального обеспечения
 * детей-инвалидов, обучающихся и воспитывающихся на дому» (Urdzhar L1306–1308, Pavlodar–Ekibastuz
 * §2.2 and §5.2; Aktobe service 3 calls it «уведомление о назначении материального обеспечения»).
 * The seeds keep only its title; the fields follow what the regulations say it states.
 */
import { z } from 'zod';
import { calendarDateSchema, defineDocumentKind, localizedTextSchema, periodSchema, text } from '../../domain/index.js';
import { issuerSchema } from './issuer.js';
import { childSchema, formatTenge, personSchema } from './people.js';

const MAX_AMOUNT = 100_000_000;

export const DisabilitySupportNotificationData = z
  .strictObject({
    /** issuer: the provider, the district (city) department of employment and social programmes. */
    issuer: issuerSchema,
    /** recipient: the parent or legal representative who receives the support. */
    recipient: personSchema,
    child: childSchema,
    /** school: the organisation of education that teaches the child at home, when known. */
    school: localizedTextSchema().optional(),
    /** period: the period the support is assigned for. */
    period: periodSchema,
    /** monthlyAmount: the monthly amount in tenge, when the decision states it. */
    monthlyAmount: z.number().positive().max(MAX_AMOUNT).multipleOf(0.01).optional(),
    /** basis: the decision or act the support rests on («решение … от … № …»), in both languages. */
    basis: localizedTextSchema(600),
    applicationDate: calendarDateSchema,
    head: text(),
    specialist: text().optional(),
  })
  .transform((data) => ({
    ...data,
    monthlyAmountText: data.monthlyAmount === undefined ? null : formatTenge(data.monthlyAmount),
  }));
export type DisabilitySupportNotificationData = z.output<typeof DisabilitySupportNotificationData>;

export const disabilitySupportNotification = defineDocumentKind({
  id: 'disability-support-notification',
  titleKey: 'documents:disability-support-notification.title',
  template: 'documents/disability-support-notification',
  schema: DisabilitySupportNotificationData,
  parties: (data) => ({ issuer: data.issuer, applicant: data.recipient }),
});
