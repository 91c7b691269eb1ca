/**
 * sign: the document XML (our namespace, kk and ru blocks, deterministic bytes), XMLDSig signing
 * and safe verification (reference §2.5–2.7), keys (PKCS#12/PEM, development CA, CRL). The only
 * room that knows xml-crypto, node-forge and @peculiar/x509; no HTTP, no browser, no database.
 *
 *   const keys = await loadSigningKeys(config.sign, keysDir);       // or initDevelopmentKeys first
 *   const signed = createXmlSigner(keys).sign(buildDocumentXml(input));
 *   const verifier = createSignatureVerifier({ ...(await loadTrustMaterial(config.sign, keysDir)) });
 *   const result = verifier.verify(signed);  // { valid: true, document, signer, development } | { valid: false, reason }
 *
 * Development CA: initDevelopmentKeys (qujat keys init), exportDevelopmentCa (keys ca), revokeDevelopmentCertificate (keys revoke).
 */
export { SIGNATURE_FAILURES, type SignatureFailure } from './reasons.js';
export {
  DOCUMENT_NAMESPACE,
  buildDocumentXml,
  type ContentBlock,
  type ContentField,
  type DocumentXmlInput,
  type ParsedDocument,
} from './document-xml.js';
export { DocumentShapeError, parseDocumentXml } from './document-reader.js';
export { createXmlSigner, type SigningKeys, type XmlSigner } from './signer.js';
export { createSignatureVerifier, type SignatureVerifier, type VerifierOptions, type VerifyResult } from './verifier.js';
export { describeCertificate, normalizeSerial, type CertificateInfo, type TrustAnchor } from './certificates.js';
export {
  DEVELOPMENT_CITIZENS,
  DEVELOPMENT_PROVIDER,
  developmentKeyPaths,
  exportDevelopmentCa,
  initDevelopmentKeys,
  issueDevelopmentCertificate,
  revokeDevelopmentCertificate,
  type PersonSubject,
} from './dev-ca.js';
export { loadSigningKeys, loadTrustMaterial, type SignConfig, type TrustMaterial } from './keys.js';
export {
  CertificateSerialInvalidError,
  DevelopmentKeysMissingError,
  SigningKeyFileMissingError,
  SigningKeyUnreadableError,
} from './errors.js';
