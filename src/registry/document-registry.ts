/**
 * The registry of issued documents: numbers from a per-year counter, the signed XML and the PDF
 * with their SHA-256, the verification token's hash, and the status (valid, revoked, superseded).
 * Methods that write take a transaction, so a use case can issue a document and record the
 * workflow transition that produced it in one commit.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { calendarDateInAlmaty, type LocalizedText, type OutputLanguage } from '../domain/index.js';
import { documentsRepository as repo, type Database, type DocumentRow, type Executor, type StatusChange, type Tx } from '../store/index.js';
import {
  DocumentAlreadyRegisteredError,
  DocumentAlreadyRevokedError,
  DocumentAlreadySupersededError,
  DocumentNotFoundError,
  DocumentNumbersExhaustedError,
  DocumentPrintCopyMissingError,
  DocumentSupersedesItselfError,
  InvalidDocumentNumberError,
} from './errors.js';
import { documentNumber, isValidDocumentNumber, MAX_SEQUENCE } from './numbers.js';

/** IssuedDocumentRecord is what the issuing use case hands over for a new document. */
export interface IssuedDocumentRecord {
  readonly number: string;
  readonly kind: string;
  readonly language: OutputLanguage;
  readonly issuedAt: Date;
  readonly issuer: { readonly bin: string; readonly name: LocalizedText };
  readonly applicant: { readonly iin: string; readonly name: string };
  /** The signed XML exactly as signed: its bytes are what the hash and any verification cover. */
  readonly xml: Uint8Array;
  readonly pdf: Uint8Array;
  /** The secret of the verification QR; only its SHA-256 is stored. */
  readonly verificationToken: string;
  /** The HTML as printed into `pdf`, kept (compressed) so that paper copies are this very document. */
  readonly printed?: PrintedHtml;
  /** owner: the provider the document belongs to and the ЦОН that took its application, where known. */
  readonly owner?: DocumentOwner;
}

/** DocumentOwner: who a document belongs to, for the access checks of the use cases. */
export interface DocumentOwner {
  readonly providerId: string | null;
  readonly conId: string | null;
}

/** PrintedHtml is a document's complete printed HTML and the page count of its print. */
export interface PrintedHtml {
  readonly html: string;
  readonly pages: number;
}

/** DocumentStatus is valid until revoked or superseded; both are final. */
export type DocumentStatus =
  | { readonly code: 'valid' }
  | { readonly code: 'revoked'; readonly reason: string; readonly at: Date; readonly by: string }
  | { readonly code: 'superseded'; readonly reason: string; readonly at: Date; readonly by: string; readonly supersededBy: string };

/** IssuedDocument is a registry entry without its files. */
export interface IssuedDocument {
  readonly number: string;
  readonly kind: string;
  readonly language: OutputLanguage;
  readonly issuedAt: Date;
  readonly issuer: { readonly bin: string; readonly name: LocalizedText };
  readonly applicant: { readonly iin: string; readonly name: string };
  readonly xml: { readonly sha256: string; readonly size: number };
  readonly pdf: { readonly sha256: string; readonly size: number };
  readonly status: DocumentStatus;
  readonly owner: DocumentOwner;
}

/** Revocation says why, when and by whom a document stops being valid. */
export interface Revocation {
  readonly reason: string;
  readonly at: Date;
  readonly by: string;
}

/** Supersession is a revocation that names the document replacing this one. */
export interface Supersession extends Revocation {
  readonly replacement: string;
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** statusOf reads the status columns; the table's check constraints guarantee they are set once a document is no longer valid. */
function statusOf(row: DocumentRow): DocumentStatus {
  if (row.status === 'valid') return { code: 'valid' };
  const ended = { reason: row.status_reason ?? '', at: new Date(row.status_at ?? 0), by: row.status_by ?? '' };
  if (row.status === 'revoked') return { code: 'revoked', ...ended };
  return { code: 'superseded', ...ended, supersededBy: row.superseded_by ?? '' };
}

function toDocument(row: DocumentRow): IssuedDocument {
  return {
    number: row.number,
    kind: row.kind,
    language: row.language as OutputLanguage,
    issuedAt: new Date(row.issued_at),
    issuer: { bin: row.issuer_bin, name: { kk: row.issuer_name_kk, ru: row.issuer_name_ru } },
    applicant: { iin: row.applicant_iin, name: row.applicant_name },
    xml: { sha256: row.xml_sha256, size: row.xml_size },
    pdf: { sha256: row.pdf_sha256, size: row.pdf_size },
    status: statusOf(row),
    owner: { providerId: row.provider_id, conId: row.con_id },
  };
}

/** conflictOf explains why a document that exists could not change its status. */
function conflictOf(row: DocumentRow): Error {
  if (row.status === 'revoked') {
    return new DocumentAlreadyRevokedError({ number: row.number, revokedAt: row.status_at ?? '' });
  }
  return new DocumentAlreadySupersededError({ number: row.number, supersededBy: row.superseded_by ?? '' });
}

/** createDocumentRegistry builds the registry on an open Database. */
export function createDocumentRegistry(db: Database) {
  const read = (trx?: Tx): Executor => trx ?? db.kysely;
  const within = <T>(trx: Tx | undefined, fn: (trx: Tx) => Promise<T>): Promise<T> => (trx ? fn(trx) : db.transaction(fn));

  async function findRow(executor: Executor, number: string): Promise<DocumentRow> {
    const row = await repo.findDocument(executor, number);
    if (!row) throw new DocumentNotFoundError({ number });
    return row;
  }

  async function readFile(number: string, file: 'xml' | 'pdf', trx?: Tx): Promise<Uint8Array> {
    const bytes = await repo.readDocumentFile(read(trx), number, file);
    if (!bytes) throw new DocumentNotFoundError({ number });
    return bytes;
  }

  async function endValidity(trx: Tx, number: string, change: StatusChange): Promise<IssuedDocument> {
    if (await repo.endValidity(trx, number, change)) return toDocument(await findRow(trx, number));
    throw conflictOf(await findRow(trx, number));
  }

  const registry = {
    /**
     * reserveNumber takes the next number of the year of `issuedAt` inside `trx`. Rolled back
     * with it, the number goes back to the counter; committed alone (a short transaction before
     * rendering), it is never handed out again even if the document is never registered.
     */
    async reserveNumber(trx: Tx, issuedAt: Date): Promise<string> {
      const { year } = calendarDateInAlmaty(issuedAt);
      for (;;) {
        const sequence = await repo.incrementCounter(trx, year);
        if (sequence > MAX_SEQUENCE) throw new DocumentNumbersExhaustedError({ year });
        const number = documentNumber(year, sequence);
        if (number !== null) return number;
      }
    },

    /** next reserves a number in its own transaction; it is the DocumentNumbers port of the use cases. */
    async next(_kind: string, issuedAt: Date): Promise<string> {
      return db.transaction((trx) => registry.reserveNumber(trx, issuedAt));
    },

    /** register stores a new document with its files, hashes and token hash; its status is valid. */
    async register(trx: Tx, record: IssuedDocumentRecord): Promise<void> {
      if (!isValidDocumentNumber(record.number)) throw new InvalidDocumentNumberError({ number: record.number });
      if (await repo.findDocument(trx, record.number)) throw new DocumentAlreadyRegisteredError({ number: record.number });
      await repo.insertDocument(
        trx,
        {
          number: record.number,
          kind: record.kind,
          language: record.language,
          issued_at: record.issuedAt.toISOString(),
          issuer_bin: record.issuer.bin,
          issuer_name_kk: record.issuer.name.kk,
          issuer_name_ru: record.issuer.name.ru,
          applicant_iin: record.applicant.iin,
          applicant_name: record.applicant.name,
          xml_sha256: sha256(record.xml),
          xml_size: record.xml.byteLength,
          pdf_sha256: sha256(record.pdf),
          pdf_size: record.pdf.byteLength,
          token_sha256: sha256(record.verificationToken),
          provider_id: record.owner?.providerId ?? null,
          con_id: record.owner?.conId ?? null,
        },
        { xml: record.xml, pdf: record.pdf },
      );
      if (record.printed) {
        await repo.insertDocumentHtml(trx, record.number, { pages: record.printed.pages, htmlGzip: gzipSync(record.printed.html) });
      }
    },

    /** find returns the document, or null when no document has this number. */
    async find(number: string, trx?: Tx): Promise<IssuedDocument | null> {
      const row = await repo.findDocument(read(trx), number);
      return row ? toDocument(row) : null;
    },

    /** readXml returns the signed XML byte for byte as registered. */
    readXml: (number: string, trx?: Tx) => readFile(number, 'xml', trx),
    readPdf: (number: string, trx?: Tx) => readFile(number, 'pdf', trx),

    /**
     * readHtml returns the printed HTML of a document; DocumentNotFoundError for an unknown number,
     * DocumentPrintCopyMissingError for a document issued before the HTML was kept.
     */
    async readHtml(number: string, trx?: Tx): Promise<PrintedHtml> {
      const stored = await repo.readDocumentHtml(read(trx), number);
      if (stored) return { html: gunzipSync(stored.htmlGzip).toString('utf8'), pages: stored.pages };
      await findRow(read(trx), number);
      throw new DocumentPrintCopyMissingError({ number });
    },

    /** checkToken is true when the token is the document's verification token (compared in constant time). */
    async checkToken(number: string, token: string): Promise<boolean> {
      const row = await repo.findDocument(db.kysely, number);
      if (!row) return false;
      return timingSafeEqual(Buffer.from(row.token_sha256, 'hex'), Buffer.from(sha256(token), 'hex'));
    },

    /** listByApplicant returns an applicant's documents, newest first. */
    async listByApplicant(iin: string, options: { limit?: number } = {}): Promise<IssuedDocument[]> {
      const rows = await repo.listDocumentsOfApplicant(db.kysely, iin, Math.min(Math.max(options.limit ?? 50, 1), 500));
      return rows.map(toDocument);
    },

    /** revoke ends a valid document's validity; in its own transaction unless given one. */
    async revoke(number: string, revocation: Revocation, trx?: Tx): Promise<IssuedDocument> {
      const { reason, at, by } = revocation;
      return within(trx, (t) => endValidity(t, number, { status: 'revoked', reason, at: at.toISOString(), by, supersededBy: null }));
    },

    /** supersede marks a valid document as replaced by another registered one (usually registered in the same transaction). */
    async supersede(number: string, supersession: Supersession, trx?: Tx): Promise<IssuedDocument> {
      if (supersession.replacement === number) throw new DocumentSupersedesItselfError({ number });
      return within(trx, async (t) => {
        await findRow(t, supersession.replacement);
        return endValidity(t, number, {
          status: 'superseded',
          reason: supersession.reason,
          at: supersession.at.toISOString(),
          by: supersession.by,
          supersededBy: supersession.replacement,
        });
      });
    },
  };
  return registry;
}

/** DocumentRegistry is what createDocumentRegistry returns. */
export type DocumentRegistry = ReturnType<typeof createDocumentRegistry>;
