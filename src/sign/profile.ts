/**
 * The one XMLDSig profile Qujat signs with and accepts (reference §2.5–2.7): enveloped, one
 * Reference with URI="", transforms enveloped-signature + exclusive c14n, SHA-256, RSA-SHA256.
 * Anything else is refused; SHA-1 and the Kazakh GOST URIs get their own reasons because a
 * real NCA-signed document carries them and the user deserves to know why it is refused.
 */
import type { SignatureFailure } from './reasons.js';

export const DSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const ENVELOPED_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
export const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

/** SIGNED_TRANSFORMS is the exact transform list of the one Reference. */
export const SIGNED_TRANSFORMS = [ENVELOPED_SIGNATURE, EXC_C14N] as const;

/** MIN_RSA_BITS: the national CA issues 2048-bit RSA keys; shorter ones are refused. */
export const MIN_RSA_BITS = 2048;

const SHA1_URIS = new Set([
  'http://www.w3.org/2000/09/xmldsig#sha1',
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  'http://www.w3.org/2001/04/xmldsig-more#sha1',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha1',
  'http://www.w3.org/2000/09/xmldsig#hmac-sha1',
  'http://www.w3.org/2000/09/xmldsig#dsa-sha1',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1',
]);

/** algorithmFailure says why an algorithm URI is refused where `expected` is the only one allowed. */
export function algorithmFailure(uri: string | null, expected: string): SignatureFailure | null {
  if (uri === expected) return null;
  if (uri === null) return 'SIGNATURE_MALFORMED';
  if (/gost/i.test(uri) || uri.includes(':pkigovkz:')) return 'GOST_NOT_SUPPORTED';
  if (SHA1_URIS.has(uri)) return 'WEAK_ALGORITHM';
  return 'ALGORITHM_NOT_ALLOWED';
}
