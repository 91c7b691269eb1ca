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
 *
 * An applicant's signed request (issue 5 intake) and the portal's demonstration sign-in:
 *   const xml = signRequestXml(buildRequestXml(request), { key, certificate });   // or demo.signRequest(iin, …)
 *   const check = createRequestVerifier({ ...(await loadTrustMaterial(config.sign, keysDir)) });
 *   check.verify(bytes);   // { valid: true, signerIin, request, signer, development } | { valid: false, reason }
 *   const demo = await createDemoSigner(keysDir);  // development citizens only; demonstration: true
 *   const challenge = createLoginChallenge(now);   // keep challenge.nonce; the person signs challenge.xml
 *   createLoginVerifier(trust).verifyLogin(signed, { now, maxAgeSeconds });  // { valid: true, iin, commonName, nonce } | refusal
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
export { parseDocumentXml } from './document-reader.js';
export { DocumentShapeError } from './strict-reader.js';
export { createXmlSigner, signRequestXml, type PersonKey, type SigningKeys, type XmlSigner } from './signer.js';
export { MAX_FORM_DEPTH, REQUEST_NAMESPACE, buildRequestXml, type JsonValue, type SubmitRequest } from './request-xml.js';
export { readRequestXml, readUnverifiedRequestXml } from './request-reader.js';
export { createRequestVerifier, type RequestVerifyResult, type SignedRequestCheck } from './request-verifier.js';
export type { PersonVerifierOptions } from './person-signature.js';
export type { Refusal } from './signed-envelope.js';
export {
  LOGIN_NAMESPACE,
  createLoginChallenge,
  createLoginVerifier,
  signLoginXml,
  type LoginChallenge,
  type LoginResult,
  type LoginVerifier,
} from './login.js';
export { createDemoSigner, type DemoCertificate, type DemoSignature, type DemoSigner } from './demo-signer.js';
export { createSignatureVerifier, type SignatureVerifier, type VerifierOptions, type VerifyResult } from './verifier.js';
export { describeCertificate, normalizeSerial, type CertificateInfo, type TrustAnchor } from './certificates.js';
export {
  DEVELOPMENT_CITIZENS,
  DEVELOPMENT_PROVIDER,
  citizenFiles,
  developmentKeyPaths,
  exportDevelopmentCa,
  initDevelopmentKeys,
  issueDevelopmentCertificate,
  revokeDevelopmentCertificate,
  type CitizenCertificate,
  type DevelopmentCitizen,
  type PersonSubject,
} from './dev-ca.js';
export { loadSigningKeys, loadTrustMaterial, type SignConfig, type TrustMaterial } from './keys.js';
export {
  CertificateSerialInvalidError,
  DemoCertificateUnknownError,
  DemoSignerNotDevelopmentError,
  DevelopmentKeysMissingError,
  SigningKeyFileMissingError,
  SigningKeyUnreadableError,
} from './errors.js';
