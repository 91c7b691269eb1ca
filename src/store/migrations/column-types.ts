/** Column types that differ between the dialects; every other column uses a type both accept. */
import type { ColumnDataType } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** ColumnTypes is what a migration needs to know about its dialect, and nothing more. */
export interface ColumnTypes {
  readonly blob: ColumnDataType;
  /** serial: an integer key the database numbers itself (rowid on SQLite, a sequence on PostgreSQL). */
  readonly serial: ColumnDataType;
}

export function columnTypes(dialect: DialectName): ColumnTypes {
  return dialect === 'postgres' ? { blob: 'bytea', serial: 'serial' } : { blob: 'blob', serial: 'integer' };
}
