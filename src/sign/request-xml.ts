/**
 * The applicant's request XML: what a citizen signs to apply for a service (reference §2.2: the
 * portal sends the request signed in the national signing application). Our own namespace,
 * written deterministically (fixed order, no whitespace between elements, no XML declaration):
 *
 *   <r:Request xmlns:r="urn:qujat:request:1" version="1">
 *     <r:ServiceId/> <r:Channel/> [<r:ProviderId/>] <r:Language/>   kk | ru
 *     <r:Applicant><r:Iin/></r:Applicant>
 *     <r:SignedAt/>                                                  ISO 8601, Asia/Almaty offset, whole seconds
 *     <r:Form type="…">…</r:Form>                                    the form data, below
 *   </r:Request>
 *
 * The form data is any JSON value, written so that it reads back to the same value. Every value
 * is an element with a `type` attribute:
 *
 *   object   <r:Field name="…" type="…"> per member, in the object's own key order
 *   array    <r:Item type="…"> per element, in order
 *   string   its text (may be empty); a carriage return as &#13; so it survives parsing
 *   number   the JSON text of a finite number (JSON.stringify; -0 is written 0)
 *   boolean  true | false
 *   null     empty
 *
 * Values nest at most MAX_FORM_DEPTH objects/arrays deep (a form is two or three levels; the
 * strict parser stops at 32 levels of XML in all). Strings and member names may hold any
 * character XML 1.0 can carry except the C0 controls other than tab, line feed and carriage
 * return; anything else (undefined, functions, Dates, NaN, lone surrogates) is not JSON and is
 * refused by formProblem before anything is written.
 */
import type { Element } from '@xmldom/xmldom';
import { z } from 'zod';
import { CHANNELS, LANGUAGES, iinSchema, isoDateTimeInAlmaty, validateInput, type Channel, type Language } from '../domain/index.js';
import { createStrictReader } from './strict-reader.js';

/** REQUEST_NAMESPACE is the root namespace of a request; a verifier refuses any other. */
export const REQUEST_NAMESPACE = 'urn:qujat:request:1';
/** REQUEST_XML_VERSION is the `version` attribute of the root. */
export const REQUEST_XML_VERSION = '1';

/** JsonValue is what a request's form may hold. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** MAX_FORM_DEPTH: objects and arrays nested deeper than this are refused, written or read. */
export const MAX_FORM_DEPTH = 12;

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const TYPES = ['object', 'array', 'string', 'number', 'boolean', 'null'] as const;
type FormType = (typeof TYPES)[number];

const reader = createStrictReader(REQUEST_NAMESPACE, 'REQUEST_INVALID');

/** FormProblem says where a value is not representable: a path of keys and indexes. */
export interface FormProblem {
  readonly path: readonly (string | number)[];
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** formProblem returns where `value` is not a representable JSON value, or null. */
export function formProblem(value: unknown, path: readonly (string | number)[] = [], depth = 0): FormProblem | null {
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : { path };
  if (typeof value === 'string') return FORBIDDEN.test(value) ? { path } : null;
  if (typeof value !== 'object' || depth >= MAX_FORM_DEPTH) return { path };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = i in value ? formProblem(value[i], [...path, i], depth + 1) : { path: [...path, i] };
      if (problem) return problem;
    }
    return null;
  }
  if (!isPlainObject(value)) return { path };
  for (const [key, member] of Object.entries(value)) {
    if (FORBIDDEN.test(key)) return { path: [...path, key] };
    const problem = formProblem(member, [...path, key], depth + 1);
    if (problem) return problem;
  }
  return null;
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
// Attribute values are normalised by the parser (tab, line feed and carriage return become
// spaces), so those three are written as character references to come back unchanged.
const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

const escapeText = (value: string) => value.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] as string);
const escapeAttribute = (value: string) => value.replace(/[&<"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] as string);

/** writeFormValue writes a value checked by formProblem as the element `name` (Form, Field or Item). */
export function writeFormValue(name: string, value: JsonValue, attributes = ''): string {
  const open = (type: FormType) => `<r:${name}${attributes} type="${type}">`;
  const close = `</r:${name}>`;
  if (value === null) return `${open('null')}${close}`;
  if (typeof value === 'string') return `${open('string')}${escapeText(value)}${close}`;
  if (typeof value === 'number') return `${open('number')}${JSON.stringify(value)}${close}`;
  if (typeof value === 'boolean') return `${open('boolean')}${String(value)}${close}`;
  if (Array.isArray(value)) return `${open('array')}${(value as readonly JsonValue[]).map((item) => writeFormValue('Item', item)).join('')}${close}`;
  const members = Object.entries(value as { readonly [key: string]: JsonValue });
  return `${open('object')}${members.map(([key, member]) => writeFormValue('Field', member, ` name="${escapeAttribute(key)}"`)).join('')}${close}`;
}

function typeOf(element: Element): FormType {
  const type = element.getAttribute('type') ?? '';
  if (!(TYPES as readonly string[]).includes(type)) throw reader.invalid(`${element.localName} has type "${type}"`);
  return type as FormType;
}

function scalar(element: Element, type: Exclude<FormType, 'object' | 'array'>): JsonValue {
  const text = reader.textOf(element);
  switch (type) {
    case 'string':
      return text;
    case 'null':
      if (text !== '') throw reader.invalid('a null holds text');
      return null;
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw reader.invalid(`boolean "${text.slice(0, 20)}"`);
      return text === 'true';
    case 'number': {
      const number = Number(text);
      if (!JSON_NUMBER.test(text) || !Number.isFinite(number)) throw reader.invalid(`number "${text.slice(0, 20)}"`);
      return number;
    }
  }
}

/**
 * readFormValue reads a value element whose name the caller checked (Form, Field or Item). An
 * object's members become own properties (one named __proto__ included); a name appears once.
 */
export function readFormValue(element: Element, depth = 0): JsonValue {
  const type = typeOf(element);
  if (type !== 'object' && type !== 'array') return scalar(element, type);
  if (depth >= MAX_FORM_DEPTH) throw reader.invalid(`form nested deeper than ${MAX_FORM_DEPTH}`);
  const children = reader.childElements(element);
  if (type === 'array') return children.map((child) => readFormValue(reader.expectAllowing(child, 'Item', ['type']), depth + 1));
  const members = new Map<string, JsonValue>();
  for (const child of children) {
    const field = reader.expectAllowing(child, 'Field', ['name', 'type']);
    if (!field.hasAttribute('name')) throw reader.invalid('Field needs name');
    const key = field.getAttribute('name') ?? '';
    if (members.has(key)) throw reader.invalid(`field "${key.slice(0, 40)}" appears twice`);
    members.set(key, readFormValue(child, depth + 1));
  }
  return Object.fromEntries(members);
}

/** SubmitRequest is what an applicant signs: the submission of one application. */
export interface SubmitRequest {
  readonly serviceId: string;
  readonly channel: Channel;
  readonly providerId?: string;
  readonly language: Language;
  readonly applicant: { readonly iin: string };
  /** signedAt: when the applicant signed, as they state it; written to the second. */
  readonly signedAt: Date;
  readonly form: JsonValue;
}

/** SERVICE_ID and PROVIDER_ID: the identifier shapes a request may carry (the catalogue decides which exist). */
export const SERVICE_ID = /^[a-z][a-z0-9-]{0,63}$/;
export const PROVIDER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const SubmitRequestSchema = z.strictObject({
  serviceId: z.string().regex(SERVICE_ID),
  channel: z.enum(CHANNELS),
  providerId: z.string().regex(PROVIDER_ID).optional(),
  language: z.enum(LANGUAGES),
  applicant: z.strictObject({ iin: iinSchema }),
  signedAt: z.date().refine((d) => !Number.isNaN(d.getTime()), { params: { rule: 'INVALID_DATE' } }),
  form: z.unknown().superRefine((form, context) => {
    const problem = formProblem(form);
    if (problem) context.addIssue({ code: 'custom', path: [...problem.path], params: { rule: 'INVALID_FORMAT' } });
  }),
});

const el = (name: string, value: string) => `<r:${name}>${escapeText(value)}</r:${name}>`;

/** buildRequestXml validates the request (InvalidInputError, form problems with their path) and writes the unsigned XML. */
export function buildRequestXml(request: SubmitRequest): string {
  const checked = validateInput(SubmitRequestSchema, request);
  return (
    `<r:Request xmlns:r="${REQUEST_NAMESPACE}" version="${REQUEST_XML_VERSION}">` +
    el('ServiceId', checked.serviceId) +
    el('Channel', checked.channel) +
    (checked.providerId === undefined ? '' : el('ProviderId', checked.providerId)) +
    el('Language', checked.language) +
    `<r:Applicant>${el('Iin', checked.applicant.iin)}</r:Applicant>` +
    el('SignedAt', isoDateTimeInAlmaty(checked.signedAt)) +
    writeFormValue('Form', request.form) +
    '</r:Request>'
  );
}
