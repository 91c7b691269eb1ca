/** The store's errors; texts in locales/{kk,ru}/errors.json. */
import { defineError } from '../domain/index.js';

/** StoreUnavailableError: the database cannot be reached (PostgreSQL down, file not writable); the log names it. */
export const StoreUnavailableError = defineError<Record<string, never>>('STORE_UNAVAILABLE', 'unavailable');
/** StoreBusyError: another process held the SQLite write lock for longer than the busy timeout. */
export const StoreBusyError = defineError<{ timeoutMs: number }>('STORE_BUSY', 'unavailable');
/** StoreMigrationError: a schema migration failed at start; the database is left at the last good one. */
export const StoreMigrationError = defineError<{ migration: string }>('STORE_MIGRATION_FAILED', 'internal');
