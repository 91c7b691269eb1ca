/** The registry's errors; texts in locales/{kk,ru}/errors.json. */
import { defineError } from '../domain/index.js';

export { DocumentNotFoundError, InvalidDocumentNumberError } from '../domain/index.js';
/** DocumentAlreadyRevokedError: the document was revoked before; a revocation is final. */
export const DocumentAlreadyRevokedError = defineError<{ number: string; revokedAt: string }>('DOCUMENT_ALREADY_REVOKED', 'conflict');
/** DocumentAlreadySupersededError: another document replaced this one; only a valid document can be revoked or replaced. */
export const DocumentAlreadySupersededError = defineError<{ number: string; supersededBy: string }>(
  'DOCUMENT_ALREADY_SUPERSEDED',
  'conflict',
);
/** DocumentAlreadyRegisteredError: the number is in the registry already; numbers are never reused. */
export const DocumentAlreadyRegisteredError = defineError<{ number: string }>('DOCUMENT_ALREADY_REGISTERED', 'conflict');
/** DocumentSupersedesItselfError: a document cannot be its own replacement. */
export const DocumentSupersedesItselfError = defineError<{ number: string }>('DOCUMENT_SUPERSEDES_ITSELF', 'invalid');
/** DocumentNumbersExhaustedError: the year's 9-digit sequence is used up. */
export const DocumentNumbersExhaustedError = defineError<{ year: number }>('DOCUMENT_NUMBERS_EXHAUSTED', 'internal');
/** DocumentPrintCopyMissingError: the document was issued before printed HTML was kept, so no identical paper copy can be printed. */
export const DocumentPrintCopyMissingError = defineError<{ number: string }>('DOCUMENT_PRINT_COPY_MISSING', 'not_found');
