/**
 * 0007: the regulation an application was taken under (`<service>/<act>`, e.g.
 * `unemployed-certificate/ekibastuz-2013`). It is written once at intake and never updated, so a
 * provider rebound to another act keeps its earlier applications under the first. Applications
 * stored before this migration have none and run under their provider's current regulation.
 * (0006 is left to a migration another change adds in parallel.)
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('regulation_id', 'text').execute();
}
