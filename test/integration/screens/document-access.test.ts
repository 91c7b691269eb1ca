/**
 * Who reads and prints a document's files, over real HTTP (API keys and АРМ sessions alike): the
 * provider's staff their provider's documents only, a ЦОН operator those of applications taken at
 * their ЦОН only, SYSTEM all. Anyone else is answered exactly as for a number that does not exist.
 * The two sample providers share one BIN, so the issuer on the document cannot be what decides.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../src/domain/index.js';
import { ROOT } from '../../helpers/service.js';
import { EDUCATION, EMPLOYMENT, OMAROV, PASSWORD, startArmService, type ApplicationJson, type ArmService } from './arm-service.js';
import { Visitor } from './screen-client.js';

const SAMPLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples/documents/unemployed-certificate.kk+ru.json'), 'utf8')) as unknown;
const UNKNOWN = '269999999998';
const CON_HERE = 'con-ekibastuz';
const CON_THERE = 'con-pavlodar';

let arm: ArmService;
const keys = new Map<string, string>();

beforeAll(async () => {
  arm = await startArmService('document-access');
  await arm.accounts.add({ username: 'ruslan', password: PASSWORD, role: 'CON_OPERATOR', providerId: CON_HERE });
});
afterAll(async () => {
  await arm?.stop();
});

/** keyOf: one API key per role and scope (the provider of staff, the ЦОН of a ЦОН operator). */
async function keyOf(role: Role, scope?: string): Promise<string> {
  const id = `${role}/${scope ?? ''}`;
  if (!keys.has(id)) keys.set(id, (await arm.service.apiKeys.add({ role, ...(scope ? { providerId: scope } : {}) })).key);
  return keys.get(id) as string;
}

async function call(key: string, method: string, url: string, body?: unknown): Promise<Response> {
  return fetch(`${arm.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${key}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** file: the status and error code of a document's PDF or XML as the key gets it. */
async function file(key: string, number: string, extension: 'pdf' | 'xml') {
  const response = await call(key, 'GET', `/v1/documents/${number}.${extension}`);
  const code = response.status === 200 ? null : ((await response.json()) as { error: { code: string } }).error.code;
  return { status: response.status, code };
}

interface JobStatus {
  state: string;
  failures: Array<{ number: string; error: { code: string; details: unknown } }>;
  error: { code: string; details: unknown } | null;
}

/** printJob: a print job of the numbers with the key, followed until it has finished. */
async function printJob(key: string, numbers: readonly string[]): Promise<JobStatus> {
  const started = await call(key, 'POST', '/v1/print-jobs', { numbers });
  expect(started.status).toBe(202);
  const { id } = (await started.json()) as { id: string };
  for (;;) {
    const status = (await (await call(key, 'GET', `/v1/print-jobs/${id}`)).json()) as JobStatus;
    if (status.state === 'done' || status.state === 'failed') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** takenAtCon: an unemployed certificate application taken at the ЦОН and decided by the employment department up to its signed certificate. */
async function takenAtCon(con: string, person = OMAROV): Promise<{ application: string; document: string }> {
  const body = { serviceId: 'unemployed-certificate', channel: 'con', language: 'ru', form: { ...person, period: { from: '2026-03-01', to: '2026-11-20' }, attachments: [] } };
  const submitted = await call(await keyOf('CON_OPERATOR', con), 'POST', '/v1/applications', body);
  expect(submitted.status).toBe(201);
  const { number } = (await submitted.json()) as ApplicationJson;
  const steps: Array<[string, string]> = [['REGISTER', await keyOf('CON_OPERATOR', con)], ...['TAKE_INTO_WORK', 'APPROVE', 'SIGN'].map((a): [string, string] => [a, ''])];
  let application: ApplicationJson | undefined;
  for (const [action, conKey] of steps) {
    const key = conKey || (await keyOf('PROVIDER_EMPLOYEE', EMPLOYMENT));
    const response = await call(key, 'POST', `/v1/applications/${number}/actions/${action}`, action === 'SIGN' ? { document: { registeredFrom: '2026-03-02' } } : {});
    expect(response.status).toBe(200);
    application = (await response.json()) as ApplicationJson;
  }
  const document = application?.documents.at(-1)?.number;
  if (!document) throw new Error(`no document issued for ${number}`);
  return { application: number, document };
}

describe('a provider’s staff', () => {
  it('read and print their own provider’s documents; another provider’s staff get them as not found', async () => {
    const employment = await keyOf('PROVIDER_EMPLOYEE', EMPLOYMENT);
    const education = await keyOf('PROVIDER_HEAD', EDUCATION);
    const issued = await arm.issueUnemployed();
    const ofApplication = issued.documents.at(-1)?.number as string;
    const posted = await call(employment, 'POST', '/v1/documents', SAMPLE);
    expect(posted.status).toBe(201);
    const onItsOwn = ((await posted.json()) as { number: string }).number;

    for (const number of [ofApplication, onItsOwn]) {
      for (const extension of ['pdf', 'xml'] as const) {
        expect(await file(employment, number, extension)).toEqual({ status: 200, code: null });
        expect(await file(await keyOf('SYSTEM'), number, extension)).toEqual({ status: 200, code: null });
        // The same answer as for a number that was never issued.
        expect(await file(education, number, extension)).toEqual({ status: 404, code: 'DOCUMENT_NOT_FOUND' });
        expect(await file(await keyOf('CON_OPERATOR', CON_HERE), number, extension)).toEqual({ status: 404, code: 'DOCUMENT_NOT_FOUND' });
      }
    }
    expect(await file(education, UNKNOWN, 'pdf')).toEqual({ status: 404, code: 'DOCUMENT_NOT_FOUND' });

    const refused = await printJob(education, [ofApplication, onItsOwn, UNKNOWN]);
    expect(refused.state).toBe('failed');
    expect(refused.error?.code).toBe('PRINT_NOTHING_PRINTED');
    expect(refused.error?.details).toEqual({ failures: [ofApplication, onItsOwn, UNKNOWN].map((number) => ({ number, code: 'DOCUMENT_NOT_FOUND' })) });
    const printed = await printJob(employment, [ofApplication, onItsOwn, UNKNOWN]);
    expect(printed.state).toBe('done');
    expect(printed.failures.map((f) => [f.number, f.error.code, f.error.details])).toEqual([[UNKNOWN, 'DOCUMENT_NOT_FOUND', { number: UNKNOWN }]]);
  });
});

describe('a ЦОН operator', () => {
  it('reads and prints the documents of applications taken at its ЦОН only, by API key and in the АРМ', async () => {
    const here = await takenAtCon(CON_HERE);
    const there = await takenAtCon(CON_THERE);
    const conKey = await keyOf('CON_OPERATOR', CON_HERE);
    for (const extension of ['pdf', 'xml'] as const) {
      expect(await file(conKey, here.document, extension)).toEqual({ status: 200, code: null });
      expect(await file(conKey, there.document, extension)).toEqual({ status: 404, code: 'DOCUMENT_NOT_FOUND' });
      // A ЦОН key that names no ЦОН reads no document's files.
      expect(await file(await keyOf('CON_OPERATOR'), here.document, extension)).toEqual({ status: 404, code: 'DOCUMENT_NOT_FOUND' });
    }
    // The provider the applications were taken for reads both.
    expect(await file(await keyOf('PROVIDER_EMPLOYEE', EMPLOYMENT), there.document, 'pdf')).toEqual({ status: 200, code: null });
    const job = await printJob(conKey, [here.document, there.document]);
    expect(job.state).toBe('done');
    expect(job.failures.map((f) => [f.number, f.error.code])).toEqual([[there.document, 'DOCUMENT_NOT_FOUND']]);

    const visitor = new Visitor(arm.url);
    await visitor.get('/arm/login');
    expect((await visitor.post('/arm/login', { username: 'ruslan', password: PASSWORD })).status).toBe(303);
    await visitor.get('/arm');
    expect((await visitor.get(`/arm/applications/${here.application}/documents/${here.document}.pdf`)).status).toBe(200);
    expect((await visitor.get(`/arm/applications/${there.application}/documents/${there.document}.pdf`)).status).toBe(404);
    const printOf = async (application: string) => {
      const started = await visitor.post('/arm/print', { application });
      expect(started.status).toBe(303);
      const status = `${started.location as string}/status`;
      for (;;) {
        const state = (JSON.parse((await visitor.get(status)).html) as { state: string }).state;
        if (state === 'done' || state === 'failed') return state;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    expect(await printOf(here.application)).toBe('done');
    expect(await printOf(there.application)).toBe('failed');
  });
});
