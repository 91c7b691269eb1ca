/**
 * The one place where an error becomes an HTTP answer: kind → status, code → kk and ru texts.
 * Internal causes go to the log with the request id, never to the client.
 */
import type { ErrorRequestHandler, Response } from 'express';
import { AppError, defineError, InternalError, LANGUAGES, type ErrorKind, type InputIssue, type Language } from '../domain/index.js';
import type { Translator } from '../i18n/index.js';
import type { Logger } from '../log/index.js';
import { MAX_VERIFY_BYTES } from '../usecases/index.js';

export const RouteNotFoundError = defineError<{ path: string }>('NOT_FOUND', 'not_found');
export const MethodNotAllowedError = defineError<{ method: string; path: string }>('METHOD_NOT_ALLOWED', 'invalid');
export const MalformedJsonError = defineError('MALFORMED_JSON', 'invalid');
/** BodyNotUtf8Error: a text body with bytes that are not UTF-8 (a decoder would turn them into U+FFFD). */
export const BodyNotUtf8Error = defineError('BODY_NOT_UTF8', 'invalid');
export const PayloadTooLargeError = defineError<{ limit: number }>('PAYLOAD_TOO_LARGE', 'invalid');
/** FormTooManyFieldsError: a form body with more fields than the form's parser takes (413). */
export const FormTooManyFieldsError = defineError('FORM_TOO_MANY_FIELDS', 'invalid');
export const UnsupportedMediaTypeError = defineError<{ contentType: string }>('UNSUPPORTED_MEDIA_TYPE', 'invalid');
export const UploadInvalidError = defineError<{ problem: string }>('UPLOAD_INVALID', 'invalid');
/** PathParameterMalformedError: a path segment that cannot be what the route expects (or cannot be decoded at all). */
export const PathParameterMalformedError = defineError<{ name: string }>('PATH_PARAMETER_MALFORMED', 'invalid');
/** RequestHeadersTooLargeError: the request's headers are over Node's limit (431); see client-errors.ts. */
export const RequestHeadersTooLargeError = defineError('REQUEST_HEADERS_TOO_LARGE', 'invalid');
/** MalformedRequestError: not an HTTP request the server can read (a broken request line or header). */
export const MalformedRequestError = defineError('MALFORMED_REQUEST', 'invalid');
/** RequestAbortedError: the client went away before its body had arrived; nobody is left to answer, the log says so. */
export const RequestAbortedError = defineError('REQUEST_ABORTED', 'invalid');
/** AuthenticationRequiredError: an administrative call without a valid bearer key (401). */
export const AuthenticationRequiredError = defineError('AUTHENTICATION_REQUIRED', 'forbidden');

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

/** statusOf is the HTTP status of an error; a few invalid codes have a more exact one. */
export function statusOf(error: AppError): number {
  if (error.code === PayloadTooLargeError.code || error.code === FormTooManyFieldsError.code) return 413;
  if (error.code === UnsupportedMediaTypeError.code) return 415;
  if (error.code === MethodNotAllowedError.code) return 405;
  if (error.code === AuthenticationRequiredError.code) return 401;
  if (error.code === RequestHeadersTooLargeError.code) return 431;
  return STATUS[error.kind];
}

type Messages = Record<Language, string>;

function interpolation(params: object): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') values[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) values[key] = value.join(', ');
  }
  return values;
}

function messages(translator: Translator, key: string, params: object): Messages {
  const values = interpolation(params);
  return Object.fromEntries(LANGUAGES.map((l) => [l, translator.t(l, key, values)])) as Messages;
}

/** ErrorBody is what every 4xx and 5xx carries. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: Messages;
    readonly details?: ReadonlyArray<InputIssue & { readonly message: Messages }> | Record<string, unknown>;
    readonly requestId: string;
  };
}

/** errorBody builds the bilingual body of an AppError. */
export function errorBody(translator: Translator, error: AppError, requestId: string): ErrorBody {
  const params = error.params as Record<string, unknown>;
  const issues = Array.isArray(params.details) ? (params.details as InputIssue[]) : undefined;
  const details = issues?.map((issue) => ({ ...issue, message: messages(translator, `validation:${issue.rule}`, issue.params) }));
  const rest = Object.fromEntries(Object.entries(params).filter(([key]) => key !== 'details'));
  return {
    error: {
      code: error.code,
      message: messages(translator, `errors:${error.code}`, params),
      ...(details ? { details } : Object.keys(rest).length > 0 && error.kind !== 'internal' ? { details: rest } : {}),
      requestId,
    },
  };
}

interface BodyParserError {
  type?: string;
  limit?: number;
  status?: number;
  name?: string;
  code?: string;
}

/** toAppError says what a failure is to the client: an AppError as it is, a parser's refusal as the matching one, anything else internal. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // The router could not percent-decode a path parameter.
  if (error instanceof URIError) return new PathParameterMalformedError({ name: 'path' });
  const parserError = error as BodyParserError;
  if (parserError?.type === 'entity.too.large') return new PayloadTooLargeError({ limit: parserError.limit ?? 0 });
  if (parserError?.type === 'entity.parse.failed') return new MalformedJsonError({});
  if (parserError?.type === 'parameters.too.many') return new FormTooManyFieldsError({});
  // A client that aborts its upload is not a failure of the service.
  if (parserError?.type === 'request.aborted') return new RequestAbortedError({});
  if (parserError?.name === 'MulterError') {
    if (parserError.code === 'LIMIT_FIELD_COUNT' || parserError.code === 'LIMIT_PART_COUNT') return new FormTooManyFieldsError({});
    return parserError.code === 'LIMIT_FILE_SIZE'
      ? new PayloadTooLargeError({ limit: MAX_VERIFY_BYTES })
      : new UploadInvalidError({ problem: String(parserError.code ?? 'multipart') });
  }
  if (parserError?.status === 400 && /multipart|boundary/i.test(String((error as Error).message))) {
    return new UploadInvalidError({ problem: 'multipart' });
  }
  if (parserError?.type === 'encoding.unsupported' || parserError?.type === 'charset.unsupported') {
    return new UnsupportedMediaTypeError({ contentType: '' });
  }
  return new InternalError({}, { cause: error });
}

/** sendError writes an AppError as the response. */
export function sendError(res: Response, translator: Translator, error: AppError, retryAfterSeconds: number): void {
  const status = statusOf(error);
  if (status === 503) res.setHeader('Retry-After', String(retryAfterSeconds));
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="qujat"');
  res.status(status).json(errorBody(translator, error, String(res.locals.requestId ?? '')));
}

/** errorHandler is the last middleware: every failure ends here. */
export function errorHandler(deps: { translator: Translator; logger: Logger; retryAfterSeconds: number }): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const appError = toAppError(error);
    const log = appError.kind === 'internal' ? deps.logger.error : deps.logger.info;
    log('http.error', { requestId: res.locals.requestId, method: req.method, path: req.path, code: appError.code, error: appError.kind === 'internal' ? error : undefined });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendError(res, deps.translator, appError, deps.retryAfterSeconds);
  };
}
