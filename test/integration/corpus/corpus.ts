/**
 * The standing bad-input corpus: a case is one request written as data (method, path, headers,
 * body, who is signed in), sent byte for byte over a plain socket client (node:http), so that what
 * fetch refuses to send (invalid UTF-8, truncated multipart, overlong headers) can be sent too.
 * Every answer must be below 500; every 4xx must carry the error shape of its side: JSON on the API,
 * an HTML page in kk/ru on the screens. To grow the corpus, add rows to the tables.
 */
import http from 'node:http';
import { expect } from 'vitest';

/** Case: one bad request. `{placeholders}` in the path and body are filled when it is sent. */
export interface Case<Who extends string> {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  readonly as?: Who;
  /** status: the exact status the issue expects, when it names one; otherwise any 4xx. */
  readonly status?: number;
  /** valid: odd but valid input (the verifier's verdict on a broken file, say): any answer below 500 will do. */
  readonly valid?: true;
}

export interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** send writes the request as given (no normalisation, no redirects followed). */
export function send(base: string, request: { method: string; path: string; headers?: Readonly<Record<string, string>>; body?: string | Buffer }): Promise<Answer> {
  const url = new URL(base);
  const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: { ...(body ? { 'content-length': String(body.length) } : {}), ...request.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** fill replaces `{name}` placeholders by the values known once the service runs. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{([a-z][a-zA-Z]*)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** fillBody fills a body's placeholders; a body of raw bytes is filled byte for byte (the values are ASCII). */
export const fillBody = (body: string | Buffer | undefined, values: Readonly<Record<string, string>>) =>
  typeof body === 'string' ? fill(body, values) : body && Buffer.from(fill(body.toString('latin1'), values), 'latin1');

const described = (c: Case<string>, answer: Answer) => `${c.method} ${c.path} (${c.name}) → ${answer.status}: ${answer.body.toString('utf8').slice(0, 400)}`;

function expectStatus(c: Case<string>, answer: Answer): boolean {
  const where = described(c, answer);
  if (c.valid && answer.status < 400) return false;
  if (c.status !== undefined) expect(answer.status, where).toBe(c.status);
  expect(answer.status, where).toBeGreaterThanOrEqual(400);
  expect(answer.status, where).toBeLessThan(500);
  return true;
}

/** expectApiError: a 4xx with `{ error: { code, message: { kk, ru }, requestId } }`. */
export function expectApiError(c: Case<string>, answer: Answer): void {
  if (!expectStatus(c, answer)) return;
  const where = described(c, answer);
  expect(answer.headers['content-type'] ?? '', where).toMatch(/^application\/json/);
  const json = JSON.parse(answer.body.toString('utf8')) as { error?: { code?: unknown; message?: { kk?: unknown; ru?: unknown }; requestId?: unknown } };
  const error = json.error;
  expect(error?.code, where).toMatch(/^[A-Z][A-Z0-9_]*$/);
  for (const language of ['kk', 'ru'] as const) {
    expect(typeof error?.message?.[language], where).toBe('string');
    expect(String(error?.message?.[language]).trim(), where).not.toBe('');
  }
  expect(typeof error?.requestId === 'string' && error.requestId.length > 0, where).toBe(true);
}

/** expectErrorPage: a 4xx HTML page in kk or ru (or both) with the error's texts. */
export function expectErrorPage(c: Case<string>, answer: Answer): void {
  if (!expectStatus(c, answer)) return;
  const where = described(c, answer);
  expect(answer.headers['content-type'] ?? '', where).toMatch(/^text\/html/);
  const html = answer.body.toString('utf8');
  expect(html, where).toMatch(/<html[^>]* lang="(kk|ru)"/);
  const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  expect(text, where).toMatch(/[\u0400-\u04FF]{3}/);
}

/** Bodies that no parser should trust. */
export const BAD = {
  /** invalidUtf8: a JSON text whose string holds bytes that are no UTF-8 (a lone continuation byte, an overlong slash, a surrogate). */
  invalidUtf8: (before: string, after: string) => Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from([0x80, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff]), Buffer.from(after, 'utf8')]),
  /** deepJson: arrays nested deeper than any parser's stack should go. */
  deepJson: (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`,
  /** hugeJson: one string of that many bytes. */
  hugeJson: (bytes: number) => JSON.stringify({ padding: 'x'.repeat(bytes) }),
  /** manyKeys: an object with that many members. */
  manyKeys: (count: number) => JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i]))),
  /** truncatedMultipart: a part that never ends. */
  truncatedMultipart: (boundary: string, field: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n1 0 obj`,
  /** multipart: a complete body of parts. */
  multipart: (boundary: string, parts: ReadonlyArray<{ name: string; value: string; filename?: string; type?: string }>) =>
    parts
      .map(
        (p) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n` +
          `${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n${p.value}\r\n`,
      )
      .join('') + `--${boundary}--\r\n`,
};

/** Names no person has: control characters, U+FFFD, a lone surrogate, NUL, bidi controls. */
export const BAD_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['NUL', 'Омаров\u0000Ерлан'],
  ['a control character', 'Омаров\u0007Ерлан'],
  ['a line break', 'Омаров\nЕрлан'],
  ['U+FFFD', 'Омаров \uFFFD Ерлан'],
  ['a lone surrogate', 'Омаров \ud800 Ерлан'],
  ['a right-to-left override', 'Омаров \u202eналрЕ'],
  ['a bidi isolate', 'Омаров \u2066Ерлан\u2069'],
  ['a zero-width joiner only', '\u200d\u200d\u200d'],
  ['DEL', 'Омаров\u007fЕрлан'],
  ['a C1 control', 'Омаров\u0085Ерлан'],
];

/** IINs that are not IINs. */
export const BAD_IINS: ReadonlyArray<readonly [string, unknown]> = [
  ['a wrong check digit', '880412301011'],
  ['eleven digits', '88041230101'],
  ['thirteen digits', '8804123010100'],
  ['a letter', '88041230101a'],
  ['full-width digits', '８８０４１２３０１０１０'],
  ['Arabic-Indic digits', '٨٨٠٤١٢٣٠١٠١٠'],
  ['a number, not a string', 880412301010],
  ['spaces', ' 880412301010 '],
  ['empty', ''],
  ['an impossible birth date', '881342301010'],
];

/** Dates no calendar has, or none a form should accept. */
export const BAD_DATES: ReadonlyArray<readonly [string, unknown]> = [
  ['30 February', '2026-02-30'],
  ['month 13', '2026-13-01'],
  ['year 0', '0000-01-01'],
  ['year 1', '0001-01-01'],
  ['year 9999', '9999-12-31'],
  ['a five-digit year', '20260-01-01'],
  ['a time', '2026-01-01T00:00:00Z'],
  ['day first', '01.03.2026'],
  ['a number', 20260301],
];
