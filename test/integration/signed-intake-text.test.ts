/**
 * The text rule on signed XML intake: a signed request whose name holds a character the
 * documents cannot print is refused at intake with the field named, and XML with bytes that are
 * not UTF-8 is a 4xx, never registered to fail later at issuing.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/compose.js';
import { buildRequestXml, createDemoSigner, type DemoSigner } from '../../src/sign/index.js';
import { listen, startService, type HttpHandle } from '../helpers/service.js';

const IIN = '990809301249';
let service: Service;
let http: HttpHandle;
let signer: DemoSigner;
let applicant: string;

beforeAll(async () => {
  service = await startService();
  http = await listen(service);
  signer = await createDemoSigner(path.join(service.config.paths.data, 'keys'));
  applicant = (await service.apiKeys.add({ role: 'APPLICANT', iin: IIN })).key;
});

afterAll(async () => {
  await http?.close();
  await service?.stop();
});

function signedRequest(fullName: string): string {
  const xml = buildRequestXml({
    serviceId: 'unemployed-certificate',
    channel: 'portal',
    providerId: 'ekibastuz-employment',
    language: 'kk',
    applicant: { iin: IIN },
    signedAt: new Date(Math.floor(Date.now() / 1000) * 1000),
    form: { iin: IIN, fullName, period: { from: '2026-01-01', to: '2026-06-30' } },
  });
  return signer.signRequest(IIN, xml).xml;
}

async function submit(body: string | Buffer) {
  const response = await fetch(`${http.url}/v1/applications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${applicant}`, 'content-type': 'application/xml' },
    body,
  });
  return { status: response.status, json: (await response.json()) as { error?: { code: string; details?: Array<{ path: string; rule: string }> } } };
}

describe('signed XML intake', () => {
  it('refuses a bidi override in the signed name, naming the field', async () => {
    const answer = await submit(signedRequest('Тұрсынов\u202eБауыржан'));
    expect(answer.status).toBe(400);
    expect(answer.json.error?.details?.map((d) => [d.path, d.rule])).toContainEqual(['fullName', 'UNPRINTABLE_CHARACTER']);
  });

  it('answers XML with bytes that are not UTF-8 with a 4xx', async () => {
    const xml = Buffer.from(signedRequest('Тұрсынов Бауыржан Ғаниұлы'));
    const at = xml.indexOf(Buffer.from('Тұрсынов'));
    const broken = Buffer.concat([xml.subarray(0, at), Buffer.from([0xff, 0xfe]), xml.subarray(at)]);
    const answer = await submit(broken);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });
});
