/**
 * Safe verification of a signed document XML, reference §2.7 in order:
 *  1. size limit, no DOCTYPE/ENTITY (before parsing), strict parse, no comments or processing
 *     instructions, no duplicate IDs (xml-safety.ts);
 *  2–3. one ds:Signature child of the root, one SignedInfo, one Reference URI="", whitelisted
 *     algorithms (signature-structure.ts);
 *  4. the key comes from the KeyInfo certificate only once that certificate chains to a
 *     configured trust anchor — KeyInfo is never trusted by itself;
 *  5. xml-crypto checks digest and signature (false → DIGEST_MISMATCH, throws → SIGNATURE_INVALID),
 *     then the document is read only from getSignedReferences(), re-parsed strictly;
 *  then: signing time not in the future, chain valid at the signing time (the document's
 *  IssuedAt), key usage allows signing, the signer's OU=BIN is the issuer's BIN, and a current CRL
 *  from each issuing CA does not list the certificate. A revoked certificate fails whatever the
 *  signing time: without a trusted timestamp IssuedAt is the signer's own claim.
 */
import type { Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import {
  buildChain,
  canSign,
  createRevocationLists,
  describeCertificate,
  isStrongRsa,
  validityFailure,
  type CertificateInfo,
  type TrustAnchor,
} from './certificates.js';
import { DocumentShapeError, readDocumentElement } from './document-reader.js';
import type { ParsedDocument } from './document-xml.js';
import type { SignatureFailure } from './reasons.js';
import { inspectSignature } from './signature-structure.js';
import { decodeXml, parseStrictXml } from './xml-safety.js';

/** VerifyResult: the signed document and its signer, or why it was refused. */
export type VerifyResult =
  | { readonly valid: true; readonly document: ParsedDocument; readonly signer: CertificateInfo; readonly development: boolean }
  | { readonly valid: false; readonly reason: SignatureFailure; readonly detail?: string };

/** SignatureVerifier checks documents; verify never throws for bad input. */
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

const DEFAULT_MAX_BYTES = 1024 * 1024;

function refuse(reason: SignatureFailure, detail?: string): VerifyResult {
  return detail === undefined ? { valid: false, reason } : { valid: false, reason, detail };
}

/** createSignatureVerifier parses the CRLs once; anchors and CRLs are fixed for its lifetime. */
export function createSignatureVerifier(options: VerifierOptions): SignatureVerifier {
  const revocation = createRevocationLists(options.crls);
  const now = options.now ?? (() => new Date());
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const skew = options.clockSkewMs ?? 5 * 60_000;
  const authorizeIssuer = options.authorizeIssuer ?? true;
  const infos = new Map<string, { info: CertificateInfo; canSign: boolean }>();

  const describe = (certificate: Parameters<typeof describeCertificate>[0]) => {
    let known = infos.get(certificate.fingerprint256);
    if (!known) {
      known = { info: describeCertificate(certificate), canSign: canSign(certificate) };
      if (infos.size > 1000) infos.clear();
      infos.set(certificate.fingerprint256, known);
    }
    return known;
  };

  return {
    verify(xml, verifyOptions = {}) {
      const at = verifyOptions.at ?? now();
      const decoded = decodeXml(xml, maxBytes);
      if (!decoded.ok) return refuse(decoded.reason, decoded.detail);
      const parsed = parseStrictXml(decoded.text);
      if (!parsed.ok) return refuse(parsed.reason, parsed.detail);
      const structure = inspectSignature(parsed.doc);
      if (!structure.ok) return refuse(structure.reason, structure.detail);

      const [leaf, ...intermediates] = structure.parts.certificates;
      if (!leaf) return refuse('CERTIFICATE_MISSING');
      if (leaf.publicKey.asymmetricKeyType !== 'rsa') return refuse('ALGORITHM_NOT_ALLOWED', `${leaf.publicKey.asymmetricKeyType} key`);
      if (!isStrongRsa(leaf)) return refuse('WEAK_KEY', `${leaf.publicKey.asymmetricKeyDetails?.modulusLength} bits`);
      const chain = buildChain(leaf, intermediates, options.trustAnchors);
      if (!chain) return refuse('UNTRUSTED_CERTIFICATE', leaf.issuer.replace(/\n/g, ', '));

      const signed = new SignedXml({ publicCert: leaf.toString(), getCertFromKeyInfo: () => null });
      let references: string[];
      try {
        signed.loadSignature(structure.parts.signature as unknown as Parameters<SignedXml['loadSignature']>[0]);
        if (!signed.checkSignature(decoded.text)) return refuse('DIGEST_MISMATCH');
        references = signed.getSignedReferences();
      } catch (error) {
        return refuse('SIGNATURE_INVALID', (error as Error).message.slice(0, 200));
      }
      if (references.length !== 1) return refuse('REFERENCE_INVALID', `${references.length} signed references`);

      const content = parseStrictXml(references[0] as string);
      if (!content.ok) return refuse(content.reason, content.detail);
      let document: ParsedDocument;
      try {
        document = readDocumentElement(content.doc.documentElement as Element);
      } catch (error) {
        if (error instanceof DocumentShapeError) return refuse(error.reason, error.message);
        throw error;
      }

      const signedAt = document.issuedAtInstant;
      if (signedAt.getTime() > at.getTime() + skew) return refuse('ISSUED_IN_FUTURE', document.issuedAt);
      const validity = validityFailure(chain.path, signedAt);
      if (validity) return refuse(validity, document.issuedAt);
      const signer = describe(leaf);
      if (!signer.canSign) return refuse('CERTIFICATE_NOT_FOR_SIGNING');
      if (authorizeIssuer && signer.info.bin !== document.issuer.bin) {
        return refuse('SIGNER_NOT_ISSUER', `certificate BIN ${signer.info.bin ?? '(none)'}, issuer BIN ${document.issuer.bin}`);
      }
      for (let i = 0; i < chain.path.length - 1; i++) {
        const failure = revocation.check(chain.path[i] as typeof leaf, chain.path[i + 1] as typeof leaf, at);
        if (failure) return refuse(failure, `serial ${describe(chain.path[i] as typeof leaf).info.serialNumber}`);
      }
      return { valid: true, document, signer: signer.info, development: chain.anchor.development };
    },
  };
}
