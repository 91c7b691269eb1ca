/**
 * The document XML: the legal original that is signed, in our own namespace
 * (`urn:qujat:document:1`, never the state system's). Serialisation is deterministic — fixed
 * element order, no whitespace between elements, no XML declaration, one escaping of & < > " —
 * so the same input always gives the same bytes. Characters that XML cannot carry or that would
 * not survive a parse unchanged (controls, CR, lone surrogates) are refused with InvalidInputError.
 *
 *   <q:Document xmlns:q="urn:qujat:document:1" version="1">
 *     <q:Number/> <q:Kind/> <q:IssuedAt/>            ISO 8601 with the Asia/Almaty offset
 *     <q:Issuer><q:Bin/><q:Name xml:lang="kk"/><q:Name xml:lang="ru"/></q:Issuer>
 *     <q:Applicant><q:Iin/><q:FullName/></q:Applicant>
 *     <q:Content xml:lang="kk"><q:Title/><q:Field name="…"><q:Label/><q:Value/></q:Field>…</q:Content>
 *     <q:Content xml:lang="ru">…the same field names in the same order…</q:Content>
 *   </q:Document>
 */
import { z } from 'zod';
import { binSchema, iinSchema, isoDateTimeInAlmaty, validateInput } from '../domain/index.js';

/** DOCUMENT_NAMESPACE is ours; a verifier refuses any other root namespace. */
export const DOCUMENT_NAMESPACE = 'urn:qujat:document:1';
/** DOCUMENT_XML_VERSION is the `version` attribute of the root; a reader refuses others. */
export const DOCUMENT_XML_VERSION = '1';

// XML 1.0 allows tab and line feed in text; a carriage return would come back as a line feed
// after parsing (so the bytes would not round-trip), and the other C0/C1 controls, lone
// surrogates (with the u flag a class only matches unpaired ones) and U+FFFE/U+FFFF are not
// characters a document should carry.
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/u;

const MAX_VALUE = 4000;

function xmlText(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((value) => !FORBIDDEN.test(value), { params: { rule: 'INVALID_FORMAT' } });
}

const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/);

const contentBlock = z.strictObject({
  title: xmlText(500),
  fields: z
    .array(z.strictObject({ name: fieldName, label: xmlText(500), value: xmlText(MAX_VALUE) }))
    .max(200),
});

/** DocumentXmlInputSchema checks what buildDocumentXml receives (the caller computes the texts). */
export const DocumentXmlInputSchema = z
  .strictObject({
    number: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/),
    kind: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
    issuedAt: z.date().refine((d) => !Number.isNaN(d.getTime()), { params: { rule: 'INVALID_DATE' } }),
    issuer: z.strictObject({ bin: binSchema, name: z.strictObject({ kk: xmlText(500), ru: xmlText(500) }) }),
    applicant: z.strictObject({ iin: iinSchema, fullName: xmlText(300) }),
    content: z.strictObject({ kk: contentBlock, ru: contentBlock }),
  })
  .refine((input) => sameFieldNames(input.content.kk.fields, input.content.ru.fields), {
    params: { rule: 'NOT_ALLOWED_VALUE' },
    path: ['content', 'ru', 'fields'],
  });

function sameFieldNames(a: readonly { name: string }[], b: readonly { name: string }[]): boolean {
  return a.length === b.length && a.every((field, i) => field.name === b[i]?.name);
}

/** DocumentXmlInput is what the document builder hands to the signer. */
export type DocumentXmlInput = z.input<typeof DocumentXmlInputSchema>;

/** ContentField is one labelled value of a document, in one language. */
export interface ContentField {
  readonly name: string;
  readonly label: string;
  readonly value: string;
}

/** ContentBlock is a document's content in one language. */
export interface ContentBlock {
  readonly title: string;
  readonly fields: readonly ContentField[];
}

/** ParsedDocument is what a verified document says; issuedAt keeps the signed text and its instant. */
export interface ParsedDocument {
  readonly number: string;
  readonly kind: string;
  readonly issuedAt: string;
  readonly issuedAtInstant: Date;
  readonly issuer: { readonly bin: string; readonly name: { readonly kk: string; readonly ru: string } };
  readonly applicant: { readonly iin: string; readonly fullName: string };
  readonly content: { readonly kk: ContentBlock; readonly ru: ContentBlock };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** escapeXml writes text or an attribute value; the forbidden characters never get here. */
function escapeXml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => ESCAPES[c] as string);
}

const el = (name: string, value: string, attributes = '') => `<q:${name}${attributes}>${escapeXml(value)}</q:${name}>`;

function block(lang: 'kk' | 'ru', content: ContentBlock): string {
  const fields = content.fields
    .map((f) => `<q:Field name="${escapeXml(f.name)}">${el('Label', f.label)}${el('Value', f.value)}</q:Field>`)
    .join('');
  return `<q:Content xml:lang="${lang}">${el('Title', content.title)}${fields}</q:Content>`;
}

/** buildDocumentXml validates the input (InvalidInputError) and writes the unsigned document XML. */
export function buildDocumentXml(input: DocumentXmlInput): string {
  const doc = validateInput(DocumentXmlInputSchema, input);
  return (
    `<q:Document xmlns:q="${DOCUMENT_NAMESPACE}" version="${DOCUMENT_XML_VERSION}">` +
    el('Number', doc.number) +
    el('Kind', doc.kind) +
    el('IssuedAt', isoDateTimeInAlmaty(doc.issuedAt)) +
    `<q:Issuer>${el('Bin', doc.issuer.bin)}${el('Name', doc.issuer.name.kk, ' xml:lang="kk"')}${el('Name', doc.issuer.name.ru, ' xml:lang="ru"')}</q:Issuer>` +
    `<q:Applicant>${el('Iin', doc.applicant.iin)}${el('FullName', doc.applicant.fullName)}</q:Applicant>` +
    block('kk', doc.content.kk) +
    block('ru', doc.content.ru) +
    `</q:Document>`
  );
}
