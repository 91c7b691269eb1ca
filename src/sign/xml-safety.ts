/**
 * Parsing XML that came from outside (reference §2.7 step 1). Before any parser sees the bytes:
 * a size limit and no DOCTYPE or ENTITY declaration at all, so external entities (XXE) and
 * entity expansion (billion laughs) never reach a parser; an XML declaration may name UTF-8 only. Then a strict parse (any parser warning
 * is fatal, one root, nothing but whitespace outside it) and a walk that refuses comments and
 * processing instructions (exclusive c14n drops comments, so text split by a comment verifies
 * while a naive reader sees something else), duplicate ID attributes and deep nesting.
 */
import { DOMParser, onWarningStopParsing, type Document, type Element, type Node } from '@xmldom/xmldom';
import type { SignatureFailure } from './reasons.js';

/** XmlRefusal is why untrusted XML was not even looked at as a document. */
export interface XmlRefusal {
  readonly ok: false;
  readonly reason: SignatureFailure;
  readonly detail?: string;
}

/** ParsedXml is the strictly parsed document and the exact text the parser saw. */
export interface ParsedXml {
  readonly ok: true;
  readonly doc: Document;
  readonly text: string;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const PROCESSING_INSTRUCTION_NODE = 7;
const COMMENT_NODE = 8;
const DOCUMENT_TYPE_NODE = 10;

/** MAX_DEPTH bounds nesting: our documents are six levels deep, and c14n recurses. */
const MAX_DEPTH = 32;
const ID_ATTRIBUTES = new Set(['Id', 'ID', 'id']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

const refuse = (reason: SignatureFailure, detail?: string): XmlRefusal =>
  detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };

/** decodeXml applies the size limit and reads UTF-8 strictly (a BOM is dropped). */
export function decodeXml(input: string | Uint8Array, maxBytes: number): { ok: true; text: string } | XmlRefusal {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > maxBytes) return refuse('TOO_LARGE', `${size} bytes, at most ${maxBytes}`);
  if (typeof input === 'string') return { ok: true, text: input.replace(/^\uFEFF/, '') };
  try {
    return { ok: true, text: utf8.decode(input) };
  } catch {
    return refuse('MALFORMED_XML', 'not UTF-8');
  }
}

/** XML_DECLARATION is an XML declaration at the start of the text; ENCODING its encoding pseudo-attribute. */
const XML_DECLARATION = /^<\?xml\s[^?]*\?>/;
const ENCODING = /\sencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/**
 * declaredEncodingRefusal refuses a declaration that names an encoding other than UTF-8. We read
 * the bytes as UTF-8 whatever they declare; another verifier (xmlsec1) decodes by the declaration,
 * so UTF-8 bytes declared ISO-8859-1 would be one document here and another one there.
 */
function declaredEncodingRefusal(text: string): XmlRefusal | null {
  const declaration = XML_DECLARATION.exec(text)?.[0];
  const declared = declaration ? ENCODING.exec(declaration) : null;
  const encoding = declared ? declared[1] ?? declared[2] : undefined;
  if (encoding === undefined || /^utf-?8$/i.test(encoding)) return null;
  return refuse('ENCODING_NOT_UTF8', encoding);
}

/** parseStrictXml parses text that passed decodeXml; see the file header for what it refuses. */
export function parseStrictXml(text: string): ParsedXml | XmlRefusal {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) return refuse('DOCTYPE_FORBIDDEN');
  const encodingRefusal = declaredEncodingRefusal(text);
  if (encodingRefusal) return encodingRefusal;
  let doc: Document;
  try {
    doc = new DOMParser({ onError: onWarningStopParsing, locator: false }).parseFromString(text, 'text/xml');
  } catch (error) {
    return refuse('MALFORMED_XML', firstLine(error));
  }
  const problem = walk(doc);
  return problem ?? { ok: true, doc, text };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function walk(doc: Document): XmlRefusal | null {
  const ids = new Set<string>();
  const stack: Array<{ node: Node; depth: number }> = [];
  let elements = 0;
  for (let child = doc.firstChild, index = 0; child; child = child.nextSibling, index++) {
    // The XML declaration is reported as a processing instruction named xml; only it, first.
    if (child.nodeType === PROCESSING_INSTRUCTION_NODE && child.nodeName === 'xml' && index === 0) continue;
    if (child.nodeType === ELEMENT_NODE) elements++;
    stack.push({ node: child, depth: 0 });
  }
  if (elements !== 1) return refuse('MALFORMED_XML', 'one root element expected');
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: Node; depth: number };
    switch (node.nodeType) {
      case COMMENT_NODE:
        return refuse('COMMENT_FORBIDDEN');
      case PROCESSING_INSTRUCTION_NODE:
        return refuse('PROCESSING_INSTRUCTION_FORBIDDEN', node.nodeName);
      case DOCUMENT_TYPE_NODE:
        return refuse('DOCTYPE_FORBIDDEN');
      case TEXT_NODE:
      case CDATA_SECTION_NODE:
        continue;
      case ELEMENT_NODE:
        break;
      default:
        return refuse('MALFORMED_XML', `unexpected node type ${node.nodeType}`);
    }
    if (depth > MAX_DEPTH) return refuse('MALFORMED_XML', `nested deeper than ${MAX_DEPTH}`);
    const element = node as Element;
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes.item(i);
      if (!attribute || !ID_ATTRIBUTES.has(attribute.localName ?? attribute.name)) continue;
      if (ids.has(attribute.value)) return refuse('DUPLICATE_ID', attribute.value);
      ids.add(attribute.value);
    }
    for (let child = element.firstChild; child; child = child.nextSibling) stack.push({ node: child, depth: depth + 1 });
  }
  return null;
}
