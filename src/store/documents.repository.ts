/**
 * Queries on the registry's tables. Every function takes the executor to run on: a transaction
 * when the caller needs it to commit together with other work, the Database's Kysely otherwise.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DocumentStatusCode, IssuedDocumentsTable, Tables } from './tables.js';

/** Executor is a Database's Kysely or a transaction (a Transaction is a Kysely). */
export type Executor = Kysely<Tables>;

/** DocumentRow is a stored issued document without its files. */
export type DocumentRow = Selectable<IssuedDocumentsTable>;

/** NewDocumentRow is what a new registry entry stores; its status starts as valid. */
export type NewDocumentRow = Omit<DocumentRow, 'status' | 'status_reason' | 'status_at' | 'status_by' | 'superseded_by'>;

/** StatusChange ends a valid document's life: revoked, or superseded by another number. */
export interface StatusChange {
  readonly status: Exclude<DocumentStatusCode, 'valid'>;
  readonly reason: string;
  readonly at: string;
  readonly by: string;
  readonly supersededBy: string | null;
}

// pg sends only a Buffer as bytea (any other Uint8Array would go out as JSON); this shares memory.
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * incrementCounter adds one to the year's counter and returns the new value. On PostgreSQL the
 * upsert locks the counter row until the transaction ends, so concurrent issuers on any number of
 * instances queue there; on SQLite the transaction already holds the file's write lock.
 */
export async function incrementCounter(trx: Executor, year: number): Promise<number> {
  const row = await trx
    .insertInto('document_counters')
    .values({ year, last_value: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last_value: eb('document_counters.last_value', '+', 1) })))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(row.last_value);
}

/** insertDocument stores the entry and its files. */
export async function insertDocument(trx: Executor, row: NewDocumentRow, files: { xml: Uint8Array; pdf: Uint8Array }): Promise<void> {
  await trx.insertInto('issued_documents').values(row).execute();
  await trx
    .insertInto('issued_document_files')
    .values({ number: row.number, xml: asBuffer(files.xml), pdf: asBuffer(files.pdf) })
    .execute();
}

/** insertDocumentHtml stores the printed HTML (already compressed) of a document being registered. */
export async function insertDocumentHtml(trx: Executor, number: string, printed: { pages: number; htmlGzip: Uint8Array }): Promise<void> {
  await trx.insertInto('issued_document_html').values({ number, pages: printed.pages, html_gzip: asBuffer(printed.htmlGzip) }).execute();
}

/** readDocumentHtml returns the compressed printed HTML and its page count, if the document has one. */
export async function readDocumentHtml(db: Executor, number: string): Promise<{ pages: number; htmlGzip: Uint8Array } | undefined> {
  const row = await db.selectFrom('issued_document_html').select(['pages', 'html_gzip']).where('number', '=', number).executeTakeFirst();
  return row ? { pages: Number(row.pages), htmlGzip: new Uint8Array(row.html_gzip) } : undefined;
}

export async function findDocument(db: Executor, number: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('issued_documents').selectAll().where('number', '=', number).executeTakeFirst();
}

export async function readDocumentFile(db: Executor, number: string, file: 'xml' | 'pdf'): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom('issued_document_files').select(file).where('number', '=', number).executeTakeFirst();
  return row ? new Uint8Array(row[file]) : undefined;
}

/** listDocumentsOfApplicant returns an applicant's documents, newest first. */
export async function listDocumentsOfApplicant(db: Executor, iin: string, limit: number): Promise<DocumentRow[]> {
  return db
    .selectFrom('issued_documents')
    .selectAll()
    .where('applicant_iin', '=', iin)
    .orderBy('issued_at', 'desc')
    .orderBy('number', 'desc')
    .limit(limit)
    .execute();
}

/**
 * endValidity applies a status change only to a document that is still valid, and says whether
 * it did; a concurrent change of the same row waits for the row lock and then finds it changed.
 */
export async function endValidity(trx: Executor, number: string, change: StatusChange): Promise<boolean> {
  const result = await trx
    .updateTable('issued_documents')
    .set({
      status: change.status,
      status_reason: change.reason,
      status_at: change.at,
      status_by: change.by,
      superseded_by: change.supersededBy,
    })
    .where('number', '=', number)
    .where('status', '=', 'valid')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
