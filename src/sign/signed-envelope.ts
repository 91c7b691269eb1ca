/**
 * The part of reference §2.7 that every kind of signed XML shares (an issued document, an
 * applicant's request, a login challenge), in order:
 *  1. size limit, no DOCTYPE/ENTITY (before parsing), strict parse, no comments or processing
 *     instructions, no duplicate IDs (xml-safety.ts);
 *  2–3. the expected root, one ds:Signature child of it, one SignedInfo, one Reference URI="",
 *     whitelisted algorithms (signature-structure.ts);
 *  4. the key comes from the KeyInfo certificate only once that certificate chains to a
 *     configured trust anchor — KeyInfo is never trusted by itself;
 *  5. digest, then signature (signature-check.ts); the content is handed back re-parsed from the
 *     canonical text that was digested, so a reader can only see what the signature covers.
 * What the signing time is, at which instants the chain must be valid and whose certificate may
 * sign is up to each kind's verifier; revocation is checked the same way for all (revokedIn).
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
  type CertificateInfo,
  type TrustAnchor,
} from './certificates.js';
import type { SignatureFailure } from './reasons.js';
import { checkProfileSignature } from './signature-check.js';
import { inspectSignature, type SignedRoot } from './signature-structure.js';
import { decodeXml, parseStrictXml } from './xml-safety.js';

/** Refusal is why signed XML was refused; detail is for logs and operators, not a translation. */
export interface Refusal {
  readonly valid: false;
  readonly reason: SignatureFailure;
  readonly detail?: string;
}

/** TrustOptions: the configured anchors and CRLs, and the size limit. */
export interface TrustOptions {
  readonly trustAnchors: readonly TrustAnchor[];
  /** crls: PEM or DER CRLs; a certificate whose issuer has no current CRL here is REVOCATION_UNKNOWN. */
  readonly crls: readonly (string | Uint8Array)[];
  /** maxBytes: larger input is TOO_LARGE before parsing; default 1 MiB. */
  readonly maxBytes?: number;
}

/** Opened is signed XML whose signature is cryptographically valid and whose signer chains to an anchor. */
export interface Opened {
  /** content: the root element re-parsed from the signed canonical text (without the signature). */
  readonly content: Element;
  readonly chain: { readonly path: readonly X509Certificate[]; readonly anchor: TrustAnchor };
  readonly signer: CertificateInfo;
  readonly canSign: boolean;
}

/** Envelope opens signed XML of one root kind and checks a chain against the CRLs. */
export interface Envelope {
  open(xml: string | Uint8Array, root: SignedRoot): Opened | Refusal;
  /** revokedIn checks every certificate of the chain below the anchor against a CRL current at `at`. */
  revokedIn(chain: Opened['chain'], at: Date): Refusal | null;
}

const DEFAULT_MAX_BYTES = 1024 * 1024;

type Trust =
  | { readonly reason: SignatureFailure; readonly detail?: string }
  | { readonly leaf: X509Certificate; readonly chain: Opened['chain']; readonly signer: CertificateInfo; readonly canSign: boolean };

/** refuse builds a Refusal, leaving detail out rather than undefined. */
export function refuse(reason: SignatureFailure, detail?: string): Refusal {
  return detail === undefined ? { valid: false, reason } : { valid: false, reason, detail };
}

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

/** createEnvelope parses the CRLs once; anchors and CRLs are fixed for its lifetime. */
export function createEnvelope(options: TrustOptions): Envelope {
  const revocation = createRevocationLists(options.crls);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;

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
    open(xml, root) {
      const decoded = decodeXml(xml, maxBytes);
      if (!decoded.ok) return refuse(decoded.reason, decoded.detail);
      const parsed = parseStrictXml(decoded.text);
      if (!parsed.ok) return refuse(parsed.reason, parsed.detail);
      const structure = inspectSignature(parsed.doc, root);
      if (!structure.ok) return refuse(structure.reason, structure.detail);

      const trusted = trust(structure.parts.certificates);
      if ('reason' in trusted) return refuse(trusted.reason, trusted.detail);

      let checked: ReturnType<typeof checkProfileSignature>;
      try {
        checked = checkProfileSignature(structure.parts, trusted.leaf.publicKey);
      } catch (error) {
        // The canonicaliser walks an attacker-shaped tree; if it fails, that is a refusal, not a crash.
        return refuse('SIGNATURE_INVALID', (error as Error).message.slice(0, 200));
      }
      if (!checked.ok) return refuse(checked.reason);

      const content = parseStrictXml(checked.signedContent);
      if (!content.ok) return refuse(content.reason, content.detail);
      return { content: content.doc.documentElement as Element, chain: trusted.chain, signer: trusted.signer, canSign: trusted.canSign };
    },
    revokedIn(chain, at) {
      for (let i = 0; i < chain.path.length - 1; i++) {
        const certificate = chain.path[i] as X509Certificate;
        const failure = revocation.check(certificate, chain.path[i + 1] as X509Certificate, at);
        if (failure) return refuse(failure, `serial ${normalizeSerial(certificate.serialNumber)}`);
      }
      return null;
    },
  };
}
