/**
 * The shape checks of reference §2.7 steps 2–3, made on the strictly parsed tree before any
 * cryptography: the expected root element, exactly one ds:Signature (by namespace, not prefix) as a direct child of the
 * root, exactly one SignedInfo in the whole document, exactly one Reference with URI="", the
 * exact transform list, whitelisted algorithms, and a KeyInfo that holds only X509 certificates.
 */
import type { Document, Element, Node } from '@xmldom/xmldom';
import { DSIG_NAMESPACE, EXC_C14N, RSA_SHA256, SHA256, SIGNED_TRANSFORMS, algorithmFailure } from './profile.js';
import type { SignatureFailure } from './reasons.js';

/** SignatureParts is what the cryptographic check needs from a well-shaped signature. */
export interface SignatureParts {
  readonly signature: Element;
  /** certificates: the base64 DER of each X509Certificate in KeyInfo, signer first, whitespace removed. */
  readonly certificates: readonly string[];
}

/**
 * SignedRoot names the one root element a kind of signed XML has (a document, a request, a login
 * challenge) and the reason given when the root is something else.
 */
export interface SignedRoot {
  readonly namespace: string;
  readonly localName: string;
  readonly otherwise: SignatureFailure;
}

/** StructureRefusal says which shape rule a document broke. */
export interface StructureRefusal {
  readonly reason: SignatureFailure;
  readonly detail?: string;
}

class Refused extends Error {
  constructor(
    readonly reason: SignatureFailure,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

function isDsig(element: Element | undefined, name: string): boolean {
  return element !== undefined && element.namespaceURI === DSIG_NAMESPACE && element.localName === name;
}

function elementChildren(parent: Element): Element[] {
  const children: Element[] = [];
  for (let child: Node | null = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) children.push(child as Element);
    else if (!/^[ \t\r\n]*$/.test(child.nodeValue ?? '')) throw new Refused('SIGNATURE_MALFORMED', `text in ${parent.localName}`);
  }
  return children;
}

function onlyText(element: Element): string {
  for (let child: Node | null = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 3) throw new Refused('SIGNATURE_MALFORMED', `${element.localName} must hold text only`);
  }
  return element.textContent ?? '';
}

function checkAlgorithm(element: Element | undefined, name: string, expected: string): void {
  if (element === undefined || !isDsig(element, name)) throw new Refused('SIGNATURE_MALFORMED', `${name} expected`);
  const failure = algorithmFailure(element.getAttribute('Algorithm'), expected);
  if (failure) throw new Refused(failure, element.getAttribute('Algorithm') ?? `${name} without Algorithm`);
  if (elementChildren(element).length > 0) throw new Refused('ALGORITHM_NOT_ALLOWED', `${name} with parameters`);
}

function checkReference(reference: Element): void {
  if (!reference.hasAttribute('URI') || reference.getAttribute('URI') !== '') {
    throw new Refused('REFERENCE_INVALID', `URI="${reference.getAttribute('URI') ?? '(none)'}"`);
  }
  if (reference.attributes.length !== 1) throw new Refused('REFERENCE_INVALID', 'Reference carries attributes other than URI');
  const [transforms, digestMethod, digestValue, ...rest] = elementChildren(reference);
  if (!transforms || !digestValue || !isDsig(transforms, 'Transforms') || !isDsig(digestValue, 'DigestValue') || rest.length > 0) {
    throw new Refused('SIGNATURE_MALFORMED', 'Reference must hold Transforms, DigestMethod, DigestValue');
  }
  // The digest algorithm first: a SHA-1 or GOST document is refused for that, not for its transforms.
  checkAlgorithm(digestMethod, 'DigestMethod', SHA256);
  const list = elementChildren(transforms);
  if (list.length !== SIGNED_TRANSFORMS.length) throw new Refused('ALGORITHM_NOT_ALLOWED', `${list.length} transforms`);
  list.forEach((transform, i) => checkAlgorithm(transform, 'Transform', SIGNED_TRANSFORMS[i] as string));
  onlyText(digestValue);
}

function readCertificates(keyInfo: Element | undefined): string[] {
  if (keyInfo === undefined) throw new Refused('CERTIFICATE_MISSING');
  if (!isDsig(keyInfo, 'KeyInfo')) throw new Refused('SIGNATURE_MALFORMED', `${keyInfo.localName} after SignatureValue`);
  const certificates: string[] = [];
  for (const data of elementChildren(keyInfo)) {
    if (!isDsig(data, 'X509Data')) throw new Refused('SIGNATURE_MALFORMED', `KeyInfo holds ${data.localName}`);
    for (const item of elementChildren(data)) {
      if (!isDsig(item, 'X509Certificate')) throw new Refused('SIGNATURE_MALFORMED', `X509Data holds ${item.localName}`);
      const base64 = onlyText(item).replace(/[ \t\r\n]+/g, '');
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new Refused('CERTIFICATE_MALFORMED', 'not base64');
      certificates.push(base64);
    }
  }
  if (certificates.length === 0) throw new Refused('CERTIFICATE_MISSING');
  return certificates;
}

function inspect(doc: Document, expected: SignedRoot): SignatureParts {
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== expected.namespace || root.localName !== expected.localName) {
    throw new Refused(expected.otherwise, root ? `{${root.namespaceURI ?? ''}}${root.localName}` : undefined);
  }
  const signatures = doc.getElementsByTagNameNS(DSIG_NAMESPACE, 'Signature');
  if (signatures.length === 0) throw new Refused('SIGNATURE_MISSING');
  if (signatures.length > 1) throw new Refused('SIGNATURE_DUPLICATED', `${signatures.length} signatures`);
  const signature = signatures.item(0) as Element;
  if (signature.parentNode !== root) throw new Refused('SIGNATURE_MISPLACED');
  const signedInfos = doc.getElementsByTagNameNS(DSIG_NAMESPACE, 'SignedInfo');
  if (signedInfos.length > 1) throw new Refused('SIGNED_INFO_DUPLICATED', `${signedInfos.length} SignedInfo elements`);
  const [signedInfo, signatureValue, keyInfo, ...rest] = elementChildren(signature);
  if (!signedInfo || !signatureValue || !isDsig(signedInfo, 'SignedInfo') || !isDsig(signatureValue, 'SignatureValue')) {
    throw new Refused('SIGNATURE_MALFORMED', 'Signature must start with SignedInfo and SignatureValue');
  }
  if (rest.length > 0) throw new Refused('SIGNATURE_MALFORMED', `unexpected ${rest[0]?.localName} in Signature`);
  const [c14n, method, ...references] = elementChildren(signedInfo);
  checkAlgorithm(method, 'SignatureMethod', RSA_SHA256);
  checkAlgorithm(c14n, 'CanonicalizationMethod', EXC_C14N);
  const [reference] = references;
  if (references.length !== 1 || !reference || !isDsig(reference, 'Reference')) {
    throw new Refused('REFERENCE_INVALID', `${references.length} references`);
  }
  checkReference(reference);
  onlyText(signatureValue);
  return { signature, certificates: readCertificates(keyInfo) };
}

/** inspectSignature returns the signature parts, or the first rule the document breaks. */
export function inspectSignature(doc: Document, root: SignedRoot): { ok: true; parts: SignatureParts } | ({ ok: false } & StructureRefusal) {
  try {
    return { ok: true, parts: inspect(doc, root) };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return error.detail === undefined ? { ok: false, reason: error.reason } : { ok: false, reason: error.reason, detail: error.detail };
  }
}
