/**
 * Uploads the form parser refuses, on `POST /verify` (a page in the visitor's language) and on
 * `POST /v1/verify` (the JSON error): too large, a body that is no multipart form, a file under
 * another field name, no file. Always a 4xx, never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../src/compose.js';
import { localeFile, strings } from '../../helpers/project.js';
import { listen, startTestService, type HttpHandle } from '../../helpers/service.js';
import { textOf } from '../screens/screen-client.js';

const reasons = { kk: new Map(strings(localeFile('kk', 'verify'))), ru: new Map(strings(localeFile('ru', 'verify'))) };
const errors = { kk: new Map(strings(localeFile('kk', 'errors'))), ru: new Map(strings(localeFile('ru', 'errors'))) };

let service: Service;
let http: HttpHandle;

beforeAll(async () => {
  service = await startTestService('verify-bad-uploads');
  http = await listen(service);
});
afterAll(async () => {
  await http?.close();
  await service?.stop();
});

const tooLarge = () => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(20 * 1024 * 1024 + 1)], { type: 'application/pdf' }), 'big.pdf');
  return form;
};
const otherField = () => {
  const form = new FormData();
  form.append('document', new Blob(['%PDF-1.7\n'], { type: 'application/pdf' }), 'a.pdf');
  return form;
};
const notMultipart = { 'content-type': 'multipart/form-data; boundary=zz' };

async function post(path: string, init: { body: RequestInit['body']; headers?: Record<string, string> }, lang = 'ru') {
  const response = await fetch(`${http.url}${path}`, { method: 'POST', body: init.body, headers: { cookie: `qujat_lang=${lang}`, ...init.headers } });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

describe('POST /verify (the page)', () => {
  it('answers a file over 20 MB with a 413 page saying so in the visitor language', async () => {
    const page = await post('/verify', { body: tooLarge() }, 'kk');
    expect(page.status).toBe(413);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.text).toContain('class="verdict bad"');
    expect(reasons.kk.get('outcomes.FILE_TOO_LARGE')).toBeDefined();
    expect(textOf(page.text)).toContain(reasons.kk.get('outcomes.FILE_TOO_LARGE'));
    expect(textOf(page.text)).not.toContain(reasons.ru.get('outcomes.FILE_TOO_LARGE'));
  });

  it.each([
    ['a body that is no multipart form', { body: 'garbage', headers: notMultipart }],
    ['a file under another field name', { body: otherField() }],
    ['a form without a file', { body: new FormData() }],
  ])('answers %s with a 400 page asking for the file', async (_, init) => {
    const page = await post('/verify', init);
    expect(page.status).toBe(400);
    expect(page.type).toMatch(/^text\/html/);
    expect(textOf(page.text)).toContain(errors.ru.get('FILE_REQUIRED'));
  });
});

describe('POST /v1/verify (the API)', () => {
  it.each([
    ['a file over 20 MB', { body: tooLarge() }, 413, 'PAYLOAD_TOO_LARGE'],
    ['a body that is no multipart form', { body: 'garbage', headers: notMultipart }, 400, 'UPLOAD_INVALID'],
    ['a file under another field name', { body: otherField() }, 400, 'UPLOAD_INVALID'],
  ])('answers %s with a bilingual JSON error', async (_, init, status, code) => {
    const answer = await post('/v1/verify', init);
    expect(answer.status).toBe(status);
    const error = (JSON.parse(answer.text) as { error: { code: string; message: { kk: string; ru: string } } }).error;
    expect(error.code).toBe(code);
    expect(error.message.kk).not.toBe('');
    expect(error.message.ru).not.toBe('');
  });
});
