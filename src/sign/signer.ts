/**
 * Signing Qujat XML (a document; an applicant's request or login challenge) with the one profile
 * (profile.ts): an enveloped ds:Signature appended as the last child of the root, one Reference URI="" over the whole root, and the signer's
 * certificate (then any intermediates) in KeyInfo — for display and chain building only.
 *
 * The profile has no choices left, so SignedInfo is a fixed template: the root is canonicalised
 * with xml-crypto's exclusive c14n and digested with SHA-256, the canonical SignedInfo is signed
 * with RSA-SHA256 (node:crypto). SignedXml.computeSignature produced the same bytes at ~4× the
 * cost (it re-parses, clones and searches the tree by XPath); the tests check that both
 * xml-crypto's checkSignature and xmlsec1 accept what this writes.
 */
import { createHash, sign as rsaSign, type KeyObject, type X509Certificate } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { describeCertificate, type CertificateInfo } from './certificates.js';
import { readDocumentElement } from './document-reader.js';
import { DSIG_NAMESPACE, ENVELOPED_SIGNATURE, EXC_C14N, RSA_SHA256, SHA256 } from './profile.js';
import { readRequestElement } from './request-reader.js';
import { DocumentShapeError } from './strict-reader.js';
import { decodeXml, parseStrictXml } from './xml-safety.js';

/** SigningKeys is a private key, its certificate and the intermediates up to (not including) the anchor. */
export interface SigningKeys {
  readonly privateKey: KeyObject;
  readonly certificate: X509Certificate;
  readonly chain: readonly X509Certificate[];
  /** development is true for the local test CA's keys: documents then carry «ҮЛГІ / ОБРАЗЕЦ». */
  readonly development: boolean;
}

/** XmlSigner signs document XML built by buildDocumentXml. */
export interface XmlSigner {
  /** sign returns the document with its enveloped signature; it throws DocumentShapeError for anything but a Qujat document. */
  sign(xml: string): string;
  readonly development: boolean;
  readonly certificate: CertificateInfo;
}

type XmlCryptoNode = Parameters<ExclusiveCanonicalization['process']>[0];

const canonicalizer = new ExclusiveCanonicalization();

// Exclusive c14n writes every element with an end tag and the ds namespace on SignedInfo itself
// (its one visibly used prefix), so this text is SignedInfo's canonical form as it will be
// verified inside ds:Signature.
function canonicalSignedInfo(digest: string): string {
  const algorithm = (name: string, uri: string) => `<ds:${name} Algorithm="${uri}"></ds:${name}>`;
  return (
    `<ds:SignedInfo xmlns:ds="${DSIG_NAMESPACE}">` +
    algorithm('CanonicalizationMethod', EXC_C14N) +
    algorithm('SignatureMethod', RSA_SHA256) +
    `<ds:Reference URI=""><ds:Transforms>${algorithm('Transform', ENVELOPED_SIGNATURE)}${algorithm('Transform', EXC_C14N)}</ds:Transforms>` +
    `${algorithm('DigestMethod', SHA256)}<ds:DigestValue>${digest}</ds:DigestValue></ds:Reference></ds:SignedInfo>`
  );
}

/**
 * EnvelopedSigner signs XML the caller built, after `check` has accepted its root (check throws
 * DocumentShapeError for any other kind); the profile is the file header's.
 */
export type EnvelopedSigner = (xml: string, check: (root: Element) => void) => string;

/** createEnvelopedSigner binds a key and the certificates to put in KeyInfo (signer first). */
export function createEnvelopedSigner(privateKey: KeyObject, certificates: readonly X509Certificate[]): EnvelopedSigner {
  const keyInfo =
    '<ds:KeyInfo><ds:X509Data>' +
    certificates.map((c) => `<ds:X509Certificate>${c.raw.toString('base64')}</ds:X509Certificate>`).join('') +
    '</ds:X509Data></ds:KeyInfo>';
  return (xml, check) => {
    const decoded = decodeXml(xml, Number.MAX_SAFE_INTEGER);
    const parsed = decoded.ok ? parseStrictXml(decoded.text) : decoded;
    if (!parsed.ok) throw new DocumentShapeError(parsed.reason, parsed.detail ?? parsed.reason);
    const root = parsed.doc.documentElement as Element;
    check(root);
    const content = canonicalizer.process(root as unknown as XmlCryptoNode, {});
    const signedInfo = canonicalSignedInfo(createHash('sha256').update(content, 'utf8').digest('base64'));
    const signatureValue = rsaSign('sha256', Buffer.from(signedInfo, 'utf8'), privateKey).toString('base64');
    const signature =
      `<ds:Signature xmlns:ds="${DSIG_NAMESPACE}">${signedInfo.replace(` xmlns:ds="${DSIG_NAMESPACE}"`, '')}` +
      `<ds:SignatureValue>${signatureValue}</ds:SignatureValue>${keyInfo}</ds:Signature>`;
    // The strict parse left nothing but whitespace after the root, so its end tag is the last one.
    const end = xml.lastIndexOf('</');
    return `${xml.slice(0, end)}${signature}${xml.slice(end)}`;
  };
}

/** createXmlSigner binds signing keys; sign() refuses XML that is not a Qujat document. */
export function createXmlSigner(keys: SigningKeys): XmlSigner {
  const signEnveloped = createEnvelopedSigner(keys.privateKey, [keys.certificate, ...keys.chain]);
  return {
    development: keys.development,
    certificate: describeCertificate(keys.certificate),
    sign: (xml) => signEnveloped(xml, readDocumentElement),
  };
}

/** PersonKey is a person's own key and certificate, as the national signing application holds them. */
export interface PersonKey {
  readonly key: KeyObject;
  readonly certificate: X509Certificate;
}

/** signRequestXml signs a request built by buildRequestXml; DocumentShapeError for anything else. */
export function signRequestXml(xml: string, person: PersonKey): string {
  return createEnvelopedSigner(person.key, [person.certificate])(xml, readRequestElement);
}
