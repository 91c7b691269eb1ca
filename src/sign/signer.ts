/**
 * Signing a document XML with the one profile (profile.ts): an enveloped ds:Signature appended
 * as the last child of the root, one Reference URI="" over the whole root, and the signer's
 * certificate (then any intermediates) in KeyInfo — for display and chain building only.
 */
import type { KeyObject, X509Certificate } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { describeCertificate, type CertificateInfo } from './certificates.js';
import { parseDocumentXml } from './document-reader.js';
import { EXC_C14N, RSA_SHA256, SHA256, SIGNED_TRANSFORMS } from './profile.js';

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
  sign(xml: string): string;
  readonly development: boolean;
  readonly certificate: CertificateInfo;
}

function base64Der(certificate: X509Certificate): string {
  return certificate.raw.toString('base64');
}

/** createXmlSigner binds signing keys; sign() refuses XML that is not a Qujat document. */
export function createXmlSigner(keys: SigningKeys): XmlSigner {
  const certificatePem = keys.certificate.toString();
  const keyInfo = [keys.certificate, ...keys.chain]
    .map((c) => `<ds:X509Certificate>${base64Der(c)}</ds:X509Certificate>`)
    .join('');
  return {
    development: keys.development,
    certificate: describeCertificate(keys.certificate),
    sign(xml) {
      parseDocumentXml(xml);
      const signature = new SignedXml({
        privateKey: keys.privateKey,
        publicCert: certificatePem,
        signatureAlgorithm: RSA_SHA256,
        canonicalizationAlgorithm: EXC_C14N,
        getKeyInfoContent: ({ prefix } = {}) => (prefix === 'ds' ? `<ds:X509Data>${keyInfo}</ds:X509Data>` : null),
      });
      signature.addReference({ xpath: '/*', uri: '', isEmptyUri: true, transforms: [...SIGNED_TRANSFORMS], digestAlgorithm: SHA256 });
      signature.computeSignature(xml, { prefix: 'ds', location: { reference: '/*', action: 'append' } });
      return signature.getSignedXml();
    },
  };
}
