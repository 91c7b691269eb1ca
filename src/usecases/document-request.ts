/**
 * A document request checked against the catalogue, and the view its template receives. Issuing,
 * previewing and the translators' preview all go through these two functions, so a template sees
 * the same view whoever prints it.
 */
import { z } from 'zod';
import {
  AppError,
  calendarDateInAlmaty,
  InvalidInputError,
  isoDateTimeInAlmaty,
  OUTPUT_LANGUAGES,
  UnknownDocumentKindError,
  validateInput,
  type DocumentKind,
  type OutputLanguage,
} from '../domain/index.js';
import type { BarcodeMark } from './ports.js';

/** DocumentRequest is the body of `POST /v1/documents` and the input file of `qujat render`. */
export const DocumentRequest = z.strictObject({
  kind: z.string().min(1).max(100),
  lang: z.enum(OUTPUT_LANGUAGES).default('kk+ru'),
  data: z.unknown(),
});

/** PreparedRequest is a request whose kind exists and whose data passed the kind's schema. */
export interface PreparedRequest {
  readonly kind: DocumentKind;
  readonly lang: OutputLanguage;
  readonly data: unknown;
}

/** createRequestPreparer validates requests against the given kinds; `data` issues carry a `data.` path. */
export function createRequestPreparer(kinds: readonly DocumentKind[]) {
  const byId = new Map(kinds.map((kind) => [kind.id, kind]));
  return function prepare(input: unknown): PreparedRequest {
    const request = validateInput(DocumentRequest, input);
    const kind = byId.get(request.kind);
    if (!kind) throw new UnknownDocumentKindError({ kind: request.kind, known: [...byId.keys()] });
    try {
      return { kind, lang: request.lang, data: validateInput(kind.schema, request.data) };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== InvalidInputError.code) throw error;
      const { details } = (error as InstanceType<typeof InvalidInputError>).params;
      throw new InvalidInputError({ details: details.map((d) => ({ ...d, path: d.path ? `data.${d.path}` : 'data' })) });
    }
  };
}

/** DocumentBarcodes are the barcodes of the header and the footer, as marks the printer draws. */
export interface DocumentBarcodes {
  readonly qrRow: readonly BarcodeMark[];
  readonly verify: BarcodeMark;
  readonly code128: BarcodeMark;
  readonly verifyUrl: string;
  /** verifyPage is where a number can be typed in, printed for people without a phone. */
  readonly verifyPage: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** documentView is the root every document template receives. */
export function documentView(
  request: PreparedRequest,
  document: { readonly number: string; readonly issuedAt: Date; readonly development: boolean; readonly barcodes: DocumentBarcodes | null },
) {
  const { kind, lang } = request;
  const day = calendarDateInAlmaty(document.issuedAt);
  return {
    lang,
    htmlLang: lang === 'kk+ru' ? 'kk' : lang,
    langClass: lang === 'kk+ru' ? 'bi' : lang,
    kind: { id: kind.id, titleKey: kind.titleKey },
    document: {
      number: document.number,
      issuedAt: isoDateTimeInAlmaty(document.issuedAt),
      issuedOn: `${day.year}-${pad(day.month)}-${pad(day.day)}`,
      issuedOnNumeric: `${pad(day.day)}.${pad(day.month)}.${day.year}`,
      development: document.development,
    },
    barcodes: document.barcodes,
    data: request.data,
  };
}
