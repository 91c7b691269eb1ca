/**
 * What every /v1 route checks before calling a use case: path parameters, the Idempotency-Key
 * header and the media type of a body. Each failure is a 4xx with kk and ru texts.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { defineError, iinSchema, validateInput } from '../../domain/index.js';
import { PathParameterMalformedError, UnsupportedMediaTypeError } from '../errors.js';

export const IdempotencyKeyMalformedError = defineError('IDEMPOTENCY_KEY_MALFORMED', 'invalid');

const PARAMETERS = {
  // Application numbers, action names and provider ids are short ASCII; anything else cannot exist.
  number: /^[A-Za-z0-9-]{1,64}$/,
  action: /^[A-Z][A-Z0-9_]{0,63}$/,
  id: /^[a-z0-9][a-z0-9-]{0,63}$/,
  attachment: /^[1-9][0-9]{0,9}$/,
} as const;

/** pathParameter reads a path parameter and checks its shape. */
export function pathParameter(req: Request, name: keyof typeof PARAMETERS): string {
  const value = String(req.params[name] ?? '');
  if (!PARAMETERS[name].test(value)) throw new PathParameterMalformedError({ name });
  return value;
}

/** iinParameter reads the `iin` path parameter as an IIN (checksum included). */
export function iinParameter(req: Request): string {
  return validateInput(z.strictObject({ iin: iinSchema }), { iin: String(req.params.iin ?? '') }).iin;
}

/** idempotencyKey reads the optional Idempotency-Key header. */
export function idempotencyKey(req: Request): { idempotencyKey?: string } {
  const key = req.get('idempotency-key');
  if (key === undefined) return {};
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw new IdempotencyKeyMalformedError({});
  return { idempotencyKey: key };
}

/** jsonBody returns the parsed JSON body, `{}` when none was sent, and refuses other media types. */
export function jsonBody(req: Request, options: { optional: boolean }): unknown {
  const length = Number(req.get('content-length') ?? '0');
  const chunked = req.get('transfer-encoding') !== undefined;
  if (options.optional && length === 0 && !chunked) return {};
  if (!req.is('application/json')) throw new UnsupportedMediaTypeError({ contentType: req.get('content-type') ?? '' });
  return req.body;
}

/** pageQuery: `limit` (1–200, default 50) and an opaque `cursor`. */
export const PAGE_QUERY = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
};

/** pageOf drops an absent cursor, as the use cases' exact optional types want. */
export function pageOf(query: { limit: number; cursor?: string | undefined }): { limit: number; cursor?: string } {
  return query.cursor === undefined ? { limit: query.limit } : { limit: query.limit, cursor: query.cursor };
}
