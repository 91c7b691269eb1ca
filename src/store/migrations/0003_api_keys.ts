/** 0003: API keys. Only the SHA-256 of a key's secret is stored; the key itself is shown once, when made. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret_sha256', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('SYSTEM', 'CON_OPERATOR', 'PROVIDER_EMPLOYEE', 'PROVIDER_HEAD', 'APPLICANT')`),
    )
    .addColumn('provider_id', 'text')
    .addColumn('applicant_iin', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    // Staff act for one provider and an applicant for one IIN; nobody else carries either.
    .addCheckConstraint(
      'api_keys_scope',
      sql`(role in ('PROVIDER_EMPLOYEE', 'PROVIDER_HEAD')) = (provider_id is not null) and (role = 'APPLICANT') = (applicant_iin is not null)`,
    )
    .execute();
}
