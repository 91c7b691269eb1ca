/**
 * Reading a request XML back into a SubmitRequest, strictly: exactly what request-xml.ts writes.
 * The request verifier calls it on the canonical form of the signed reference only, so what it
 * returns is exactly what the applicant signed.
 */
import type { Element } from '@xmldom/xmldom';
import { CHANNELS, LANGUAGES, isValidIin, type Channel, type Language } from '../domain/index.js';
import {
  PROVIDER_ID,
  REQUEST_NAMESPACE,
  REQUEST_XML_VERSION,
  SERVICE_ID,
  readFormValue,
  type SubmitRequest,
} from './request-xml.js';
import { DSIG_NAMESPACE } from './profile.js';
import { DocumentShapeError, ISO_WITH_OFFSET, createStrictReader } from './strict-reader.js';
import { decodeXml, parseStrictXml } from './xml-safety.js';

const { invalid, childElements, expect, expectAllowing, text, exactly } = createStrictReader(REQUEST_NAMESPACE, 'REQUEST_INVALID');

function matching(value: string, pattern: RegExp, name: string): string {
  if (!pattern.test(value)) throw invalid(`${name} "${value.slice(0, 40)}" is not allowed`);
  return value;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw invalid(`${name} "${value.slice(0, 40)}" is not allowed`);
  return value as T;
}

/** readRequestElement reads an r:Request element (the root of the signed content); DocumentShapeError otherwise. */
export function readRequestElement(root: Element): SubmitRequest {
  if (root.namespaceURI !== REQUEST_NAMESPACE || root.localName !== 'Request' || root.getAttribute('version') !== REQUEST_XML_VERSION) {
    throw new DocumentShapeError('NOT_A_QUJAT_REQUEST', `{${root.namespaceURI ?? ''}}${root.localName} version ${root.getAttribute('version') ?? '(none)'}`);
  }
  const parts = childElements(expect(root, 'Request', { version: REQUEST_XML_VERSION }));
  const withProvider = parts.length === 7;
  if (!withProvider) exactly(parts, 6, 'Request');
  const [serviceId, channel, ...rest] = parts;
  const providerId = withProvider ? rest.shift() : undefined;
  const [language, applicant, signedAt, form] = rest;
  const applicantParts = childElements(expect(applicant, 'Applicant'));
  exactly(applicantParts, 1, 'Applicant');
  const iin = text(applicantParts[0], 'Iin');
  if (!isValidIin(iin)) throw invalid('Applicant/Iin is not a valid IIN');
  const signedAtText = text(signedAt, 'SignedAt');
  const signedAtInstant = new Date(signedAtText);
  if (!ISO_WITH_OFFSET.test(signedAtText) || Number.isNaN(signedAtInstant.getTime())) {
    throw invalid(`SignedAt ${signedAtText.slice(0, 40)} is not ISO 8601 with an offset`);
  }
  return {
    serviceId: matching(text(serviceId, 'ServiceId'), SERVICE_ID, 'ServiceId'),
    channel: oneOf<Channel>(text(channel, 'Channel'), CHANNELS, 'Channel'),
    ...(providerId ? { providerId: matching(text(providerId, 'ProviderId'), PROVIDER_ID, 'ProviderId') } : {}),
    language: oneOf<Language>(text(language, 'Language'), LANGUAGES, 'Language'),
    applicant: { iin },
    signedAt: signedAtInstant,
    form: readFormValue(expectAllowing(form, 'Form', ['type'])),
  };
}

/**
 * readRequestXml reads request XML (UTF-8 bytes or text) with the strict parser. It checks the
 * format, not a signature: a signed request's content is what a successful verify() returns.
 */
export function readRequestXml(xml: string | Uint8Array): SubmitRequest {
  const decoded = decodeXml(xml, Number.MAX_SAFE_INTEGER);
  const parsed = decoded.ok ? parseStrictXml(decoded.text) : decoded;
  if (!parsed.ok) throw new DocumentShapeError(parsed.reason, parsed.detail ?? parsed.reason);
  return readRequestElement(parsed.doc.documentElement as Element);
}

/**
 * readUnverifiedRequestXml reads a signed request whose signature was refused, for the record of
 * the refusal only (the application is stored and rejected, the applicant told why): the enveloped
 * ds:Signature elements of the root are set aside and the rest is read as readRequestXml reads it.
 * Nothing it returns has been signed by anybody.
 */
export function readUnverifiedRequestXml(xml: string | Uint8Array): SubmitRequest {
  const decoded = decodeXml(xml, Number.MAX_SAFE_INTEGER);
  const parsed = decoded.ok ? parseStrictXml(decoded.text) : decoded;
  if (!parsed.ok) throw new DocumentShapeError(parsed.reason, parsed.detail ?? parsed.reason);
  const root = parsed.doc.documentElement as Element;
  for (const child of childElements(root)) {
    if (child.namespaceURI === DSIG_NAMESPACE && child.localName === 'Signature') root.removeChild(child);
  }
  return readRequestElement(root);
}
