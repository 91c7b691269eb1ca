/**
 * Certificates as the verifier and the signer see them: subjects in the national CA's style
 * (SERIALNUMBER=IIN…, OU=BIN…), a chain from the signer's certificate to a configured trust
 * anchor, validity at a given time, and revocation from CRLs. All checks are synchronous
 * (node:crypto), so verification needs no event-loop turns.
 */
import { X509Certificate, createHash, verify as verifySignature } from 'node:crypto';
import { MIN_RSA_BITS } from './profile.js';
import type { SignatureFailure } from './reasons.js';
import { x509 } from './x509.js';

/** CertificateInfo is what a person is shown about a certificate. */
export interface CertificateInfo {
  readonly subject: string;
  readonly commonName: string;
  readonly iin: string | null;
  readonly bin: string | null;
  readonly organization: string | null;
  readonly issuer: string;
  /** serialNumber is upper-case hexadecimal without leading zeros, as `qujat keys revoke` takes it. */
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly fingerprint256: string;
}

/** TrustAnchor is a CA certificate the operator configured; `development` marks the local test CA. */
export interface TrustAnchor {
  readonly certificate: X509Certificate;
  readonly development: boolean;
}

/** normalizeSerial writes a serial number as upper-case hex without leading zeros or separators. */
export function normalizeSerial(serial: string): string {
  return serial.replace(/[:\s]/g, '').toUpperCase().replace(/^0+(?=.)/, '');
}

/** splitPemCertificates returns every certificate in a PEM bundle, in order. */
export function splitPemCertificates(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}

/** describeCertificate reads the national-CA-style subject fields of a certificate. */
export function describeCertificate(certificate: X509Certificate): CertificateInfo {
  const parsed = new x509.X509Certificate(certificate.raw);
  const field = (oid: string) => parsed.subjectName.getField(oid)[0] ?? null;
  const serialField = field('2.5.4.5');
  const unit = field('2.5.4.11');
  const bin = unit?.startsWith('BIN') ? unit.slice(3) : serialField?.startsWith('BIN') ? serialField.slice(3) : null;
  return {
    subject: parsed.subject.replace(/(^|, )2\.5\.4\.5=/g, '$1SERIALNUMBER='),
    commonName: field('2.5.4.3') ?? '',
    iin: serialField?.startsWith('IIN') ? serialField.slice(3) : null,
    bin,
    organization: field('2.5.4.10'),
    issuer: parsed.issuer,
    serialNumber: normalizeSerial(certificate.serialNumber),
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
    fingerprint256: certificate.fingerprint256,
  };
}

/** canSign is true when the certificate's key usage allows document signatures. */
export function canSign(certificate: X509Certificate): boolean {
  const usage = new x509.X509Certificate(certificate.raw).getExtension(x509.KeyUsagesExtension);
  if (!usage) return false;
  return (usage.usages & (x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation)) !== 0;
}

/** isStrongRsa: the profile signs with RSA of at least MIN_RSA_BITS. */
export function isStrongRsa(certificate: X509Certificate): boolean {
  const key = certificate.publicKey;
  return key.asymmetricKeyType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_RSA_BITS;
}

const MAX_CHAIN = 5;

function issuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  return child.checkIssued(parent) && child.verify(parent.publicKey);
}

/**
 * buildChain links the signer's certificate to a configured anchor, using the other certificates
 * the document carries only as untrusted intermediates (each must be a CA and be signed by the
 * next). Returns the path leaf → … → anchor, or null when no anchor is reached.
 */
export function buildChain(
  leaf: X509Certificate,
  intermediates: readonly X509Certificate[],
  anchors: readonly TrustAnchor[],
): { path: X509Certificate[]; anchor: TrustAnchor } | null {
  const path = [leaf];
  let current = leaf;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    const anchor = anchors.find((a) => issuedBy(current, a.certificate));
    if (anchor) return { path: [...path, anchor.certificate], anchor };
    const next = intermediates.find((c) => c.ca && !path.includes(c) && issuedBy(current, c));
    if (!next) return null;
    path.push(next);
    current = next;
  }
  return null;
}

/** validityFailure checks every certificate of a path at one instant (the signing time). */
export function validityFailure(path: readonly X509Certificate[], at: Date): SignatureFailure | null {
  for (const certificate of path) {
    if (at.getTime() < new Date(certificate.validFrom).getTime()) return 'CERTIFICATE_NOT_YET_VALID';
    if (at.getTime() > new Date(certificate.validTo).getTime()) return 'CERTIFICATE_EXPIRED';
  }
  return null;
}

const SHA256_WITH_RSA = 'RSASSA-PKCS1-v1_5/SHA-256';

function derLength(der: Buffer, offset: number): { length: number; header: number } {
  const first = der[offset + 1] ?? 0;
  if (first < 0x80) return { length: first, header: 2 };
  const bytes = first & 0x7f;
  let length = 0;
  for (let i = 0; i < bytes; i++) length = length * 256 + (der[offset + 2 + i] ?? 0);
  return { length, header: 2 + bytes };
}

/** firstDerElement returns the first element inside a DER SEQUENCE: the signed part of a CRL. */
function firstDerElement(der: Buffer): Buffer {
  const outer = derLength(der, 0);
  const inner = derLength(der, outer.header);
  return der.subarray(outer.header, outer.header + inner.header + inner.length);
}

interface ParsedCrl {
  readonly tbs: Buffer;
  readonly signature: Buffer;
  readonly algorithm: string;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | null;
  readonly revoked: ReadonlySet<string>;
  readonly issuers: Map<string, boolean>;
}

/** RevocationLists answers "is this certificate revoked?" from the configured CRLs. */
export interface RevocationLists {
  /** check returns null when a current CRL signed by the issuer does not list the certificate. */
  check(certificate: X509Certificate, issuer: X509Certificate, at: Date): SignatureFailure | null;
}

/** createRevocationLists parses CRLs (PEM or DER) once; signatures are checked against each issuer when first used. */
export function createRevocationLists(sources: readonly (string | Uint8Array)[]): RevocationLists {
  const crls: ParsedCrl[] = sources.map((source) => {
    const crl = new x509.X509Crl(typeof source === 'string' ? source : Buffer.from(source));
    const algorithm = crl.signatureAlgorithm as unknown as { name: string; hash: { name: string } };
    return {
      tbs: firstDerElement(Buffer.from(crl.rawData)),
      signature: Buffer.from(crl.signature),
      algorithm: `${algorithm.name}/${algorithm.hash.name}`,
      thisUpdate: crl.thisUpdate,
      nextUpdate: crl.nextUpdate ?? null,
      revoked: new Set(crl.entries.map((entry) => normalizeSerial(entry.serialNumber))),
      issuers: new Map(),
    };
  });
  const signedBy = (crl: ParsedCrl, issuer: X509Certificate): boolean => {
    const key = createHash('sha256').update(issuer.raw).digest('hex');
    let known = crl.issuers.get(key);
    if (known === undefined) {
      known = crl.algorithm === SHA256_WITH_RSA && verifySignature('sha256', crl.tbs, issuer.publicKey, crl.signature);
      crl.issuers.set(key, known);
    }
    return known;
  };
  return {
    check(certificate, issuer, at) {
      const current = crls.filter(
        (crl) => signedBy(crl, issuer) && crl.thisUpdate.getTime() <= at.getTime() && (crl.nextUpdate === null || at.getTime() <= crl.nextUpdate.getTime()),
      );
      if (current.length === 0) return 'REVOCATION_UNKNOWN';
      const serial = normalizeSerial(certificate.serialNumber);
      return current.some((crl) => crl.revoked.has(serial)) ? 'CERTIFICATE_REVOKED' : null;
    },
  };
}
