/**
 * The applicant's EDS check on a signed request (issue 5, intake refusals): the checks of
 * person-signature.ts on an r:Request, the request read from the signed canonical bytes only.
 * The use case compares signerIin with request.applicant.iin (and with whoever the application
 * is for) and refuses before registration when they differ.
 */
import type { CertificateInfo } from './certificates.js';
import { createPersonVerifier, type PersonVerifierOptions } from './person-signature.js';
import { readRequestElement } from './request-reader.js';
import { REQUEST_NAMESPACE, type SubmitRequest } from './request-xml.js';
import type { Refusal } from './signed-envelope.js';

/** RequestVerifyResult: the signed request and its signer, or why it was refused (a reason of SIGNATURE_FAILURES). */
export type RequestVerifyResult =
  | {
      readonly valid: true;
      readonly signerIin: string;
      readonly request: SubmitRequest;
      readonly signer: CertificateInfo;
      readonly development: boolean;
    }
  | Refusal;

/** SignedRequestCheck is the port the intake use case calls; `at` defaults to the verifier's clock. */
export interface SignedRequestCheck {
  verify(xml: string | Uint8Array, at?: Date): RequestVerifyResult;
}

/** createRequestVerifier binds the trust anchors and CRLs (loadTrustMaterial) once. */
export function createRequestVerifier(options: PersonVerifierOptions): SignedRequestCheck {
  const verifier = createPersonVerifier(
    {
      root: { namespace: REQUEST_NAMESPACE, localName: 'Request', otherwise: 'NOT_A_QUJAT_REQUEST' },
      read: readRequestElement,
      signedAt: (request: SubmitRequest) => request.signedAt,
    },
    options,
  );
  return {
    verify(xml, at) {
      const result = verifier.verify(xml, at);
      if (!result.valid) return result;
      const { content, ...signed } = result;
      return { ...signed, request: content };
    },
  };
}
