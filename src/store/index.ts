/** store: the database (SQLite by default, PostgreSQL by URL), its migrations and repositories. Only this room knows Kysely. */
export { openDatabase, type Database, type StoreConfig, type Tx } from './database.js';
export { StoreBusyError, StoreMigrationError, StoreUnavailableError } from './errors.js';
export type { DialectName } from './migrations/index.js';
export type { DocumentStatusCode, OperatorRole, Tables } from './tables.js';
export * as documentsRepository from './documents.repository.js';
export type { DocumentRow, Executor, NewDocumentRow, StatusChange } from './documents.repository.js';
export * as operatorsRepository from './operators.repository.js';
export type { NewOperatorRow, OperatorRow } from './operators.repository.js';
export { createApplicationStore } from './application-store.js';
export { createApiKeyStore, type StoredKey } from './api-keys.repository.js';
export * as endedSessionsRepository from './ended-sessions.repository.js';
