/**
 * 0006: what least privilege needs to know.
 *
 * - `issued_documents.provider_id`: the provider a document belongs to, so that staff read and print
 *   only their own provider's documents. The issuer BIN does not tell (providers of one akimat share
 *   it). Documents issued for an application are backfilled from the application they are linked
 *   to; a document issued on its own before this migration has none and is left to SYSTEM keys.
 * - `applications.con_id` and `issued_documents.con_id`: the ЦОН that took the application, so that
 *   a ЦОН operator reads only those documents. Backfilled from the intake line of applications taken
 *   by a ЦОН operator's workstation account (its account names the ЦОН); intake by an API key
 *   recorded no ЦОН, so those stay without one.
 * - `api_keys.con_id`: the ЦОН a ЦОН operator's key works at (a key made before has none).
 * - `ended_sessions`: the ids of signed sessions that were signed out, until the time the signed
 *   cookie would expire anyway, so that a copied cookie opens nothing on any instance.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('issued_documents').addColumn('provider_id', 'text').execute();
  await db.schema.alterTable('issued_documents').addColumn('con_id', 'text').execute();
  await db.schema.alterTable('applications').addColumn('con_id', 'text').execute();
  await db.schema.alterTable('api_keys').addColumn('con_id', 'text').execute();
  await sql`
    update applications set con_id = (
      select o.provider_id from application_history h join operators o on o.id = h.actor_id
      where h.number = applications.number and h.action = 'SUBMIT' and h.role = 'CON_OPERATOR' and o.role = 'CON_OPERATOR'
      order by h.seq limit 1
    )
    where channel = 'con'
  `.execute(db);
  await sql`
    update issued_documents set
      provider_id = (
        select a.provider_id from application_documents l join applications a on a.number = l.application_number
        where l.document_number = issued_documents.number
      ),
      con_id = (
        select a.con_id from application_documents l join applications a on a.number = l.application_number
        where l.document_number = issued_documents.number
      )
  `.execute(db);
  await db.schema.createIndex('issued_documents_provider').on('issued_documents').column('provider_id').execute();
  await db.schema
    .createTable('ended_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ended_sessions_expiry').on('ended_sessions').column('expires_at').execute();
}
