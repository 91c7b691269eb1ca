/**
 * Reading the document XML back into a ParsedDocument, strictly: exactly the elements and
 * attributes document-xml.ts writes, in its order, text only where text belongs. The verifier
 * calls it on the canonical form of the signed reference only — never on the tree it was given —
 * so what it returns is exactly what the signature covers.
 */
import type { Element, Node } from '@xmldom/xmldom';
import { isValidBin, isValidIin } from '../domain/index.js';
import { DOCUMENT_NAMESPACE, DOCUMENT_XML_VERSION, type ContentBlock, type ContentField, type ParsedDocument } from './document-xml.js';
import type { SignatureFailure } from './reasons.js';
import { decodeXml, parseStrictXml } from './xml-safety.js';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?[+-]\d{2}:\d{2}$/;

/** DocumentShapeError says where a document XML differs from the format. */
export class DocumentShapeError extends Error {
  constructor(
    readonly reason: SignatureFailure,
    detail: string,
  ) {
    super(detail);
  }
}

const invalid = (detail: string) => new DocumentShapeError('DOCUMENT_INVALID', detail);

function isWhitespaceText(node: Node): boolean {
  return (node.nodeType === 3 || node.nodeType === 4) && /^[ \t\r\n]*$/.test(node.nodeValue ?? '');
}

function childElements(parent: Element): Element[] {
  const elements: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) elements.push(child as Element);
    else if (!isWhitespaceText(child)) throw invalid(`unexpected content in ${parent.localName}`);
  }
  return elements;
}

function checkAttributes(element: Element, allowed: Record<string, string | null>): void {
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i);
    if (!attribute || attribute.namespaceURI === XMLNS_NAMESPACE) continue;
    const key = attribute.namespaceURI === XML_NAMESPACE ? `xml:${attribute.localName}` : attribute.localName ?? '';
    if (!(key in allowed) || attribute.namespaceURI && attribute.namespaceURI !== XML_NAMESPACE) {
      throw invalid(`unexpected attribute ${attribute.name} on ${element.localName}`);
    }
  }
  for (const [key, value] of Object.entries(allowed)) {
    const actual = key.startsWith('xml:') ? element.getAttributeNS(XML_NAMESPACE, key.slice(4)) : element.getAttribute(key);
    if (actual === null || actual === '') throw invalid(`${element.localName} needs ${key}`);
    if (value !== null && actual !== value) throw invalid(`${element.localName} ${key} must be ${value}`);
  }
}

function expect(element: Element | undefined, name: string, attributes: Record<string, string | null> = {}): Element {
  if (!element || element.namespaceURI !== DOCUMENT_NAMESPACE || element.localName !== name) {
    throw invalid(`expected ${name}, found ${element ? element.localName : 'nothing'}`);
  }
  checkAttributes(element, attributes);
  return element;
}

function text(element: Element | undefined, name: string, attributes: Record<string, string | null> = {}): string {
  const checked = expect(element, name, attributes);
  let value = '';
  for (let child = checked.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 3 && child.nodeType !== 4) throw invalid(`${name} must hold text only`);
    value += child.nodeValue ?? '';
  }
  if (value === '') throw invalid(`${name} is empty`);
  return value;
}

function exactly(elements: Element[], count: number, where: string): void {
  if (elements.length !== count) throw invalid(`${where} has ${elements.length} elements, ${count} expected`);
}

function readBlock(element: Element | undefined, lang: 'kk' | 'ru'): ContentBlock {
  const children = childElements(expect(element, 'Content', { 'xml:lang': lang }));
  const [title, ...fieldElements] = children;
  const fields: ContentField[] = fieldElements.map((field) => {
    const parts = childElements(expect(field, 'Field', { name: null }));
    exactly(parts, 2, 'Field');
    return { name: field.getAttribute('name') ?? '', label: text(parts[0], 'Label'), value: text(parts[1], 'Value') };
  });
  return { title: text(title, 'Title'), fields };
}

/** readDocumentElement reads a q:Document element (the root of the signed content). */
export function readDocumentElement(root: Element): ParsedDocument {
  if (root.namespaceURI !== DOCUMENT_NAMESPACE || root.localName !== 'Document') {
    throw new DocumentShapeError('NOT_A_QUJAT_DOCUMENT', `{${root.namespaceURI ?? ''}}${root.localName}`);
  }
  if (root.getAttribute('version') !== DOCUMENT_XML_VERSION) {
    throw new DocumentShapeError('NOT_A_QUJAT_DOCUMENT', `version ${root.getAttribute('version') ?? '(none)'}`);
  }
  checkAttributes(root, { version: DOCUMENT_XML_VERSION });
  const parts = childElements(root);
  exactly(parts, 7, 'Document');
  const [number, kind, issuedAt, issuer, applicant, kk, ru] = parts;
  const issuerParts = childElements(expect(issuer, 'Issuer'));
  exactly(issuerParts, 3, 'Issuer');
  const applicantParts = childElements(expect(applicant, 'Applicant'));
  exactly(applicantParts, 2, 'Applicant');
  const document: ParsedDocument = {
    number: text(number, 'Number'),
    kind: text(kind, 'Kind'),
    issuedAt: text(issuedAt, 'IssuedAt'),
    issuedAtInstant: new Date(text(issuedAt, 'IssuedAt')),
    issuer: {
      bin: text(issuerParts[0], 'Bin'),
      name: { kk: text(issuerParts[1], 'Name', { 'xml:lang': 'kk' }), ru: text(issuerParts[2], 'Name', { 'xml:lang': 'ru' }) },
    },
    applicant: { iin: text(applicantParts[0], 'Iin'), fullName: text(applicantParts[1], 'FullName') },
    content: { kk: readBlock(kk, 'kk'), ru: readBlock(ru, 'ru') },
  };
  if (!ISO_WITH_OFFSET.test(document.issuedAt) || Number.isNaN(document.issuedAtInstant.getTime())) {
    throw invalid(`IssuedAt ${document.issuedAt} is not ISO 8601 with an offset`);
  }
  if (!isValidBin(document.issuer.bin)) throw invalid('Issuer/Bin is not a valid BIN');
  if (!isValidIin(document.applicant.iin)) throw invalid('Applicant/Iin is not a valid IIN');
  const names = (b: ContentBlock) => b.fields.map((f) => f.name).join(' ');
  if (names(document.content.kk) !== names(document.content.ru)) throw invalid('kk and ru fields differ');
  return document;
}

/**
 * parseDocumentXml reads a document XML string. It checks the format, not a signature: outside
 * tests and the signer's own output, use the document a successful verify() returns instead.
 */
export function parseDocumentXml(xml: string): ParsedDocument {
  const decoded = decodeXml(xml, Number.MAX_SAFE_INTEGER);
  const parsed = decoded.ok ? parseStrictXml(decoded.text) : decoded;
  if (!parsed.ok) throw new DocumentShapeError(parsed.reason, parsed.detail ?? parsed.reason);
  return readDocumentElement(parsed.doc.documentElement as Element);
}
