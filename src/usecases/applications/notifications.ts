/** The kk/ru notifications: to the applicant on a status change or an extension, to staff on a breach. */
import { calendarDateInAlmaty, LANGUAGES, type ApplicationRecord, type Language, type NotificationRecord, type Role } from '../../domain/index.js';
import type { Texts } from '../ports.js';

type NewNotification = Omit<NotificationRecord, 'id'>;

const pad = (n: number) => String(n).padStart(2, '0');

/** dayOf: «22.11.2026», the numeric official form both languages read the same way. */
function dayOf(instant: Date): string {
  const day = calendarDateInAlmaty(instant);
  return `${pad(day.day)}.${pad(day.month)}.${day.year}`;
}

function bilingual(text: (language: Language) => string): { kk: string; ru: string } {
  const [kk, ru] = LANGUAGES.map(text) as [string, string];
  return { kk, ru };
}

export function createNotifications(texts: Texts) {
  const status = (language: Language, record: ApplicationRecord) => texts.t(language, `workflow:statuses.${record.status}`);
  return {
    /** statusChanged: the application (after the transition) has a new status. */
    statusChanged(record: ApplicationRecord, at: Date): NewNotification {
      return {
        recipient: record.applicant.iin,
        applicationNumber: record.number,
        kind: 'status',
        text: bilingual((language) =>
          texts.t(language, 'workflow:notifications.status', {
            number: record.number,
            service: texts.t(language, `services:${record.serviceId}.name`),
            status: status(language, record),
          }),
        ),
        at,
      };
    },
    /** extended: the term was extended to the record's new deadline. */
    extended(record: ApplicationRecord, at: Date): NewNotification {
      const deadline = record.deadline ? dayOf(record.deadline) : '';
      return {
        recipient: record.applicant.iin,
        applicationNumber: record.number,
        kind: 'extension',
        text: bilingual((language) => texts.t(language, 'workflow:notifications.extension', { number: record.number, deadline })),
        at,
      };
    },
    /** breached: one notification per role of the provider that the escalation names. */
    breached(record: ApplicationRecord, roles: readonly Role[], at: Date): NewNotification[] {
      return roles.map((role) => ({
        recipient: staffRecipient(record.providerId, role),
        applicationNumber: record.number,
        kind: 'deadline' as const,
        text: bilingual((language) => texts.t(language, 'workflow:notifications.deadline', { number: record.number, status: status(language, record) })),
        at,
      }));
    },
  };
}

/** staffRecipient: the notification box of a provider's role, e.g. `urzhar-education:PROVIDER_HEAD`. */
export function staffRecipient(providerId: string, role: Role): string {
  return `${providerId}:${role}`;
}
