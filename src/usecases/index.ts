/** usecases: what Qujat does, each a factory over the ports it needs. */
export * from './ports.js';
export { contentFields, type ContentField } from './document-content.js';
export {
  createDocumentPreparer,
  createIssueDocument,
  createPreviewDocument,
  PREVIEW_NUMBER,
  type IssueDocument,
  type IssueResult,
  type PrepareDocument,
  type PrepareDocumentDeps,
  type PreparedDocument,
  type PreviewDocument,
} from './issue-document.js';
export { createRequestPreparer, documentView, DocumentRequest, type PreparedRequest, type DocumentBarcodes } from './document-request.js';
export {
  createVerifyDocument,
  sniffSource,
  MAX_VERIFY_BYTES,
  VERIFY_OUTCOMES,
  VerifyBusyError,
  type Verdict,
  type VerifiedProof,
  type VerifyDocument,
  type VerifySource,
  type RegistryStatus,
} from './verify-document.js';
export { createIssuedFirstPage, type IssuedFirstPage, type FirstPageAccess } from './issued-first-page.js';
export { verdictReport, reasonText, reasonTexts } from './verdict-report.js';
export * from './applications/index.js';
export { createApiKeys, apiKeyPrincipalId, ApiKeyScopeError, ApiKeyNotFoundError, type ApiKeys, type ApiKeyIdentity, type ApiKeyStore, type StoredApiKey, type NewApiKey } from './api-keys.js';
export * from './applications/types.js';
export { mayReadDocument, readableDocument } from './document-access.js';
export {
  createPrintDocuments,
  createPrintJobs,
  DocumentNotValidForPrintError,
  PrintBatchDuplicateError,
  PrintBatchEmptyError,
  PrintBatchTooLargeError,
  PrintJobNotFoundError,
  PrintJobNotReadyError,
  PrintJobsBusyError,
  PrintNothingPrintedError,
  type BatchPdfPrinter,
  type PrintCopies,
  type PrintCopy,
  type PrintDocuments,
  type PrintFailure,
  type PrintJobs,
  type PrintJobStatus,
  type PrintResult,
} from './print-documents.js';
