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

/** Tables is the whole schema after the last migration. */
export interface Tables {
  issued_documents: IssuedDocumentsTable;
  issued_document_files: IssuedDocumentFilesTable;
  issued_document_html: IssuedDocumentHtmlTable;
  document_counters: DocumentCountersTable;
}
