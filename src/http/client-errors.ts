/**
 * Requests Node refuses before Express sees them (headers over the limit, a malformed request
 * line): by default Node answers 431 or 400 with no body. These get the error JSON every other
 * refusal carries, written straight to the socket since no response object exists yet.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppError } from '../domain/index.js';
import type { Translator } from '../i18n/index.js';
import { errorBody, MalformedRequestError, RequestHeadersTooLargeError, statusOf } from './errors.js';

function refusalOf(code: string | undefined): AppError {
  return code === 'HPE_HEADER_OVERFLOW' ? new RequestHeadersTooLargeError({}) : new MalformedRequestError({});
}

/** answerClientErrors makes a server answer the requests Node refuses with the bilingual error JSON. */
export function answerClientErrors(server: Server, translator: Translator): Server {
  server.on('clientError', (failure: NodeJS.ErrnoException, socket: Duplex) => {
    // A client that went away, or a socket already answered, gets nothing more.
    if (failure.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const error = refusalOf(failure.code);
    const status = statusOf(error);
    const body = JSON.stringify(errorBody(translator, error, requestId));
    socket.end(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `X-Request-Id: ${requestId}`,
        'X-Content-Type-Options: nosniff',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
  return server;
}
