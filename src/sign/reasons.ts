/**
 * Why a signed document was refused. The list is closed: every code has a kk and a ru text in
 * locales/{kk,ru}/verify.json under `reasons.<CODE>`, and clients may switch on the code.
 * The order below is the order the verifier checks in (reference §2.7).
 */
export const SIGNATURE_FAILURES = [
  'TOO_LARGE',
  'MALFORMED_XML',
  'DOCTYPE_FORBIDDEN',
  'COMMENT_FORBIDDEN',
  'PROCESSING_INSTRUCTION_FORBIDDEN',
  'DUPLICATE_ID',
  'NOT_A_QUJAT_DOCUMENT',
  'SIGNATURE_MISSING',
  'SIGNATURE_DUPLICATED',
  'SIGNATURE_MISPLACED',
  'SIGNED_INFO_DUPLICATED',
  'SIGNATURE_MALFORMED',
  'REFERENCE_INVALID',
  'GOST_NOT_SUPPORTED',
  'WEAK_ALGORITHM',
  'ALGORITHM_NOT_ALLOWED',
  'CERTIFICATE_MISSING',
  'CERTIFICATE_MALFORMED',
  'UNTRUSTED_CERTIFICATE',
  'WEAK_KEY',
  'DIGEST_MISMATCH',
  'SIGNATURE_INVALID',
  'DOCUMENT_INVALID',
  'ISSUED_IN_FUTURE',
  'CERTIFICATE_NOT_YET_VALID',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_NOT_FOR_SIGNING',
  'SIGNER_NOT_ISSUER',
  'REVOCATION_UNKNOWN',
  'CERTIFICATE_REVOKED',
] as const;

/** SignatureFailure is one reason code from SIGNATURE_FAILURES. */
export type SignatureFailure = (typeof SIGNATURE_FAILURES)[number];
