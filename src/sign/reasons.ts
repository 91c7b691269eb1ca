/**
 * Why a signed document, an applicant's signed request or a signed login challenge was refused.
 * The list is closed: every code has a kk and a ru text in locales/{kk,ru}/verify.json under
 * `reasons.<CODE>`, and clients may switch on the code. The order below is the order the
 * verifiers check in (reference §2.7); the request and login codes come in at their step.
 */
export const SIGNATURE_FAILURES = [
  'TOO_LARGE',
  'MALFORMED_XML',
  'ENCODING_NOT_UTF8',
  'DOCTYPE_FORBIDDEN',
  'COMMENT_FORBIDDEN',
  'PROCESSING_INSTRUCTION_FORBIDDEN',
  'DUPLICATE_ID',
  'NOT_A_QUJAT_DOCUMENT',
  'NOT_A_QUJAT_REQUEST',
  'NOT_A_LOGIN_CHALLENGE',
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
  'REQUEST_INVALID',
  'LOGIN_CHALLENGE_INVALID',
  'ISSUED_IN_FUTURE',
  'SIGNED_IN_FUTURE',
  'CERTIFICATE_NOT_YET_VALID',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_NO_LONGER_VALID',
  'CERTIFICATE_NOT_FOR_SIGNING',
  'SIGNER_NOT_ISSUER',
  'SIGNER_NOT_INDIVIDUAL',
  'REVOCATION_UNKNOWN',
  'CERTIFICATE_REVOKED',
  'LOGIN_CHALLENGE_EXPIRED',
] as const;

/** SignatureFailure is one reason code from SIGNATURE_FAILURES. */
export type SignatureFailure = (typeof SIGNATURE_FAILURES)[number];
