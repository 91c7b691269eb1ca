/**
 * The documents and verification doors over real HTTP: metadata, PDF and XML of an issued document,
 * `POST /v1/verify` with a multipart upload, the citizens' pages with and without the token, and
 * revocation that only an authorised caller may do.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../src/compose.js';
import { ROOT, startTestService, systemKey } from '../../helpers/service.js';

const SAMPLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples/documents/unemployed-certificate.kk+ru.json'), 'utf8')) as unknown;
const FULL_IIN = '880424400519';
const KIND_TITLE_RU = 'Справка о регистрации в качестве безработного';

let service: Service;
let server: Server;
let base: string;
let adminKey: string;
let system: string;

/** read fetches a document's file or metadata with a SYSTEM key. */
const read = (path: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${system}` } });

async function issue(): Promise<{ number: string; verifyUrl: string }> {
  const response = await fetch(`${base}/v1/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${system}` },
    body: JSON.stringify(SAMPLE),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { number: string; verifyUrl: string };
}

async function upload(bytes: Uint8Array, name: string, type: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  return fetch(`${base}/v1/verify`, { method: 'POST', body: form });
}

beforeAll(async () => {
  adminKey = randomBytes(32).toString('base64url');
  const adminKeySha256 = createHash('sha256').update(adminKey).digest('hex');
  service = await startTestService('verify-http', { env: { QUJAT_ADMIN_KEY_SHA256: adminKeySha256 } });
  server = service.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  system = await systemKey(service);
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await service.stop();
});

describe('issued documents', () => {
  it('are readable as metadata (no applicant data), PDF and XML', async () => {
    const { number } = await issue();
    const meta = await fetch(`${base}/v1/documents/${number}`);
    expect(meta.status).toBe(200);
    const body = (await meta.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ number, kind: 'unemployed-certificate', status: 'valid' });
    expect(JSON.stringify(body)).not.toContain(FULL_IIN);
    const pdf = await read(`/v1/documents/${number}.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const xml = await read(`/v1/documents/${number}.xml`);
    expect(xml.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(await xml.text()).toContain('urn:qujat:document:1');
  });

  it('are issued only with a staff or SYSTEM key; their files open with the token, a key that may read them or the applicant\'s own key', async () => {
    const anonymousIssue = await fetch(`${base}/v1/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SAMPLE) });
    expect(anonymousIssue.status).toBe(401);
    const own = (await service.apiKeys.add({ role: 'APPLICANT', iin: FULL_IIN })).key;
    const other = (await service.apiKeys.add({ role: 'APPLICANT', iin: '880412301010' })).key;
    const applicantIssue = await fetch(`${base}/v1/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${own}` },
      body: JSON.stringify(SAMPLE),
    });
    expect(applicantIssue.status).toBe(403);

    const { number, verifyUrl } = await issue();
    const token = new URL(verifyUrl).searchParams.get('t')!;
    expect((await fetch(`${base}/v1/documents/${number}.pdf`)).status).toBe(401);
    expect((await fetch(`${base}/v1/documents/${number}.xml?t=${'x'.repeat(22)}`)).status).toBe(401);
    expect((await fetch(`${base}/v1/documents/${number}.pdf?t=${token}`)).status).toBe(200);
    const as = (key: string) => fetch(`${base}/v1/documents/${number}.pdf`, { headers: { authorization: `Bearer ${key}` } });
    expect((await as(own)).status).toBe(200);
    expect((await as(other)).status).toBe(404);
    expect((await as(system)).status).toBe(200);
    // Issued with a SYSTEM key, it is no provider's document: provider staff and ЦОН keys get it as not found.
    const staff = (await service.apiKeys.add({ role: 'PROVIDER_EMPLOYEE', providerId: 'ekibastuz-employment' })).key;
    const con = (await service.apiKeys.add({ role: 'CON_OPERATOR', providerId: 'con-ekibastuz' })).key;
    for (const key of [staff, con]) {
      const refused = await as(key);
      expect(refused.status).toBe(404);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('DOCUMENT_NOT_FOUND');
    }
    expect((await fetch(`${base}/v1/documents/${number}`)).status).toBe(200);
  });

  it('answer 404 or 400 in both languages for unknown and malformed numbers', async () => {
    const unknown = await fetch(`${base}/v1/documents/260000999990`);
    expect(unknown.status).toBe(404);
    const malformed = await fetch(`${base}/v1/documents/abc.pdf`);
    expect(malformed.status).toBe(400);
    const error = ((await malformed.json()) as { error: { code: string; message: { kk: string; ru: string } } }).error;
    expect(error.code).toBe('INVALID_DOCUMENT_NUMBER');
    expect(error.message.kk).not.toBe('');
    expect(error.message.ru).not.toBe('');
  });

  it('are revoked only with the administrator key, after which verification reports them revoked', async () => {
    const { number } = await issue();
    const anonymous = await fetch(`${base}/v1/documents/${number}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'issued in error' }),
    });
    expect(anonymous.status).toBe(401);
    const wrong = await fetch(`${base}/v1/documents/${number}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-the-right-key-at-all' },
      body: JSON.stringify({ reason: 'issued in error' }),
    });
    expect(wrong.status).toBe(401);
    const revoked = await fetch(`${base}/v1/documents/${number}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
      body: JSON.stringify({ reason: 'issued in error' }),
    });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ number, status: 'revoked', statusReason: 'issued in error' });
    const again = await fetch(`${base}/v1/documents/${number}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
      body: JSON.stringify({ reason: 'twice' }),
    });
    expect(again.status).toBe(409);
    const pdf = new Uint8Array(await (await read(`/v1/documents/${number}.pdf`)).arrayBuffer());
    const verdict = await (await upload(pdf, 'revoked.pdf', 'application/pdf')).json();
    expect(verdict).toMatchObject({ valid: false, reason: 'DOCUMENT_REVOKED', registryStatus: 'revoked', number });
  });
});

describe('POST /v1/verify', () => {
  it('judges by content, not by name: a valid PDF uploaded as .txt is valid, and the IIN is masked', async () => {
    const { number } = await issue();
    const pdf = new Uint8Array(await (await read(`/v1/documents/${number}.pdf`)).arrayBuffer());
    const response = await upload(pdf, 'renamed.txt', 'text/plain');
    expect(response.status).toBe(200);
    const verdict = (await response.json()) as Record<string, unknown>;
    expect(verdict).toMatchObject({ valid: true, reason: 'VALID', number, kind: 'unemployed-certificate', source: 'pdf', registryStatus: 'valid' });
    expect(verdict.applicantIin).toBe('880424****19');
    expect((verdict.message as { kk: string }).kk).not.toBe('');
  });

  it('reports a forged XML invalid with its reason, and a request without a file as a bilingual 400', async () => {
    const { number } = await issue();
    const xml = await (await read(`/v1/documents/${number}.xml`)).text();
    const forged = xml.replace('Сәрсенбаева', 'Сарсенбаева');
    const verdict = await (await upload(Buffer.from(forged), 'forged.xml', 'application/xml')).json();
    expect(verdict).toMatchObject({ valid: false, reason: 'DIGEST_MISMATCH' });
    const empty = await fetch(`${base}/v1/verify`, { method: 'POST', body: new FormData() });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('FILE_REQUIRED');
  });
});

describe('the citizens\' verification pages', () => {
  it('show status, issuer, date and an IIN without birth date; the kind, a masked IIN and the content only with the token', async () => {
    const { number, verifyUrl } = await issue();
    const token = new URL(verifyUrl).searchParams.get('t');
    const withToken = await fetch(`${base}/verify/${number}?t=${encodeURIComponent(token ?? '')}&lang=ru`);
    expect(withToken.status).toBe(200);
    const full = await withToken.text();
    expect(full).toContain('880424****19');
    expect(full).toContain('Сәрсенбаева Әйгерім Қуанышқызы');
    expect(withToken.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(full).toContain(KIND_TITLE_RU);
    const withoutToken = await (await fetch(`${base}/verify/${number}?lang=ru`)).text();
    // Without the token nobody is named: no birth date in the IIN, no kind (which can tell of a child).
    expect(withoutToken).toContain('********0519');
    expect(withoutToken).not.toContain('880424');
    expect(withoutToken).not.toContain(KIND_TITLE_RU);
    expect(withoutToken).toContain('Отдел занятости');
    expect(withoutToken).not.toContain('Сәрсенбаева');
    const wrongToken = await (await fetch(`${base}/verify/${number}?t=AAAAAAAAAAAAAAAAAAAAAA`)).text();
    expect(wrongToken).not.toContain('Сәрсенбаева');
  });

  it('offer a form, redirect a typed number, and judge an uploaded forgery', async () => {
    const form = await fetch(`${base}/verify`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('enctype="multipart/form-data"');
    const typed = await fetch(`${base}/verify?number=260000000016`, { redirect: 'manual' });
    expect(typed.status).toBe(303);
    expect(typed.headers.get('location')).toBe('/verify/260000000016');
    const forged = new FormData();
    forged.append('file', new Blob([Buffer.from('%PDF-1.7\n%forged\n')], { type: 'application/pdf' }), 'forged.pdf');
    const result = await fetch(`${base}/verify`, { method: 'POST', body: forged });
    expect(result.status).toBe(200);
    const page = await result.text();
    expect(page).toContain('class="verdict bad"');
  });
});
