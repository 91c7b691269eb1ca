/** A document kind: what Qujat can print, as data (schema, template, titles), known to no engine by name. */
import type { z } from 'zod';
import type { LocalizedText } from './language.js';

/** DocumentParties are who issues a document and to whom, read from its validated data. */
export interface DocumentParties {
  readonly issuer: { readonly name: LocalizedText; readonly bin: string };
  readonly applicant: { readonly iin: string; readonly fullName: string };
}

/** DocumentKind describes one printable kind; `schema` validates the API input and is the type of `data`. */
export interface DocumentKind<Data = unknown> {
  readonly id: string;
  /** titleKey is an i18n key, e.g. `documents:unemployed-certificate.title`. */
  readonly titleKey: string;
  /** template is a name under templates/, e.g. `documents/unemployed-certificate`. */
  readonly template: string;
  readonly schema: z.ZodType<Data>;
  readonly parties: (data: Data) => DocumentParties;
}

/** defineDocumentKind ties a schema to its data type so that `parties` is checked against it. */
export function defineDocumentKind<S extends z.ZodType>(kind: {
  readonly id: string;
  readonly titleKey: string;
  readonly template: string;
  readonly schema: S;
  readonly parties: (data: z.output<S>) => DocumentParties;
}): DocumentKind<z.output<S>> {
  return kind as DocumentKind<z.output<S>>;
}
