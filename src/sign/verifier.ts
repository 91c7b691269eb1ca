/**
 * Safe verification of a signed document XML, reference §2.7 in order: steps 1–5 as for every
 * signed kind (signed-envelope.ts: safe parse, structure, trust, digest and signature; the
 * document is read only from the canonical text that was digested), then: signing time not in
 * the future, chain valid at the signing time (the document's IssuedAt), key usage allows
 * signing, the signer's OU=BIN is the issuer's BIN, and a current CRL from each issuing CA does
 * not list the certificate. A revoked certificate fails whatever the signing time: without a
 * trusted timestamp IssuedAt is the signer's own claim.
 */
import { validityFailure, type CertificateInfo, type TrustAnchor } from './certificates.js';
import { readDocumentElement } from './document-reader.js';
import { DOCUMENT_NAMESPACE, type ParsedDocument } from './document-xml.js';
import type { SignatureFailure } from './reasons.js';
import type { SignedRoot } from './signature-structure.js';
import { createEnvelope, refuse } from './signed-envelope.js';
import { DocumentShapeError } from './strict-reader.js';

/** VerifyResult: the signed document and its signer, or why it was refused. */
export type VerifyResult =
  | { readonly valid: true; readonly document: ParsedDocument; readonly signer: CertificateInfo; readonly development: boolean }
  | { readonly valid: false; readonly reason: SignatureFailure; readonly detail?: string };

/**
 * SignatureVerifier checks documents; verify never throws for bad input. `at` is the time of the
 * check (default: now): the CRLs must be current then and IssuedAt must not lie after it. The
 * certificates are checked at IssuedAt, the signing time the document states.
 */
export interface SignatureVerifier {
  verify(xml: string | Uint8Array, options?: { readonly at?: Date }): VerifyResult;
}

/** VerifierOptions: what to trust, and the limits. */
export interface VerifierOptions {
  readonly trustAnchors: readonly TrustAnchor[];
  /** crls: PEM or DER CRLs; a certificate whose issuer has no current CRL here is REVOCATION_UNKNOWN. */
  readonly crls: readonly (string | Uint8Array)[];
  readonly now?: () => Date;
  /** maxBytes: larger input is TOO_LARGE before parsing; default 1 MiB (a document is ~5–10 KB). */
  readonly maxBytes?: number;
  /** authorizeIssuer: require the signer certificate's OU=BIN to be the document's issuer BIN; default true. */
  readonly authorizeIssuer?: boolean;
  /** clockSkewMs: how far in the future IssuedAt may lie; default 5 minutes. */
  readonly clockSkewMs?: number;
}

const DOCUMENT_ROOT: SignedRoot = { namespace: DOCUMENT_NAMESPACE, localName: 'Document', otherwise: 'NOT_A_QUJAT_DOCUMENT' };

/** createSignatureVerifier parses the CRLs once; anchors and CRLs are fixed for its lifetime. */
export function createSignatureVerifier(options: VerifierOptions): SignatureVerifier {
  const envelope = createEnvelope(options);
  const now = options.now ?? (() => new Date());
  const skew = options.clockSkewMs ?? 5 * 60_000;
  const authorizeIssuer = options.authorizeIssuer ?? true;

  return {
    verify(xml, verifyOptions = {}): VerifyResult {
      const at = verifyOptions.at ?? now();
      const opened = envelope.open(xml, DOCUMENT_ROOT);
      if ('reason' in opened) return opened;
      let document: ParsedDocument;
      try {
        document = readDocumentElement(opened.content);
      } catch (error) {
        if (error instanceof DocumentShapeError) return refuse(error.reason, error.message);
        throw error;
      }

      const signedAt = document.issuedAtInstant;
      if (signedAt.getTime() > at.getTime() + skew) return refuse('ISSUED_IN_FUTURE', document.issuedAt);
      const validity = validityFailure(opened.chain.path, signedAt);
      if (validity) return refuse(validity, document.issuedAt);
      if (!opened.canSign) return refuse('CERTIFICATE_NOT_FOR_SIGNING');
      if (authorizeIssuer && opened.signer.bin !== document.issuer.bin) {
        return refuse('SIGNER_NOT_ISSUER', `certificate BIN ${opened.signer.bin ?? '(none)'}, issuer BIN ${document.issuer.bin}`);
      }
      const revoked = envelope.revokedIn(opened.chain, at);
      if (revoked) return revoked;
      return { valid: true, document, signer: opened.signer, development: opened.chain.anchor.development };
    },
  };
}
