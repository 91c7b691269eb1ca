/** registry: issued documents, their numbers, files, hashes and status. */
export {
  createDocumentRegistry,
  type DocumentRegistry,
  type DocumentStatus,
  type IssuedDocument,
  type IssuedDocumentRecord,
  type PrintedHtml,
  type Revocation,
  type Supersession,
} from './document-registry.js';
export {
  DocumentAlreadyRegisteredError,
  DocumentAlreadyRevokedError,
  DocumentAlreadySupersededError,
  DocumentNotFoundError,
  DocumentNumbersExhaustedError,
  DocumentPrintCopyMissingError,
  DocumentSupersedesItselfError,
  InvalidDocumentNumberError,
} from './errors.js';
export { createRandomDocumentNumbers, documentNumber, isValidDocumentNumber, sequenceOf } from './numbers.js';
