/**
 * The migrations, listed here rather than read from a folder, so that they travel inside dist/
 * and run the same from a clone and from a package. Names sort in the order they apply.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { columnTypes, type ColumnTypes, type DialectName } from './column-types.js';
import * as documents from './0001_documents.js';
import * as applications from './0002_applications.js';
import * as apiKeys from './0003_api_keys.js';
import * as documentHtml from './0004_document_html.js';
import * as operators from './0005_operators.js';
import * as leastPrivilege from './0006_least_privilege.js';
import * as applicationRegulation from './0007_application_regulation.js';

type MigrationUp = (db: Kysely<unknown>, types: ColumnTypes) => Promise<void>;

const MIGRATIONS: Readonly<Record<string, MigrationUp>> = {
  '0001_documents': documents.up,
  '0002_applications': applications.up,
  '0003_api_keys': apiKeys.up,
  '0004_document_html': documentHtml.up,
  '0005_operators': operators.up,
  '0006_least_privilege': leastPrivilege.up,
  '0007_application_regulation': applicationRegulation.up,
};

/** migrationProvider hands Kysely's Migrator every migration, bound to the dialect's column types. */
export function migrationProvider(dialect: DialectName): MigrationProvider {
  const types = columnTypes(dialect);
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, up]) => [name, { up: (db: Kysely<unknown>) => up(db, types) }]),
      );
    },
  };
}

export type { DialectName } from './column-types.js';
