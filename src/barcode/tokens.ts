/**
 * The verification link printed as a QR code: `<public URL>/verify/<number>?t=<token>`.
 *
 * token = base64url(HMAC-SHA256(secret, "qujat-verify-1\0" + number + "\0" + sha256(xml))[0..18]):
 * 144 bits, so it cannot be guessed, and bound to the number and to the exact signed XML, so a
 * token of one document (or of a superseded version of it) opens no other. No state is kept:
 * the registry recomputes the token from what it stores.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** TOKEN_BYTES is the truncated HMAC length (≥ 16 bytes = 128 bits; 18 gives 24 characters without padding). */
const TOKEN_BYTES = 18;
const DOMAIN = 'qujat-verify-1';

/** VerificationTokens issues and checks verification-link tokens. */
export interface VerificationTokens {
  issue(number: string, xmlSha256: string): string;
  check(number: string, xmlSha256: string, token: string): boolean;
}

function assertDigest(xmlSha256: string): void {
  if (!/^[0-9a-f]{64}$/.test(xmlSha256)) throw new TypeError('xmlSha256 must be 64 lower-case hex digits');
}

/** createVerificationTokens keys the scheme with a secret of at least 32 bytes from the configuration. */
export function createVerificationTokens(secret: Uint8Array): VerificationTokens {
  if (secret.length < 32) throw new TypeError('the verification token secret must be at least 32 bytes');
  const key = Buffer.from(secret);
  const mac = (number: string, xmlSha256: string): Buffer => {
    assertDigest(xmlSha256);
    return createHmac('sha256', key).update(`${DOMAIN}\0${number}\0${xmlSha256}`, 'utf8').digest().subarray(0, TOKEN_BYTES);
  };
  return {
    issue: (number, xmlSha256) => mac(number, xmlSha256).toString('base64url'),
    check(number, xmlSha256, token) {
      if (!/^[A-Za-z0-9_-]{24}$/.test(token)) return false;
      return timingSafeEqual(mac(number, xmlSha256), Buffer.from(token, 'base64url'));
    },
  };
}

/** verificationUrl joins the public base URL (with or without a trailing slash) and the document's path. */
export function verificationUrl(publicUrl: string, number: string, token: string): string {
  const base = new URL(publicUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new TypeError('the public URL must be http(s)');
  const path = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${path}/verify/${encodeURIComponent(number)}?t=${encodeURIComponent(token)}`;
}
