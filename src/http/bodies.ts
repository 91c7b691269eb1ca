/**
 * Request bodies read as text: the API's JSON and the screens' forms. Both refuse bytes that are
 * not UTF-8, which a decoder would silently turn into U+FFFD and pass on as text (issue H4).
 */
import { isUtf8 } from 'node:buffer';
import express, { type RequestHandler } from 'express';
import { BodyNotUtf8Error } from './errors.js';

/** utf8Only is the parsers' `verify` hook: its error reaches the error handler as a 400. */
export function utf8Only(_req: unknown, _res: unknown, body: Buffer): void {
  if (!isUtf8(body)) throw new BodyNotUtf8Error({});
}

/** formBody parses a screen's urlencoded form within its limits; more fields than `fields` is a 413. */
export function formBody(limits: { readonly bytes: string; readonly fields: number }): RequestHandler {
  return express.urlencoded({ extended: false, limit: limits.bytes, parameterLimit: limits.fields, verify: utf8Only });
}
