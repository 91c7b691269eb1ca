/**
 * The status notification: a short letter sent on every change of an application's status and
 * when the term is extended («Уведомления поставляются по мере изменения статуса исполнения
 * заявления, либо в случае продления срока оказания услуги», Pavlodar–Ekibastuz §5.3).
 */
import { z } from 'zod';
import { calendarDateSchema, defineDocumentKind, text } from '../../domain/index.js';
import { REFUSAL_REASONS, SERVICE_IDS } from '../service-ids.js';
import { issuerSchema } from './issuer.js';
import { personSchema } from './people.js';

/** APPLICATION_STATUSES: the statuses an applicant is told about (the portal's «Поступившие», «В работе», …). */
export const APPLICATION_STATUSES = ['received', 'in-progress', 'issued', 'refused', 'extended'] as const;

export const StatusNotificationData = z
  .strictObject({
    issuer: issuerSchema,
    applicant: personSchema,
    application: z.strictObject({ number: text(30), submittedOn: calendarDateSchema }),
    service: z.enum(SERVICE_IDS),
    status: z.enum(APPLICATION_STATUSES),
    /** changedOn: the day the status changed. */
    changedOn: calendarDateSchema,
    /** newDeadline: the extended term; required when status is `extended`, refused otherwise. */
    newDeadline: calendarDateSchema.optional(),
    /** reason: the refusal reason; allowed only when status is `refused`. */
    reason: z.enum(REFUSAL_REASONS).optional(),
  })
  .superRefine((data, ctx) => {
    if (data.status === 'extended' && !data.newDeadline) {
      ctx.addIssue({ code: 'custom', path: ['newDeadline'], params: { rule: 'REQUIRED' } });
    }
    if (data.status !== 'extended' && data.newDeadline) {
      ctx.addIssue({ code: 'custom', path: ['newDeadline'], params: { rule: 'NOT_ALLOWED_VALUE' } });
    }
    if (data.status !== 'refused' && data.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], params: { rule: 'NOT_ALLOWED_VALUE' } });
    }
    if (data.newDeadline && data.newDeadline < data.changedOn) {
      ctx.addIssue({ code: 'custom', path: ['newDeadline'], params: { rule: 'DATE_ORDER' } });
    }
  });
export type StatusNotificationData = z.output<typeof StatusNotificationData>;

export const statusNotification = defineDocumentKind({
  id: 'status-notification',
  titleKey: 'documents:status-notification.title',
  template: 'documents/status-notification',
  schema: StatusNotificationData,
  parties: (data) => ({ issuer: data.issuer, applicant: data.applicant }),
});
