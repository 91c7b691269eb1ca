/** The ports the use cases need; rooms implement them and compose.ts plugs them in. */
import type { Language, LocalizedText, OutputLanguage } from '../domain/index.js';
import type { ContentField } from './document-content.js';

/** Clock tells the time; tests pass a fixed one. */
export interface Clock {
  now(): Date;
}

/** DocumentTemplates renders a named template with a view to a complete HTML document. */
export interface DocumentTemplates {
  render(name: string, view: { readonly lang: OutputLanguage; readonly [key: string]: unknown }): string;
}

/** Texts gives the strict kk/ru text of a key. */
export interface Texts {
  /** t: the text of a key; `{{name}}` placeholders take `params`. */
  t(language: Language, key: string, params?: Readonly<Record<string, string | number>>): string;
  has(language: Language, key: string): boolean;
}

/** PdfPrinter prints complete HTML to PDF bytes. */
export interface PdfPrinter {
  print(html: string): Promise<{ readonly bytes: Uint8Array; readonly pages: number }>;
}

/** DocumentXmlInput is what the signed XML of a document says. */
export interface DocumentXmlInput {
  readonly number: string;
  readonly kind: string;
  readonly issuedAt: Date;
  readonly issuer: { readonly name: LocalizedText; readonly bin: string };
  readonly applicant: { readonly iin: string; readonly fullName: string };
  readonly content: Readonly<Record<Language, { readonly title: string; readonly fields: readonly ContentField[] }>>;
}

/** DocumentSigner builds a document's XML and signs it (enveloped XMLDSig). */
export interface DocumentSigner {
  /** issuerBin is the BIN in the signing certificate: the only issuer this instance signs for. */
  readonly issuerBin: string | null;
  sign(input: DocumentXmlInput): { readonly xml: Uint8Array; readonly development: boolean };
}

/**
 * BarcodeMark is a barcode as a template places it: a box of its printed size whose href holds
 * the code's modules, which the printer draws into the PDF.
 */
export interface BarcodeMark {
  readonly href: string;
  readonly widthMm: number;
  readonly heightMm: number;
}

/** Barcodes lays out a document's barcodes as marks. */
export interface Barcodes {
  /** qrRow: the signed XML in chunks, one QR code each. */
  qrRow(signedXml: Uint8Array, number: string): readonly BarcodeMark[];
  /** link: one QR code of a URL. */
  link(url: string): BarcodeMark;
  /** code128: the document number for desk scanners. */
  code128(number: string): BarcodeMark;
}

/** VerificationLinks writes the URL of a document's verification page. */
export interface VerificationLinks {
  url(number: string, token: string): string;
  /** page is the verification page where a number can be typed in. */
  page(): string;
}

/** PdfFinisher embeds the signed XML as `document.xml` and sets the PDF's metadata. */
export interface PdfFinisher {
  finish(pdf: Uint8Array, meta: { xml: Uint8Array; title: string; language: OutputLanguage; creationDate: Date }): Promise<Uint8Array>;
}

/** DocumentStatus is valid until revoked or superseded; both are final. */
export type DocumentStatus =
  | { readonly code: 'valid' }
  | { readonly code: 'revoked'; readonly reason: string; readonly at: Date; readonly by: string }
  | { readonly code: 'superseded'; readonly reason: string; readonly at: Date; readonly by: string; readonly supersededBy: string };

/** DocumentParty names the issuer or the applicant as the registry keeps them. */
interface Parties {
  readonly issuer: { readonly bin: string; readonly name: LocalizedText };
  readonly applicant: { readonly iin: string; readonly name: string };
}

/**
 * DocumentOwner: whose document it is, for who may read and print it — the provider it belongs to
 * and the ЦОН that took its application (null where none is known: only SYSTEM reads those).
 */
export interface DocumentOwner {
  readonly providerId: string | null;
  readonly conId: string | null;
}

/** IssuedDocumentRecord is what the registry keeps of a newly issued document. */
export interface IssuedDocumentRecord extends Parties {
  readonly number: string;
  readonly kind: string;
  readonly language: OutputLanguage;
  readonly issuedAt: Date;
  readonly xml: Uint8Array;
  readonly pdf: Uint8Array;
  /** verificationToken is the secret of the verification QR; the registry keeps only its hash. */
  readonly verificationToken: string;
  /** printed is the HTML printed into `pdf` and its page count: paper copies are printed again from it. */
  readonly printed?: { readonly html: string; readonly pages: number };
  /** owner: whose document it is (none for a document issued without a provider, e.g. by `qujat render`). */
  readonly owner?: DocumentOwner;
}

/** RegisteredDocument is a registry entry without its files. */
export interface RegisteredDocument extends Parties {
  readonly number: string;
  readonly kind: string;
  readonly language: OutputLanguage;
  readonly issuedAt: Date;
  readonly xml: { readonly sha256: string; readonly size: number };
  readonly pdf: { readonly sha256: string; readonly size: number };
  readonly status: DocumentStatus;
  readonly owner: DocumentOwner;
}

/** IssuedDocuments is the registry port: numbers, records, files, tokens, statuses. */
export interface IssuedDocuments {
  /** next reserves a number in its own short transaction. */
  next(kind: string, issuedAt: Date): Promise<string>;
  register(record: IssuedDocumentRecord): Promise<void>;
  find(number: string): Promise<RegisteredDocument | null>;
  /** readPdf and readXml throw DocumentNotFoundError for an unknown number. */
  readPdf(number: string): Promise<Uint8Array>;
  readXml(number: string): Promise<Uint8Array>;
  checkToken(number: string, token: string): Promise<boolean>;
  revoke(number: string, revocation: { readonly reason: string; readonly at: Date; readonly by: string }): Promise<RegisteredDocument>;
}

/** SignedDocument is what verification read from the signed reference: the input, with the issue time as written (ISO 8601 with offset). */
export interface SignedDocument extends Omit<DocumentXmlInput, 'issuedAt'> {
  readonly issuedAt: string;
}

/** SignatureCheck verifies a signed document XML against the configured trust anchors and CRL. */
export interface SignatureCheck {
  verify(xml: Uint8Array): { readonly valid: true; readonly document: SignedDocument } | { readonly valid: false; readonly reason: string };
}

/** BarcodeReader reads QR rows back: from their payloads, or from a photo or scan. */
export interface BarcodeReader {
  /** decodeRow reassembles a QR row; throws an AppError whose code says what is wrong. */
  decodeRow(payloads: readonly string[]): { readonly number: string; readonly xml: Uint8Array };
  imageCodes(image: Uint8Array): Promise<readonly string[]>;
}

/** PdfReader reads what a PDF carries: the attached `document.xml` and the QR row on its pages. */
export interface PdfReader {
  attachment(pdf: Uint8Array): Promise<Uint8Array | null>;
  qrPayloads(pdf: Uint8Array): Promise<readonly string[]>;
}

/**
 * SignedRequestCheck verifies an application request signed with the applicant's EDS: signature,
 * certificate validity and revocation. `request` is the signed SubmitRequest-shaped content,
 * still to be validated; `signerIin` is the IIN in the signing certificate. When the check fails,
 * `request` is the content as read without trusting it, when it could be read at all: the
 * application is then stored and rejected (REJECT_EDS) so that the applicant is told.
 */
export interface SignedRequestCheck {
  verify(
    xml: Uint8Array,
  ):
    | { readonly valid: true; readonly signerIin: string; readonly request: unknown }
    | { readonly valid: false; readonly reason: string; readonly request?: unknown };
}
