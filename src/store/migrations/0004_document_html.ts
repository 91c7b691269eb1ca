/**
 * 0004: the printed HTML of each issued document, gzip-compressed, with the page count of its
 * print. A paper copy must be the issued document itself (same number, barcodes, verification
 * QR whose token the registry keeps only as a hash), so copies are printed again from this HTML.
 * Documents issued before this migration have no row here.
 */
import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('issued_document_html')
    .addColumn('number', 'text', (c) => c.primaryKey().references('issued_documents.number').onDelete('cascade'))
    .addColumn('pages', 'integer', (c) => c.notNull().check(sql`pages > 0`))
    .addColumn('html_gzip', types.blob, (c) => c.notNull())
    .execute();
}
