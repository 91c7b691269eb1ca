/**
 * A request signed with the applicant's EDS, sent as XML to POST /v1/applications: a valid
 * signature is registered on the portal; an expired certificate is rejected before registration
 * (REJECT_EDS) and the applicant notified; XML that is not a request is a 4xx.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Service } from '../../../src/compose.js';
import { buildRequestXml, createDemoSigner, type DemoSigner } from '../../../src/sign/index.js';
import { listen, PAST_PERIOD, startService, type HttpHandle } from '../../helpers/service.js';

let service: Service;
let http: HttpHandle;
let signer: DemoSigner;
let system: string;

beforeAll(async () => {
  service = await startService();
  http = await listen(service);
  signer = await createDemoSigner(path.join(service.config.paths.data, 'keys'));
  system = (await service.apiKeys.add({ role: 'SYSTEM' })).key;
});

afterAll(async () => {
  await http?.close();
  await service?.stop();
});

function signedRequest(iin: string, fullName: string): string {
  const xml = buildRequestXml({
    serviceId: 'unemployed-certificate',
    channel: 'portal',
    providerId: 'ekibastuz-employment',
    language: 'kk',
    applicant: { iin },
    signedAt: new Date(Math.floor(Date.now() / 1000) * 1000),
    form: { iin, fullName, period: PAST_PERIOD },
  });
  return signer.signRequest(iin, xml).xml;
}

async function submitXml(body: string, key: string) {
  const response = await fetch(`${http.url}/v1/applications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/xml' },
    body,
  });
  return { status: response.status, json: (await response.json()) as { state?: string; number?: string; history?: Array<{ action: string; reason: string | null }>; error?: { code: string; message: { kk: string; ru: string } } } };
}

it('registers a request signed by the applicant, whose own key sees it', async () => {
  const applicant = (await service.apiKeys.add({ role: 'APPLICANT', iin: '990809301249' })).key;
  const answer = await submitXml(signedRequest('990809301249', 'Тұрсынов Бауыржан Ғаниұлы'), applicant);
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  expect(answer.json.state).toBe('REGISTERED');
  const card = await fetch(`${http.url}/v1/applications/${answer.json.number}`, { headers: { authorization: `Bearer ${applicant}` } });
  expect(card.status).toBe(200);
});

it('rejects before registration a request signed with an expired certificate, and tells the applicant', async () => {
  const answer = await submitXml(signedRequest('790719301208', 'Ахметов Дәурен Асқарұлы'), system);
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  expect(answer.json.state).toBe('REJECTED');
  expect(answer.json.history?.at(-1)).toMatchObject({ action: 'REJECT_EDS', reason: 'EDS_NOT_CONFIRMED' });
  const notifications = await fetch(`${http.url}/v1/applicants/790719301208/notifications`, { headers: { authorization: `Bearer ${system}` } });
  const page = (await notifications.json()) as { items: Array<{ applicationNumber: string; text: { kk: string; ru: string } }> };
  expect(page.items.some((n) => n.applicationNumber === answer.json.number && n.text.kk !== n.text.ru)).toBe(true);
});

it('answers XML that is not a signed request with a 4xx in both languages', async () => {
  for (const body of ['<hello/>', '<r:Request xmlns:r="urn:other"/>', 'not xml at all', '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>']) {
    const answer = await submitXml(body, system);
    expect(answer.status, body).toBeGreaterThanOrEqual(400);
    expect(answer.status, body).toBeLessThan(500);
    expect(answer.json.error?.message.kk).not.toBe(answer.json.error?.message.ru);
  }
});
