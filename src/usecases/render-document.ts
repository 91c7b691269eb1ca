/** render-document: a JSON request for one document kind → a printed PDF and its metadata. */
import { z } from 'zod';
import {
  calendarDateInAlmaty,
  isoDateTimeInAlmaty,
  OUTPUT_LANGUAGES,
  UnknownDocumentKindError,
  validateInput,
  InvalidInputError,
  AppError,
  type DocumentKind,
  type OutputLanguage,
} from '../domain/index.js';
import type { Clock, DocumentNumbers, DocumentTemplates, PdfPrinter } from './ports.js';

/** RenderRequest is the body of `POST /v1/documents` and the input file of `qujat render`. */
export const RenderRequest = z.strictObject({
  kind: z.string().min(1).max(100),
  lang: z.enum(OUTPUT_LANGUAGES).default('kk+ru'),
  data: z.unknown(),
});

/** RenderedDocument is a printed document with what a caller needs to file it. */
export interface RenderedDocument {
  readonly number: string;
  readonly kind: string;
  readonly language: OutputLanguage;
  readonly issuedAt: string;
  readonly pages: number;
  readonly bytes: number;
  readonly pdf: Uint8Array;
  readonly title: string;
}

export interface RenderDocumentDeps {
  readonly kinds: readonly DocumentKind[];
  readonly templates: DocumentTemplates;
  readonly printer: PdfPrinter;
  readonly numbers: DocumentNumbers;
  readonly clock: Clock;
}

/** prefixIssues moves validation issues of `data` under the `data.` path of the request. */
function validateData(kind: DocumentKind, data: unknown): unknown {
  try {
    return validateInput(kind.schema, data);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== InvalidInputError.code) throw error;
    const { details } = (error as InstanceType<typeof InvalidInputError>).params;
    throw new InvalidInputError({ details: details.map((d) => ({ ...d, path: d.path ? `data.${d.path}` : 'data' })) });
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** createRenderDocument builds the use case from its ports. */
export function createRenderDocument(deps: RenderDocumentDeps) {
  const byId = new Map(deps.kinds.map((kind) => [kind.id, kind]));
  return async function renderDocument(input: unknown): Promise<RenderedDocument> {
    const request = validateInput(RenderRequest, input);
    const kind = byId.get(request.kind);
    if (!kind) throw new UnknownDocumentKindError({ kind: request.kind, known: [...byId.keys()] });
    const data = validateData(kind, request.data);
    const issuedAt = deps.clock.now();
    const number = await deps.numbers.next(kind.id, issuedAt);
    const day = calendarDateInAlmaty(issuedAt);
    const html = deps.templates.render(kind.template, {
      lang: request.lang,
      htmlLang: request.lang === 'kk+ru' ? 'kk' : request.lang,
      langClass: request.lang === 'kk+ru' ? 'bi' : request.lang,
      kind: { id: kind.id, titleKey: kind.titleKey },
      document: {
        number,
        issuedAt: isoDateTimeInAlmaty(issuedAt),
        issuedOn: `${day.year}-${pad(day.month)}-${pad(day.day)}`,
        issuedOnNumeric: `${pad(day.day)}.${pad(day.month)}.${day.year}`,
      },
      data,
    });
    const printed = await deps.printer.print(html);
    return {
      number,
      kind: kind.id,
      language: request.lang,
      issuedAt: isoDateTimeInAlmaty(issuedAt),
      pages: printed.pages,
      bytes: printed.bytes.byteLength,
      pdf: printed.bytes,
      title: /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? kind.id,
    };
  };
}

/** RenderDocument is the use case's function type. */
export type RenderDocument = ReturnType<typeof createRenderDocument>;
