/**
 * The verification link printed as a QR code: `<public URL>/verify/<number>?t=<token>`. The token
 * is 128 random bits made at issue; the registry keeps its SHA-256, which binds it to the document.
 */

/** verificationUrl joins the public base URL (with or without a trailing slash) and the document's path. */
export function verificationUrl(publicUrl: string, number: string, token: string): string {
  const base = new URL(publicUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new TypeError('the public URL must be http(s)');
  const path = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${path}/verify/${encodeURIComponent(number)}?t=${encodeURIComponent(token)}`;
}
