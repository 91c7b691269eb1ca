/**
 * Reading the document XML back into a ParsedDocument, strictly: exactly the elements and
 * attributes document-xml.ts writes, in its order, text only where text belongs. The verifier
 * calls it on the canonical form of the signed reference only — never on the tree it was given —
 * so what it returns is exactly what the signature covers.
 */
import type { Element } from '@xmldom/xmldom';
import { isValidBin, isValidIin } from '../domain/index.js';
import { DOCUMENT_NAMESPACE, DOCUMENT_XML_VERSION, type ContentBlock, type ContentField, type ParsedDocument } from './document-xml.js';
import { DocumentShapeError, ISO_WITH_OFFSET, createStrictReader } from './strict-reader.js';
import { decodeXml, parseStrictXml } from './xml-safety.js';

const { invalid, childElements, expect, text, exactly } = createStrictReader(DOCUMENT_NAMESPACE, 'DOCUMENT_INVALID');

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
  const parts = childElements(expect(root, 'Document', { version: DOCUMENT_XML_VERSION }));
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
