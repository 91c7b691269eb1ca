/**
 * Typed application errors: a stable SCREAMING_SNAKE code, a kind and parameters.
 * Human texts live in locales/{kk,ru}/errors.json under the code; only http/ maps a kind to a
 * status. This module imports nothing outside domain/.
 */

/** ErrorKind is what a caller can do about an error, independent of the transport. */
export type ErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'unavailable' | 'internal';

/** ErrorParams are interpolated into the kk/ru texts; `details` is passed to clients as is. */
export type ErrorParams = Record<string, unknown>;

/** AppError carries a code whose kk and ru texts exist in locales/, never free text. */
export class AppError<P extends ErrorParams = ErrorParams> extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly params: P,
    options?: ErrorOptions,
  ) {
    super(code, options);
    this.name = code;
  }
}

/** ErrorClass is what defineError returns: a constructor that also exposes its code. */
export interface ErrorClass<P extends ErrorParams> {
  new (params: P, options?: ErrorOptions): AppError<P>;
  readonly code: string;
  readonly kind: ErrorKind;
}

const definedCodes = new Map<string, ErrorKind>();

/** defineError declares an error code once; the i18n check reads the list from definedErrorCodes. */
export function defineError<P extends ErrorParams = ErrorParams>(code: string, kind: ErrorKind): ErrorClass<P> {
  if (!/^[A-Z][A-Z0-9_]*$/.test(code)) throw new TypeError(`error code ${code} is not SCREAMING_SNAKE`);
  if (definedCodes.has(code)) throw new TypeError(`error code ${code} is defined twice`);
  definedCodes.set(code, kind);
  return class extends AppError<P> {
    static readonly code = code;
    static readonly kind = kind;
    constructor(params: P, options?: ErrorOptions) {
      super(code, kind, params, options);
    }
  };
}

/** definedErrorCodes lists every code declared so far (modules declare theirs on import). */
export function definedErrorCodes(): ReadonlyMap<string, ErrorKind> {
  return definedCodes;
}

/** InvalidInputError: the request does not match the schema; details list every problem. */
export const InvalidInputError = defineError<{ details: readonly InputIssue[] }>('INVALID_INPUT', 'invalid');
/** UnknownDocumentKindError: the kind is not in the document catalogue. */
export const UnknownDocumentKindError = defineError<{ kind: string; known: readonly string[] }>(
  'UNKNOWN_DOCUMENT_KIND',
  'invalid',
);
/** DocumentNotFoundError: no document with this number was issued. */
export const DocumentNotFoundError = defineError<{ number: string }>('DOCUMENT_NOT_FOUND', 'not_found');
/** InvalidDocumentNumberError: not a document number (12 digits with correct check digits), usually a typing mistake. */
export const InvalidDocumentNumberError = defineError<{ number: string }>('INVALID_DOCUMENT_NUMBER', 'invalid');
/** InternalError wraps an unexpected failure; its cause goes to the log, never to the client. */
export const InternalError = defineError<ErrorParams>('INTERNAL', 'internal');

/** InputIssue is one problem found in an input: where, which rule (texts in locales/<lang>/validation.json), and the rule's limits. */
export interface InputIssue {
  readonly path: string;
  readonly rule: string;
  readonly params: Readonly<Record<string, string | number>>;
}
