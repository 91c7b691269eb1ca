/** domain: pure types and rules. Imports nothing outside domain/ except zod. */
export * from './document-kind.js';
export * from './errors.js';
export * from './iin.js';
export * from './language.js';
export * from './official-date.js';
export * from './printable-text.js';
export * from './schema-types.js';
export * from './russian-names.js';
export * from './service-definition.js';
export * from './regulation.js';
export * from './application-record.js';
