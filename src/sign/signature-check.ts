/**
 * The cryptographic core of verification, for the one profile signature-structure.ts has already
 * enforced (so there is nothing left to interpret): the Reference covers the root without the
 * Signature (enveloped-signature) in exclusive c14n, digested with SHA-256; SignedInfo in
 * exclusive c14n is signed with RSA-SHA256. Canonicalisation is xml-crypto's own; the string it
 * digests is returned, and it is the only thing the verifier reads the document from.
 *
 * Why not SignedXml.checkSignature: it re-parses the document, clones it and locates nodes with
 * generic XPath, which made verification ~3× slower than the ≥ 300/s target allows, and every
 * choice it would make (which reference, which transforms, which key) is fixed here already.
 */
import { createHash, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { ExclusiveCanonicalization } from 'xml-crypto';
import type { SignatureFailure } from './reasons.js';
import type { SignatureParts } from './signature-structure.js';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const canonicalizer = new ExclusiveCanonicalization();

type XmlCryptoNode = Parameters<ExclusiveCanonicalization['process']>[0];

function decodeBase64(text: string): Buffer | null {
  const compact = text.replace(/[ \t\r\n]+/g, '');
  return BASE64.test(compact) && compact.length % 4 === 0 ? Buffer.from(compact, 'base64') : null;
}

function firstChild(element: Element, localName: string): Element {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && (child as Element).localName === localName) return child as Element;
  }
  throw new Error(`${localName} missing after the structure check`);
}

/**
 * checkProfileSignature checks digest then signature, like xml-crypto and xmlsec1. It detaches
 * the Signature from the document (the enveloped-signature transform), so the document must be
 * the verifier's own parse, used for nothing else afterwards.
 */
export function checkProfileSignature(
  parts: SignatureParts,
  key: KeyObject,
): { ok: true; signedContent: string } | { ok: false; reason: SignatureFailure } {
  const signedInfo = firstChild(parts.signature, 'SignedInfo');
  const reference = firstChild(signedInfo, 'Reference');
  const expectedDigest = decodeBase64(firstChild(reference, 'DigestValue').textContent ?? '');
  const signatureValue = decodeBase64(firstChild(parts.signature, 'SignatureValue').textContent ?? '');
  if (!expectedDigest || !signatureValue) return { ok: false, reason: 'SIGNATURE_MALFORMED' };

  const signedInfoCanonical = canonicalizer.process(signedInfo as unknown as XmlCryptoNode, {});
  const root = parts.signature.parentNode as Element;
  root.removeChild(parts.signature);
  const signedContent = canonicalizer.process(root as unknown as XmlCryptoNode, {});

  const digest = createHash('sha256').update(signedContent, 'utf8').digest();
  if (digest.length !== expectedDigest.length || !timingSafeEqual(digest, expectedDigest)) return { ok: false, reason: 'DIGEST_MISMATCH' };
  if (!verify('sha256', Buffer.from(signedInfoCanonical, 'utf8'), key, signatureValue)) return { ok: false, reason: 'SIGNATURE_INVALID' };
  return { ok: true, signedContent };
}
