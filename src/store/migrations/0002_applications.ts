/**
 * 0002: applications, their history, attachments, documents, notifications, idempotency records,
 * the counters of application and journal numbers, the preschool queue and the questionnaire.
 * `due_key` is the deadline, or a far-future text when there is none, so the worklist orders and
 * pages on a NOT NULL (due_key, number) the same way on both dialects.
 */
import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('applicant_iin', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('terminal', 'text')
    .addColumn('assignee', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text')
    .addColumn('state_entered_at', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('due_key', 'text', (c) => c.notNull())
    .addColumn('breach_recorded_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addCheckConstraint('applications_channel', sql`channel in ('portal', 'con', 'provider')`)
    .addCheckConstraint('applications_language', sql`language in ('kk', 'ru')`)
    .execute();
  const worklist = (name: string, lead: string[]) =>
    db.schema.createIndex(name).on('applications').columns([...lead, 'due_key', 'number']).execute();
  await worklist('applications_due', []);
  await worklist('applications_provider_due', ['provider_id']);
  await worklist('applications_status_due', ['status']);
  await worklist('applications_service_due', ['service_id']);
  await worklist('applications_applicant_due', ['applicant_iin']);
  await worklist('applications_assignee_due', ['assignee']);
  await worklist('applications_provider_status_due', ['provider_id', 'status']);

  await db.schema
    .createTable('counters')
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('counters_pk', ['series', 'scope', 'year'])
    .execute();

  await db.schema
    .createTable('application_history')
    .addColumn('number', 'text', (c) => c.notNull().references('applications.number'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('application_history_pk', ['number', 'seq'])
    .execute();

  await db.schema
    .createTable('application_attachments')
    .addColumn('number', 'text', (c) => c.notNull().references('applications.number'))
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', types.blob, (c) => c.notNull())
    .addPrimaryKeyConstraint('application_attachments_pk', ['number', 'id'])
    .execute();

  await db.schema
    .createTable('application_documents')
    .addColumn('document_number', 'text', (c) => c.primaryKey().references('issued_documents.number'))
    .addColumn('application_number', 'text', (c) => c.notNull().references('applications.number'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('application_documents_application').on('application_documents').column('application_number').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', types.serial, (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('application_number', 'text', (c) => c.notNull().references('applications.number'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text_kk', 'text', (c) => c.notNull())
    .addColumn('text_ru', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_recipient').on('notifications').columns(['recipient', 'id']).execute();

  await db.schema
    .createTable('idempotency_records')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_records_pk', ['scope', 'key'])
    .execute();

  await db.schema
    .createTable('queue_entries')
    .addColumn('application_number', 'text', (c) => c.primaryKey().references('applications.number'))
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('journal_year', 'integer', (c) => c.notNull())
    .addColumn('journal_number', 'integer', (c) => c.notNull())
    .addColumn('journal_date', 'text', (c) => c.notNull())
    .addColumn('child_iin', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('preferred', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('referral_organisation', 'text')
    .addColumn('referral_age', 'integer')
    .addColumn('referral_issued_at', 'text')
    .addColumn('referral_valid_until', 'text')
    .addUniqueConstraint('queue_entries_journal', ['provider_id', 'journal_year', 'journal_number'])
    .execute();
  await db.schema
    .createIndex('queue_entries_waiting')
    .on('queue_entries')
    .columns(['provider_id', 'status', 'journal_year', 'journal_number'])
    .execute();

  await db.schema
    .createTable('free_places')
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('age_years', 'integer', (c) => c.notNull())
    .addColumn('free', 'integer', (c) => c.notNull().check(sql`free >= 0`))
    .addPrimaryKeyConstraint('free_places_pk', ['provider_id', 'organisation_id', 'age_years'])
    .execute();

  await db.schema
    .createTable('questionnaire_answers')
    .addColumn('application_number', 'text', (c) => c.primaryKey().references('applications.number'))
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('quality', 'text', (c) => c.notNull())
    .addColumn('accessibility', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('questionnaire_answers_service').on('questionnaire_answers').columns(['service_id', 'answered_at']).execute();
}
