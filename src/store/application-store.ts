/**
 * createApplicationStore: the application use cases' store on an open Database. Reads run on the
 * database; `transaction` hands out the same queries bound to one transaction, plus the writes.
 * Documents are registered through `registerDocument`, which compose.ts takes from the registry,
 * so the store stays ignorant of what a document is.
 */
import type { Database, Tx } from './database.js';
import * as extras from './application-extras.repository.js';
import * as apps from './applications.repository.js';
import { dossier } from './dossier.repository.js';
import { appendHistory, updateApplication } from './transition.repository.js';
import type { Executor } from './documents.repository.js';
import type { DialectName } from './migrations/index.js';
import type {
  ApplicationRecord,
  AttachmentRecord,
  DocumentLink,
  FreePlacesRecord,
  HistoryRecord,
  NotificationRecord,
  QueueEntryRecord,
  QueueEntryStatus,
  WorklistFilter,
} from '../domain/index.js';

function reads(db: Executor, dialect: DialectName) {
  return {
    find: (number: string) => apps.findApplication(db, number),
    dossier: (number: string) => dossier(db, dialect, number),
    attachments: (number: string) => apps.attachments(db, number),
    attachmentBytes: (number: string, id: number) => apps.attachmentBytes(db, number, id),
    worklist: (filter: WorklistFilter) => apps.worklist(db, filter),
    notifications: (recipient: string, limit: number, beforeId: number | null) => extras.notifications(db, recipient, limit, beforeId),
    idempotent: (scope: string, key: string) => extras.findIdempotent(db, scope, key),
    breached: (now: Date, limit: number) => apps.breached(db, now, limit),
    dueForAction: (states: readonly { serviceId: string; state: string }[], now: Date, limit: number) =>
      apps.dueForAction(db, states, now, limit),
    queueEntry: (number: string) => extras.queueEntry(db, number),
    queueEntries: (providerId: string, status: QueueEntryStatus | null, limit: number, after: { year: number; number: number } | null) =>
      extras.queueEntries(db, providerId, status, limit, after),
    freePlaces: (providerId: string) => extras.freePlaces(db, providerId),
    questionnaireAnswered: (number: string) => extras.questionnaireAnswered(db, number),
    qualityCounts: (serviceId: string | null, from: Date, to: Date) => extras.qualityCounts(db, serviceId, from, to),
  };
}

/** createApplicationStore binds the queries to the database; `Doc` is whatever the registry registers. */
export function createApplicationStore<Doc>(db: Database, documents: { register(trx: Tx, document: Doc): Promise<void> }) {
  function writes(trx: Tx) {
    return {
      ...reads(trx, db.dialect),
      nextValue: (series: 'application' | 'journal', providerId: string, year: number) => apps.nextValue(trx, series, providerId, year),
      insert: (record: ApplicationRecord) => apps.insertApplication(trx, record),
      update: (record: ApplicationRecord) => updateApplication(trx, db.dialect, record),
      appendHistory: (number: string, entries: readonly Omit<HistoryRecord, 'seq'>[]) => appendHistory(trx, db.dialect, number, entries),
      addAttachment: (number: string, attachment: Omit<AttachmentRecord, 'id' | 'size'> & { readonly bytes: Uint8Array }) =>
        apps.addAttachment(trx, number, attachment),
      async registerDocument(document: Doc, link: DocumentLink & { readonly applicationNumber: string }) {
        await documents.register(trx, document);
        await apps.linkDocument(trx, link.applicationNumber, link);
      },
      notify: (list: readonly Omit<NotificationRecord, 'id'>[]) => extras.insertNotifications(trx, list),
      remember: (scope: string, key: string, value: { requestHash: string; result: string }, at: Date) =>
        extras.remember(trx, scope, key, value, at),
      putQueueEntry: (entry: QueueEntryRecord) => extras.putQueueEntry(trx, entry),
      setFreePlaces: (places: FreePlacesRecord) => extras.setFreePlaces(trx, places),
      answerQuestionnaire: (number: string, serviceId: string, answers: Readonly<Record<string, string>>, at: Date) =>
        extras.answerQuestionnaire(trx, number, serviceId, answers, at),
    };
  }
  return {
    read: reads(db.kysely, db.dialect),
    transaction: <T>(fn: (tx: ReturnType<typeof writes>) => Promise<T>): Promise<T> => db.transaction((trx) => fn(writes(trx))),
  };
}
