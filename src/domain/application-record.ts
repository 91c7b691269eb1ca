/**
 * What the store keeps of an application and around it. Shared by the store (which writes these
 * records) and the use cases (which read and produce them), so both speak the same shapes
 * without one importing the other.
 */
import type { Language, OutputLanguage } from './language.js';
import type { Channel, Outcome, Role } from './service-definition.js';

/** ApplicationRecord: one application as stored; `version` grows by one on every change. */
export interface ApplicationRecord {
  readonly number: string;
  readonly serviceId: string;
  readonly channel: Channel;
  readonly providerId: string;
  readonly applicant: { readonly iin: string; readonly fullName: string };
  readonly language: Language;
  readonly form: unknown;
  readonly state: string;
  readonly status: string;
  readonly terminal: Outcome | null;
  readonly assignee: string | null;
  readonly receivedAt: Date;
  readonly registeredAt: Date | null;
  readonly stateEnteredAt: Date;
  readonly deadline: Date | null;
  readonly breachRecordedAt: Date | null;
  readonly version: number;
  /** conId: the ЦОН that took the application (channel con, by an operator of that ЦОН). */
  readonly conId?: string;
  /**
   * regulationId: the regulation (`<service>/<act>`) the application was taken under, kept when its
   * provider is later rebound; null for one stored before regulations were recorded.
   */
  readonly regulationId: string | null;
}

/** HistoryEntry: one append-only line of an application's history, as a transition writes it. */
export interface HistoryEntry {
  readonly at: Date;
  readonly actorId: string;
  readonly role: Role;
  readonly action: string;
  readonly from: string;
  readonly to: string;
  readonly comment: string | null;
  readonly reason: string | null;
}

/** HistoryRecord: a stored history line, numbered within its application. */
export interface HistoryRecord extends HistoryEntry {
  readonly seq: number;
}

export interface AttachmentRecord {
  readonly id: number;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
}

/** DocumentLink: a registered document issued by one of the application's transitions. */
export interface DocumentLink {
  readonly documentNumber: string;
  readonly kind: string;
  readonly outcome: Outcome;
  readonly language: OutputLanguage;
  readonly issuedAt: Date;
}

/** NotificationRecord: a kk/ru message to an applicant (by IIN) or to a provider's role. */
export interface NotificationRecord {
  readonly id: number;
  readonly recipient: string;
  readonly applicationNumber: string;
  readonly kind: 'status' | 'extension' | 'deadline';
  readonly text: { readonly kk: string; readonly ru: string };
  readonly at: Date;
}

export type QueueEntryStatus = 'QUEUED' | 'REFERRED' | 'ENROLLED' | 'EXPIRED' | 'WITHDRAWN';

/** QueueEntryRecord: a child in a provider's preschool journal. */
export interface QueueEntryRecord {
  readonly applicationNumber: string;
  readonly providerId: string;
  readonly journalYear: number;
  readonly journalNumber: number;
  readonly journalDate: string;
  readonly childIin: string;
  readonly birthDate: string;
  readonly preferredOrganisations: readonly string[];
  readonly status: QueueEntryStatus;
  readonly referral: { readonly organisationId: string; readonly ageYears: number; readonly issuedAt: Date; readonly validUntil: Date } | null;
}

export interface FreePlacesRecord {
  readonly providerId: string;
  readonly organisationId: string;
  readonly ageYears: number;
  readonly free: number;
}

/** WorklistFilter: what the worklist query filters on; paging is by (deadline, number). */
export interface WorklistFilter {
  readonly status?: string;
  readonly state?: string;
  readonly serviceId?: string;
  readonly channel?: Channel;
  /** overdueAt: only applications not finished whose deadline is before this instant. */
  readonly overdueAt?: Date;
  readonly assignee?: string;
  readonly providerId?: string;
  readonly applicantIin?: string;
  readonly after?: { readonly deadline: Date | null; readonly number: string };
  readonly limit: number;
}

/** QualityCount: how many applications of a service got one answer to one question. */
export interface QualityCount {
  readonly serviceId: string;
  readonly question: string;
  readonly answer: string;
  readonly count: number;
}
