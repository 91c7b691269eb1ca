/**
 * Reading signed XML back strictly: exactly the elements and attributes a writer in this room
 * produces, in its order, text only where text belongs, whitespace-only text between elements
 * ignored. Each kind (document, request, login challenge) binds its namespace and the reason its
 * shape errors carry.
 */
import type { Element, Node } from '@xmldom/xmldom';
import type { SignatureFailure } from './reasons.js';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** ISO_WITH_OFFSET: the signing times we write (ISO 8601 with an explicit offset, seconds, optional milliseconds). */
export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?[+-]\d{2}:\d{2}$/;

/** DocumentShapeError says where signed XML differs from its format, and the reason code to refuse it with. */
export class DocumentShapeError extends Error {
  constructor(
    readonly reason: SignatureFailure,
    detail: string,
  ) {
    super(detail);
  }
}

/** Attributes: each allowed (and required) attribute → its required value, or null for any non-empty value. */
export type Attributes = Record<string, string | null>;

/** StrictReader holds the helpers bound to one namespace. */
export interface StrictReader {
  invalid(detail: string): DocumentShapeError;
  childElements(parent: Element): Element[];
  expect(element: Element | undefined, name: string, attributes?: Attributes): Element;
  /** expectAllowing checks the element's name and that it has no attribute outside `names`; it requires none of them. */
  expectAllowing(element: Element | undefined, name: string, names: readonly string[]): Element;
  text(element: Element | undefined, name: string, attributes?: Attributes): string;
  /** textOf reads an element's text (text and CDATA only), which may be empty. */
  textOf(element: Element): string;
  exactly(elements: readonly Element[], count: number, where: string): void;
}

function isWhitespaceText(node: Node): boolean {
  return (node.nodeType === 3 || node.nodeType === 4) && /^[ \t\r\n]*$/.test(node.nodeValue ?? '');
}

/** createStrictReader binds the helpers to a namespace and the reason for a shape error. */
export function createStrictReader(namespace: string, reason: SignatureFailure): StrictReader {
  const invalid = (detail: string) => new DocumentShapeError(reason, detail);

  const childElements = (parent: Element): Element[] => {
    const elements: Element[] = [];
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) elements.push(child as Element);
      else if (!isWhitespaceText(child)) throw invalid(`unexpected content in ${parent.localName}`);
    }
    return elements;
  };

  const onlyAttributes = (element: Element, allowed: readonly string[]): void => {
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes.item(i);
      if (!attribute || attribute.namespaceURI === XMLNS_NAMESPACE) continue;
      const key = attribute.namespaceURI === XML_NAMESPACE ? `xml:${attribute.localName}` : attribute.localName ?? '';
      if (!allowed.includes(key) || (attribute.namespaceURI && attribute.namespaceURI !== XML_NAMESPACE)) {
        throw invalid(`unexpected attribute ${attribute.name} on ${element.localName}`);
      }
    }
  };

  const checkAttributes = (element: Element, allowed: Attributes): void => {
    onlyAttributes(element, Object.keys(allowed));
    for (const [key, value] of Object.entries(allowed)) {
      const actual = key.startsWith('xml:') ? element.getAttributeNS(XML_NAMESPACE, key.slice(4)) : element.getAttribute(key);
      if (actual === null || actual === '') throw invalid(`${element.localName} needs ${key}`);
      if (value !== null && actual !== value) throw invalid(`${element.localName} ${key} must be ${value}`);
    }
  };

  const named = (element: Element | undefined, name: string): Element => {
    if (!element || element.namespaceURI !== namespace || element.localName !== name) {
      throw invalid(`expected ${name}, found ${element ? element.localName : 'nothing'}`);
    }
    return element;
  };

  const expect = (element: Element | undefined, name: string, attributes: Attributes = {}): Element => {
    checkAttributes(named(element, name), attributes);
    return element as Element;
  };

  const expectAllowing = (element: Element | undefined, name: string, names: readonly string[]): Element => {
    onlyAttributes(named(element, name), names);
    return element as Element;
  };

  const textOf = (element: Element): string => {
    let value = '';
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 3 && child.nodeType !== 4) throw invalid(`${element.localName} must hold text only`);
      value += child.nodeValue ?? '';
    }
    return value;
  };

  const text = (element: Element | undefined, name: string, attributes: Attributes = {}): string => {
    const value = textOf(expect(element, name, attributes));
    if (value === '') throw invalid(`${name} is empty`);
    return value;
  };

  const exactly = (elements: readonly Element[], count: number, where: string): void => {
    if (elements.length !== count) throw invalid(`${where} has ${elements.length} elements, ${count} expected`);
  };

  return { invalid, childElements, expect, expectAllowing, text, textOf, exactly };
}
