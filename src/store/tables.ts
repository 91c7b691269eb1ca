/**
 * The tables as Kysely sees them. Times are ISO 8601 UTC text with milliseconds
 * (`Date.prototype.toISOString()`) on both dialects: fixed width, so comparing the text
 * compares the instants, and the same value comes back from SQLite and PostgreSQL.
 */
import type { Generated } from 'kysely';

/** DocumentStatusCode is the registry status of an issued document. */
export type DocumentStatusCode = 'valid' | 'revoked' | 'superseded';

/** IssuedDocumentsTable holds one row per issued document; the files live in issued_document_files. */
export interface IssuedDocumentsTable {
  number: string;
  kind: string;
  language: string;
  issued_at: string;
  issuer_bin: string;
  issuer_name_kk: string;
  issuer_name_ru: string;
  applicant_iin: string;
  applicant_name: string;
  xml_sha256: string;
  xml_size: number;
  pdf_sha256: string;
  pdf_size: number;
  token_sha256: string;
  status: Generated<DocumentStatusCode>;
  status_reason: string | null;
  status_at: string | null;
  status_by: string | null;
  superseded_by: string | null;
  /** provider_id: the provider the document belongs to (null: issued on its own before migration 0006). */
  provider_id: string | null;
  /** con_id: the ЦОН that took the document's application, when a ЦОН took it. */
  con_id: string | null;
}

/** IssuedDocumentFilesTable keeps the signed XML and the PDF apart, so metadata reads stay small. */
export interface IssuedDocumentFilesTable {
  number: string;
  xml: Uint8Array;
  pdf: Uint8Array;
}

/** IssuedDocumentHtmlTable keeps the printed HTML (gzip) of a document and its page count, for paper copies. */
export interface IssuedDocumentHtmlTable {
  number: string;
  pages: number;
  html_gzip: Uint8Array;
}

/** DocumentCountersTable holds the last sequence value handed out per calendar year (Asia/Almaty). */
export interface DocumentCountersTable {
  year: number;
  last_value: number;
}

/** OperatorRole: the workstation roles an operator account may hold. */
export type OperatorRole = 'CON_OPERATOR' | 'PROVIDER_EMPLOYEE' | 'PROVIDER_HEAD';

/** OperatorsTable: workstation accounts; password_hash encodes its KDF, parameters and salt; disabled is 0 or 1. */
export interface OperatorsTable {
  id: string;
  username: string;
  password_hash: string;
  role: OperatorRole;
  provider_id: string;
  display_name: string;
  disabled: Generated<number>;
  created_at: string;
}

/** ApplicationsTable: one row per application; JSON form as text; `version` for optimistic locking. */
export interface ApplicationsTable {
  number: string;
  service_id: string;
  channel: string;
  provider_id: string;
  applicant_iin: string;
  applicant_name: string;
  language: string;
  form: string;
  state: string;
  status: string;
  terminal: string | null;
  assignee: string | null;
  received_at: string;
  registered_at: string | null;
  state_entered_at: string;
  deadline: string | null;
  due_key: string;
  breach_recorded_at: string | null;
  version: number;
  /** con_id: the ЦОН that took the application (channel con, intake by a ЦОН operator bound to one). */
  con_id: string | null;
  /** regulation_id: the regulation the application was taken under; null for one stored before 0007. */
  regulation_id: string | null;
}

/** CountersTable: the last value handed out per series (application, journal), provider and year. */
export interface CountersTable {
  series: string;
  scope: string;
  year: number;
  last_value: number;
}

export interface ApplicationHistoryTable {
  number: string;
  seq: number;
  at: string;
  actor_id: string;
  role: string;
  action: string;
  from_state: string;
  to_state: string;
  comment: string | null;
  reason: string | null;
}

export interface ApplicationAttachmentsTable {
  number: string;
  id: number;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
}

export interface ApplicationDocumentsTable {
  document_number: string;
  application_number: string;
  kind: string;
  outcome: string;
  language: string;
  issued_at: string;
}

export interface NotificationsTable {
  id: Generated<number>;
  recipient: string;
  application_number: string;
  kind: string;
  text_kk: string;
  text_ru: string;
  at: string;
}

export interface IdempotencyRecordsTable {
  scope: string;
  key: string;
  request_hash: string;
  result: string;
  at: string;
}

export interface QueueEntriesTable {
  application_number: string;
  provider_id: string;
  journal_year: number;
  journal_number: number;
  journal_date: string;
  child_iin: string;
  birth_date: string;
  preferred: string;
  status: string;
  referral_organisation: string | null;
  referral_age: number | null;
  referral_issued_at: string | null;
  referral_valid_until: string | null;
}

export interface FreePlacesTable {
  provider_id: string;
  organisation_id: string;
  age_years: number;
  free: number;
}

export interface QuestionnaireAnswersTable {
  application_number: string;
  service_id: string;
  quality: string;
  accessibility: string;
  answered_at: string;
}

/** ApiKeysTable: one row per API key; `secret_sha256` is the hex SHA-256 of the key's secret. */
export interface ApiKeysTable {
  id: string;
  secret_sha256: string;
  role: string;
  provider_id: string | null;
  /** con_id: the ЦОН of a ЦОН operator's key (migration 0006). */
  con_id: string | null;
  applicant_iin: string | null;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

/** EndedSessionsTable: signed-out session ids, kept until their cookie would have expired anyway. */
export interface EndedSessionsTable {
  id: string;
  expires_at: string;
}

/** Tables is the whole schema after the last migration. */
export interface Tables {
  issued_documents: IssuedDocumentsTable;
  issued_document_files: IssuedDocumentFilesTable;
  issued_document_html: IssuedDocumentHtmlTable;
  document_counters: DocumentCountersTable;
  operators: OperatorsTable;
  applications: ApplicationsTable;
  counters: CountersTable;
  application_history: ApplicationHistoryTable;
  application_attachments: ApplicationAttachmentsTable;
  application_documents: ApplicationDocumentsTable;
  notifications: NotificationsTable;
  idempotency_records: IdempotencyRecordsTable;
  queue_entries: QueueEntriesTable;
  free_places: FreePlacesTable;
  questionnaire_answers: QuestionnaireAnswersTable;
  api_keys: ApiKeysTable;
  ended_sessions: EndedSessionsTable;
}
