/**
 * ApplicationStore: the port the application use cases keep their state through. The store room
 * implements it; compose.ts gives it the registry's `register` so that a transition and the
 * documents it issues commit in one transaction.
 */
import type {
  ApplicationRecord,
  AttachmentRecord,
  DocumentLink,
  FreePlacesRecord,
  HistoryRecord,
  NotificationRecord,
  QualityCount,
  QueueEntryRecord,
  QueueEntryStatus,
  WorklistFilter,
} from '../../domain/index.js';

/** StoredResult: the first result of a call made with an idempotency key. */
export interface StoredResult {
  readonly requestHash: string;
  readonly result: string;
}

/** ApplicationDossier: an application with its history, attachments and documents, read at one version. */
export interface ApplicationDossier {
  readonly record: ApplicationRecord;
  readonly history: readonly HistoryRecord[];
  readonly attachments: readonly AttachmentRecord[];
  readonly documents: readonly DocumentLink[];
}

/** ApplicationReads: queries, on the database or inside a transaction. */
export interface ApplicationReads {
  find(number: string): Promise<ApplicationRecord | null>;
  /** dossier: the application and its history, attachments and documents in one read. */
  dossier(number: string): Promise<ApplicationDossier | null>;
  attachments(number: string): Promise<AttachmentRecord[]>;
  attachmentBytes(number: string, id: number): Promise<Uint8Array | null>;
  worklist(filter: WorklistFilter): Promise<ApplicationRecord[]>;
  notifications(recipient: string, limit: number, beforeId: number | null): Promise<NotificationRecord[]>;
  idempotent(scope: string, key: string): Promise<StoredResult | null>;
  /** breached: applications not finished whose deadline passed and whose breach is not recorded. */
  breached(now: Date, limit: number): Promise<ApplicationRecord[]>;
  /** dueForAction: applications in the given (service, state) pairs whose deadline passed. */
  dueForAction(states: readonly { serviceId: string; state: string }[], now: Date, limit: number): Promise<ApplicationRecord[]>;
  queueEntry(applicationNumber: string): Promise<QueueEntryRecord | null>;
  /** queueEntries: a provider's journal entries in journal order, optionally by status. */
  queueEntries(
    providerId: string,
    status: QueueEntryStatus | null,
    limit: number,
    after: { readonly year: number; readonly number: number } | null,
  ): Promise<QueueEntryRecord[]>;
  freePlaces(providerId: string): Promise<FreePlacesRecord[]>;
  questionnaireAnswered(number: string): Promise<boolean>;
  qualityCounts(serviceId: string | null, from: Date, to: Date): Promise<QualityCount[]>;
}

/** ApplicationWrites: changes, always inside a transaction. */
export interface ApplicationWrites<Doc> extends ApplicationReads {
  /** nextValue: the next value of a counter per series (application numbers, journal) per provider per year. */
  nextValue(series: 'application' | 'journal', providerId: string, year: number): Promise<number>;
  insert(record: ApplicationRecord): Promise<void>;
  /** update stores the record if the stored version is `record.version - 1`; false when somebody else changed it. */
  update(record: ApplicationRecord): Promise<boolean>;
  appendHistory(number: string, entries: readonly Omit<HistoryRecord, 'seq'>[]): Promise<void>;
  addAttachment(number: string, attachment: Omit<AttachmentRecord, 'id' | 'size'> & { readonly bytes: Uint8Array }): Promise<void>;
  registerDocument(document: Doc, link: DocumentLink & { readonly applicationNumber: string }): Promise<void>;
  notify(notifications: readonly Omit<NotificationRecord, 'id'>[]): Promise<void>;
  /** remember stores a result under (scope, key); false when the pair is already taken. */
  remember(scope: string, key: string, value: StoredResult, at: Date): Promise<boolean>;
  putQueueEntry(entry: QueueEntryRecord): Promise<void>;
  setFreePlaces(places: FreePlacesRecord): Promise<void>;
  answerQuestionnaire(number: string, serviceId: string, answers: Readonly<Record<string, string>>, at: Date): Promise<boolean>;
}

export interface ApplicationStore<Doc> {
  readonly read: ApplicationReads;
  transaction<T>(fn: (tx: ApplicationWrites<Doc>) => Promise<T>): Promise<T>;
}
