/**
 * issue-document: a JSON request for one document kind → a signed, registered, printed document.
 * The number is reserved first (a short transaction), the document is signed and printed outside
 * any transaction, then registered; a failure in between leaves a gap in the numbers, never a
 * registered document without its PDF.
 */
import { randomBytes } from 'node:crypto';
import { defineError, isoDateTimeInAlmaty, LANGUAGES, type DocumentKind, type Language, type OutputLanguage } from '../domain/index.js';
import { contentFields } from './document-content.js';
import { createRequestPreparer, documentView, type PreparedRequest } from './document-request.js';
import type {
  Barcodes,
  Clock,
  DocumentOwner,
  DocumentSigner,
  DocumentTemplates,
  IssuedDocumentRecord,
  IssuedDocuments,
  PdfFinisher,
  PdfPrinter,
  Texts,
  VerificationLinks,
} from './ports.js';

/** IssuerNotSignerError: the document names an issuer whose key this instance does not hold. */
export const IssuerNotSignerError = defineError<{ bin: string; signerBin: string }>('ISSUER_NOT_SIGNER', 'invalid');

/** IssueResult is a printed document with what a caller needs to file it. */
export interface IssueResult {
  readonly number: string;
  readonly kind: string;
  readonly language: OutputLanguage;
  readonly issuedAt: string;
  readonly pages: number;
  readonly bytes: number;
  readonly verifyUrl: string;
  readonly development: boolean;
  readonly pdf: Uint8Array;
  readonly xml: Uint8Array;
}

export interface IssueDocumentDeps {
  readonly kinds: readonly DocumentKind[];
  readonly texts: Texts;
  readonly templates: DocumentTemplates;
  readonly printer: PdfPrinter;
  readonly signer: DocumentSigner;
  readonly barcodes: Barcodes;
  readonly links: VerificationLinks;
  readonly finisher: PdfFinisher;
  readonly registry: IssuedDocuments;
  readonly clock: Clock;
}

/** PrepareDocumentDeps: issuing without registering; `numbers` reserves the number. */
export type PrepareDocumentDeps = Omit<IssueDocumentDeps, 'kinds' | 'registry'> & {
  readonly numbers: Pick<IssuedDocuments, 'next'>;
};

/** PreparedDocument: signed and printed, ready to be registered in the caller's transaction. */
export interface PreparedDocument {
  readonly record: IssuedDocumentRecord;
  readonly result: IssueResult;
}

/**
 * createDocumentPreparer: the first half of issuing — reserve the number, sign, print, finish.
 * The caller registers `record` (alone, or in the transaction of the transition that issues it);
 * a document prepared and never registered leaves a gap in the numbers and nothing else.
 */
export function createDocumentPreparer(deps: PrepareDocumentDeps) {
  return async function prepareDocument(request: PreparedRequest): Promise<PreparedDocument> {
    const { kind, lang, data } = request;
    const issuedAt = deps.clock.now();
    const parties = kind.parties(data);
    if (deps.signer.issuerBin !== null && parties.issuer.bin !== deps.signer.issuerBin) {
      throw new IssuerNotSignerError({ bin: parties.issuer.bin, signerBin: deps.signer.issuerBin });
    }
    const title = (language: Language) => deps.texts.t(language, kind.titleKey);
    const number = await deps.numbers.next(kind.id, issuedAt);
    const signed = deps.signer.sign({
      number,
      kind: kind.id,
      issuedAt,
      issuer: parties.issuer,
      applicant: parties.applicant,
      content: Object.fromEntries(
        LANGUAGES.map((language) => [language, { title: title(language), fields: contentFields(data, language) }]),
      ) as Record<Language, { title: string; fields: ReturnType<typeof contentFields> }>,
    });
    // 128 random bits: unguessable, and bound to this document by the registry, which keeps its hash.
    const token = randomBytes(16).toString('base64url');
    const verifyUrl = deps.links.url(number, token);
    const html = deps.templates.render(
      kind.template,
      documentView(request, {
        number,
        issuedAt,
        development: signed.development,
        barcodes: {
          qrRow: deps.barcodes.qrRow(signed.xml, number),
          verify: deps.barcodes.link(verifyUrl),
          code128: deps.barcodes.code128(number),
          verifyUrl,
          verifyPage: deps.links.page(),
        },
      }),
    );
    const printed = await deps.printer.print(html);
    const documentTitle = (lang === 'kk+ru' ? LANGUAGES : [lang as Language]).map(title).join(' / ');
    const pdf = await deps.finisher.finish(printed.bytes, { xml: signed.xml, title: documentTitle, language: lang, creationDate: issuedAt });
    return {
      record: {
        number,
        kind: kind.id,
        language: lang,
        issuedAt,
        issuer: parties.issuer,
        applicant: { iin: parties.applicant.iin, name: parties.applicant.fullName },
        xml: signed.xml,
        pdf,
        verificationToken: token,
        printed: { html, pages: printed.pages },
      },
      result: {
        number,
        kind: kind.id,
        language: lang,
        issuedAt: isoDateTimeInAlmaty(issuedAt),
        pages: printed.pages,
        bytes: pdf.byteLength,
        verifyUrl,
        development: signed.development,
        pdf,
        xml: signed.xml,
      },
    };
  };
}

/** PrepareDocument is the first half of issuing. */
export type PrepareDocument = ReturnType<typeof createDocumentPreparer>;

/** createIssueDocument builds the use case from its ports: prepare, then register on its own. */
export function createIssueDocument(deps: IssueDocumentDeps) {
  const parse = createRequestPreparer(deps.kinds);
  const prepareDocument = createDocumentPreparer({ ...deps, numbers: deps.registry });

  /** issueDocument registers the document as the owner's (the issuing key's provider); without one only SYSTEM reads its files. */
  return async function issueDocument(input: unknown, owner?: DocumentOwner): Promise<IssueResult> {
    const prepared = await prepareDocument(parse(input));
    await deps.registry.register(owner ? { ...prepared.record, owner } : prepared.record);
    return prepared.result;
  };
}

export interface PreviewDocumentDeps {
  readonly kinds: readonly DocumentKind[];
  readonly templates: DocumentTemplates;
  readonly printer: PdfPrinter;
  readonly clock: Clock;
}

/** PREVIEW_NUMBER stands where a number would be: a preview is never registered, signed or verifiable. */
export const PREVIEW_NUMBER = '000000000000';

/**
 * createPreviewDocument prints a request without issuing it: no number is used up, nothing is
 * signed or registered, there is no barcode, and the «ҮЛГІ / ОБРАЗЕЦ» watermark is always on.
 */
export function createPreviewDocument(deps: PreviewDocumentDeps) {
  const prepare = createRequestPreparer(deps.kinds);
  return {
    prepare,
    view: (request: ReturnType<typeof prepare>) =>
      documentView(request, { number: PREVIEW_NUMBER, issuedAt: deps.clock.now(), development: true, barcodes: null }),
    async pdf(input: unknown): Promise<{ kind: string; language: OutputLanguage; pdf: Uint8Array }> {
      const request = prepare(input);
      const view = documentView(request, { number: PREVIEW_NUMBER, issuedAt: deps.clock.now(), development: true, barcodes: null });
      const printed = await deps.printer.print(deps.templates.render(request.kind.template, view));
      return { kind: request.kind.id, language: request.lang, pdf: printed.bytes };
    },
  };
}

/** PreviewDocument is what createPreviewDocument returns. */
export type PreviewDocument = ReturnType<typeof createPreviewDocument>;

/** IssueDocument is the use case's function type. */
export type IssueDocument = ReturnType<typeof createIssueDocument>;
