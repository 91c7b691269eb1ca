/** 0001: the registry of issued documents, their files and the per-year number counters. */
import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('issued_documents')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issuer_bin', 'text', (c) => c.notNull())
    .addColumn('issuer_name_kk', 'text', (c) => c.notNull())
    .addColumn('issuer_name_ru', 'text', (c) => c.notNull())
    .addColumn('applicant_iin', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('xml_sha256', 'text', (c) => c.notNull())
    .addColumn('xml_size', 'integer', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('pdf_size', 'integer', (c) => c.notNull())
    .addColumn('token_sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('valid').check(sql`status in ('valid', 'revoked', 'superseded')`),
    )
    .addColumn('status_reason', 'text')
    .addColumn('status_at', 'text')
    .addColumn('status_by', 'text')
    .addColumn('superseded_by', 'text', (c) => c.references('issued_documents.number'))
    .addCheckConstraint('issued_documents_language', sql`language in ('kk', 'ru', 'kk+ru')`)
    .addCheckConstraint(
      'issued_documents_status_change',
      sql`(status = 'valid') = (status_reason is null and status_at is null and status_by is null)`,
    )
    .addCheckConstraint('issued_documents_superseded_by', sql`(status = 'superseded') = (superseded_by is not null)`)
    .execute();
  await db.schema.createIndex('issued_documents_applicant').on('issued_documents').columns(['applicant_iin', 'issued_at']).execute();
  await db.schema.createIndex('issued_documents_issued_at').on('issued_documents').column('issued_at').execute();

  await db.schema
    .createTable('issued_document_files')
    .addColumn('number', 'text', (c) => c.primaryKey().references('issued_documents.number').onDelete('cascade'))
    .addColumn('xml', types.blob, (c) => c.notNull())
    .addColumn('pdf', types.blob, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('document_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .execute();
}
