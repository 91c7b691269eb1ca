/**
 * Safe verification of a signed document XML, reference §2.7 in order:
 *  1. size limit, no DOCTYPE/ENTITY (before parsing), strict parse, no comments or processing
 *     instructions, no duplicate IDs (xml-safety.ts);
 *  2–3. one ds:Signature child of the root, one SignedInfo, one Reference URI="", whitelisted
 *     algorithms (signature-structure.ts);
 *  4. the key comes from the KeyInfo certificate only once that certificate chains to a
 *     configured trust anchor — KeyInfo is never trusted by itself;
 *  5. digest, then signature (signature-check.ts: DIGEST_MISMATCH, SIGNATURE_INVALID); the
 *     document is read only from the canonical text that was digested, re-parsed strictly;
 *  then: signing time not in the future, chain valid at the signing time (the document's
 *  IssuedAt), key usage allows signing, the signer's OU=BIN is the issuer's BIN, and a current CRL
 *  from each issuing CA does not list the certificate. A revoked certificate fails whatever the
 *  signing time: without a trusted timestamp IssuedAt is the signer's own claim.
 */
import { X509Certificate } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import {
  buildChain,
  canSign,
  createRevocationLists,
  describeCertificate,
  isStrongRsa,
  normalizeSerial,
  validityFailure,
  type CertificateInfo,
  type TrustAnchor,
} from './certificates.js';
import { DocumentShapeError, readDocumentElement } from './document-reader.js';
import type { ParsedDocument } from './document-xml.js';
import type { SignatureFailure } from './reasons.js';
import { checkProfileSignature } from './signature-check.js';
import { inspectSignature } from './signature-structure.js';
import { decodeXml, parseStrictXml } from './xml-safety.js';

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

const DEFAULT_MAX_BYTES = 1024 * 1024;

type Trust =
  | { readonly reason: SignatureFailure; readonly detail?: string }
  | {
      readonly leaf: X509Certificate;
      readonly chain: NonNullable<ReturnType<typeof buildChain>>;
      readonly signer: CertificateInfo;
      readonly canSign: boolean;
    };

/**
 * assess parses the KeyInfo certificates and links the signer's to a configured anchor. A
 * certificate can parse and still hold a key OpenSSL cannot decode (a GOST key, or corrupted
 * bytes): any such failure is CERTIFICATE_MALFORMED.
 */
function assess(certificates: readonly string[], anchors: readonly TrustAnchor[]): Trust {
  try {
    return assessParsed(certificates.map((base64) => new X509Certificate(Buffer.from(base64, 'base64'))), anchors);
  } catch (error) {
    return { reason: 'CERTIFICATE_MALFORMED', detail: (error as Error).message };
  }
}

function assessParsed(parsed: readonly X509Certificate[], anchors: readonly TrustAnchor[]): Trust {
  const [leaf, ...intermediates] = parsed;
  if (!leaf) return { reason: 'CERTIFICATE_MISSING' };
  if (leaf.publicKey.asymmetricKeyType !== 'rsa') return { reason: 'ALGORITHM_NOT_ALLOWED', detail: `${leaf.publicKey.asymmetricKeyType} key` };
  if (!isStrongRsa(leaf)) return { reason: 'WEAK_KEY', detail: `${leaf.publicKey.asymmetricKeyDetails?.modulusLength} bits` };
  const chain = buildChain(leaf, intermediates, anchors);
  if (!chain) return { reason: 'UNTRUSTED_CERTIFICATE', detail: leaf.issuer.replace(/\n/g, ', ') };
  return { leaf, chain, signer: describeCertificate(leaf), canSign: canSign(leaf) };
}

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

  // Everything here is a pure function of the certificate bytes, so it is computed once per
  // signer (a provider signs thousands of documents with one certificate); validity and
  // revocation depend on time and are checked on every call.
  const signers = new Map<string, Trust>();
  const trust = (certificates: readonly string[]): Trust => {
    const key = certificates.join(' ');
    let known = signers.get(key);
    if (!known) {
      known = assess(certificates, options.trustAnchors);
      if (signers.size >= 1000) signers.clear();
      signers.set(key, known);
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

      const trusted = trust(structure.parts.certificates);
      if ('reason' in trusted) return refuse(trusted.reason, trusted.detail);
      const { leaf, chain } = trusted;

      let checked: ReturnType<typeof checkProfileSignature>;
      try {
        checked = checkProfileSignature(structure.parts, leaf.publicKey);
      } catch (error) {
        // The canonicaliser walks an attacker-shaped tree; if it fails, that is a refusal, not a crash.
        return refuse('SIGNATURE_INVALID', (error as Error).message.slice(0, 200));
      }
      if (!checked.ok) return refuse(checked.reason);

      const content = parseStrictXml(checked.signedContent);
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
      if (!trusted.canSign) return refuse('CERTIFICATE_NOT_FOR_SIGNING');
      if (authorizeIssuer && trusted.signer.bin !== document.issuer.bin) {
        return refuse('SIGNER_NOT_ISSUER', `certificate BIN ${trusted.signer.bin ?? '(none)'}, issuer BIN ${document.issuer.bin}`);
      }
      for (let i = 0; i < chain.path.length - 1; i++) {
        const failure = revocation.check(chain.path[i] as X509Certificate, chain.path[i + 1] as X509Certificate, at);
        if (failure) return refuse(failure, `serial ${normalizeSerial((chain.path[i] as X509Certificate).serialNumber)}`);
      }
      return { valid: true, document, signer: trusted.signer, development: chain.anchor.development };
    },
  };
}
