/**
 * Bad requests over real HTTP: every one answers 4xx with a bilingual body, none 5xx; markup in
 * a name is printed as literal text.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/compose.js';
import { pdfText } from '../helpers/poppler.js';
import { sample } from '../helpers/project.js';
import { listen, startService, systemKey, type HttpHandle } from '../helpers/service.js';

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: ErrorJson;
}

interface ErrorJson {
  error: {
    code: string;
    message: { kk: string; ru: string };
    details?: Array<{ path: string; rule: string; message: { kk: string; ru: string } }> | Record<string, unknown>;
    requestId: string;
  };
}

let service: Service;
let http: HttpHandle;
let key: string;
const statuses: number[] = [];

beforeAll(async () => {
  service = await startService({ QUJAT_BODY_LIMIT: '2mb' });
  http = await listen(service);
  key = await systemKey(service);
});

afterAll(async () => {
  await http?.close();
  await service?.stop();
});

async function post(body: string | Buffer, contentType = 'application/json', accept = 'application/json'): Promise<Response> {
  const response = await fetch(`${http.url}/v1/documents`, {
    method: 'POST',
    headers: { 'content-type': contentType, accept, authorization: `Bearer ${key}` },
    body,
  });
  statuses.push(response.status);
  return response;
}

/** rejected posts a body and checks the error envelope every 4xx must have. */
async function rejected(body: string | Buffer, contentType?: string): Promise<Answer> {
  const response = await post(body, contentType);
  const json = (await response.json()) as ErrorJson;
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const { error } = json;
  expect(error.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  expect(error.message.kk.trim()).not.toBe('');
  expect(error.message.ru.trim()).not.toBe('');
  expect(error.message.kk).not.toBe(error.message.ru);
  // Every placeholder of the texts was filled.
  expect(JSON.stringify(error)).not.toContain('{{');
  expect(error.requestId).toBe(response.headers.get('x-request-id'));
  if (error.code === 'INVALID_INPUT') {
    expect(Array.isArray(error.details) && error.details.length > 0).toBe(true);
    for (const issue of error.details as Array<{ path: string; rule: string; message: { kk: string; ru: string } }>) {
      expect(issue.rule).toMatch(/^[A-Z_]+$/);
      expect(issue.message.kk.trim(), issue.path).not.toBe('');
      expect(issue.message.ru.trim(), issue.path).not.toBe('');
      expect(issue.message.kk).not.toBe(issue.message.ru);
    }
  }
  return { status: response.status, headers: response.headers, json };
}

function issues(answer: Answer): Array<[string, string]> {
  return (answer.json.error.details as Array<{ path: string; rule: string }>).map((d) => [d.path, d.rule]);
}

const valid = () => sample('kk+ru');
// The tests build deliberately wrong shapes, so the data is loosely typed on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const withData = (change: (data: Record<string, any>) => void) => {
  const request = valid();
  change(request.data);
  return JSON.stringify(request);
};

describe('POST /v1/documents with bad input', () => {
  it('names every missing field', async () => {
    const answer = await rejected(withData((d) => { delete d.applicant; delete d.period; d.issuer.name = { kk: 'Бөлім' }; }));
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('INVALID_INPUT');
    expect(issues(answer)).toEqual(expect.arrayContaining([
      ['data.applicant', 'REQUIRED'],
      ['data.period', 'REQUIRED'],
      ['data.issuer.name.ru', 'REQUIRED'],
    ]));
    const top = await rejected(JSON.stringify({ lang: 'kk' }));
    expect(issues(top)).toContainEqual(['kind', 'REQUIRED']);
    const noData = await rejected(JSON.stringify({ kind: 'unemployed-certificate' }));
    expect(issues(noData)).toContainEqual(['data', 'REQUIRED']);
  });

  it('names wrong types', async () => {
    const answer = await rejected(withData((d) => { d.applicant.iin = 61211600012; d.publicWorks = 'none'; d.head = ['a']; }));
    expect(issues(answer)).toEqual(expect.arrayContaining([
      ['data.applicant.iin', 'WRONG_TYPE'],
      ['data.publicWorks', 'WRONG_TYPE'],
      ['data.head', 'WRONG_TYPE'],
    ]));
    for (const body of ['[]', '"text"', '42', JSON.stringify({ kind: 7, lang: 'kk', data: {} }), JSON.stringify({ kind: 'unemployed-certificate', lang: 'kk', data: null })]) {
      const other = await rejected(body);
      expect([400]).toContain(other.status);
    }
  });

  it('rejects an invalid IIN and BIN, bad dates and a reversed period', async () => {
    const answer = await rejected(withData((d) => {
      d.applicant.iin = '061211600013';
      d.issuer.bin = '061211600012';
      d.registeredFrom = '2026-02-30';
      d.period = { from: '2026-11-20', to: '2026-03-02' };
    }));
    expect(issues(answer)).toEqual(expect.arrayContaining([
      ['data.applicant.iin', 'INVALID_IIN'],
      ['data.issuer.bin', 'INVALID_BIN'],
      ['data.registeredFrom', 'INVALID_DATE'],
      ['data.period.to', 'DATE_ORDER'],
    ]));
    for (const iin of ['06121160001', '0612116000121', '06121160001a', '']) {
      const short = await rejected(withData((d) => { d.applicant.iin = iin; }));
      expect(issues(short)).toContainEqual(['data.applicant.iin', 'INVALID_IIN']);
    }
  });

  it('refuses dates no document can mean, counted from the present year', async () => {
    const year = new Date().getUTCFullYear();
    const answer = await rejected(withData((d) => {
      d.period = { from: `${year - 200}-01-01`, to: `${year - 200}-06-30` };
      d.registeredFrom = `${year + 50}-03-02`;
    }));
    expect(answer.status).toBe(400);
    expect(issues(answer)).toEqual(expect.arrayContaining([
      ['data.period.from', 'DATE_OUT_OF_RANGE'],
      ['data.period.to', 'DATE_OUT_OF_RANGE'],
      ['data.registeredFrom', 'DATE_OUT_OF_RANGE'],
    ]));
    const issue = (answer.json.error.details as Array<{ path: string; message: { kk: string; ru: string } }>).find((d) => d.path === 'data.registeredFrom')!;
    expect(issue.message.ru).toContain(String(year + 20));
    expect(issue.message.kk).toContain(String(year - 130));
  });

  it('rejects a 1 MB name as too long, with the limit in both texts', async () => {
    const answer = await rejected(withData((d) => { d.applicant.fullName = 'Ә'.repeat(512 * 1024); })); // 1 MB in UTF-8
    expect(answer.status).toBe(400);
    expect(issues(answer)).toContainEqual(['data.applicant.fullName', 'TOO_LONG']);
    const issue = (answer.json.error.details as Array<{ path: string; message: { kk: string; ru: string } }>).find((d) => d.path === 'data.applicant.fullName')!;
    expect(issue.message.kk).toContain('300');
    expect(issue.message.ru).toContain('300');
  });

  it('answers 413 to a body over the limit', async () => {
    const answer = await rejected(withData((d) => { d.applicant.fullName = 'x'.repeat(3 * 1024 * 1024); }));
    expect(answer.status).toBe(413);
    expect(answer.json.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 400 to malformed JSON', async () => {
    for (const body of ['{"kind": "unemployed-certificate",', '{kind: 1}', 'null', '\u0000']) {
      const answer = await rejected(body);
      expect(answer.status, body).toBe(400);
      expect(answer.json.error.code, body).toBe('MALFORMED_JSON');
    }
  });

  it('answers 415 to a body that is not JSON', async () => {
    for (const [body, type] of [
      [JSON.stringify(valid()), 'text/plain'],
      ['kind=unemployed-certificate', 'application/x-www-form-urlencoded'],
      [JSON.stringify(valid()), 'application/xml'],
      [JSON.stringify(valid()), 'application/json; charset=latin1'],
    ] as const) {
      const answer = await rejected(body, type);
      expect(answer.status, type).toBe(415);
      expect(answer.json.error.code, type).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('names an unknown kind and the known ones', async () => {
    const answer = await rejected(JSON.stringify({ ...valid(), kind: 'birth-certificate' }));
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('UNKNOWN_DOCUMENT_KIND');
    expect(answer.json.error.message.kk).toContain('birth-certificate');
    expect(answer.json.error.message.ru).toContain('unemployed-certificate');
    const lang = await rejected(JSON.stringify({ ...valid(), lang: 'en' }));
    expect(issues(lang)).toContainEqual(['lang', 'NOT_ALLOWED_VALUE']);
    const entry = await rejected(withData((d) => { d.training[0].kind = 'astronaut-school'; d.publicWorks.push(null); }));
    expect(issues(entry)).toEqual(expect.arrayContaining([
      ['data.training.0.kind', 'NOT_ALLOWED_VALUE'],
      ['data.publicWorks.1', 'WRONG_TYPE'],
    ]));
    const proto = await rejected(JSON.stringify({ ...valid(), kind: '__proto__' }));
    expect(proto.json.error.code).toBe('UNKNOWN_DOCUMENT_KIND');
  });

  it('names unknown fields at every level', async () => {
    const answer = await rejected(JSON.stringify({ ...valid(), extra: true, data: { ...valid().data, nickname: 'x', applicant: { iin: '061211600012', fullName: 'А Б', born: '2006-12-11' } } }));
    expect(issues(answer)).toEqual(expect.arrayContaining([
      ['extra', 'UNKNOWN_FIELD'],
    ]));
    const inner = await rejected(withData((d) => { d.nickname = 'x'; d.applicant.born = '2006-12-11'; }));
    expect(issues(inner)).toEqual(expect.arrayContaining([
      ['data.nickname', 'UNKNOWN_FIELD'],
      ['data.applicant.born', 'UNKNOWN_FIELD'],
    ]));
  });

  it('answers unknown routes and methods with the same envelope', async () => {
    const response = await fetch(`${http.url}/v1/nothing`);
    statuses.push(response.status);
    const json = (await response.json()) as ErrorJson;
    expect(response.status).toBe(404);
    expect(json.error.code).toBe('NOT_FOUND');
    expect(json.error.message.kk).not.toBe('');
    expect(json.error.message.ru).not.toBe('');
  });

  it('prints markup in a name as literal text', async () => {
    const name = '<script>alert("x")</script><b>Әлібек</b> & <img src=x onerror=1> {{title}}';
    const response = await post(withData((d) => { d.applicant.fullName = name; d.head = '</div><h1>Басшы</h1>'; }), 'application/json', 'application/pdf');
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain('<script>alert("x")</script><b>Әлібек</b> & <img src=x onerror=1> {{title}}');
    expect(text).toContain('</div><h1>Басшы</h1>');
  });

  it('refuses text the fonts cannot print, naming the field and the character, at every intake', async () => {
    for (const [name, character] of [
      ['\u0000Нөл', 'U+0000'],
      ['Ә\ud800Ә', 'U+D800'],
      ['Ә\ufffdӘ', 'U+FFFD'],
      ['😀 Эмодзи', 'U+1F600'],
      ['مرحبا', 'U+0645'],
      ['\u202eБайланыс', 'U+202E'],
      ['Ерлан\u200bОмаров', 'U+200B'],
    ] as const) {
      const answer = await rejected(withData((d) => { d.applicant.fullName = name; }));
      expect(answer.status, JSON.stringify(name)).toBe(400);
      expect(issues(answer), JSON.stringify(name)).toEqual([['data.applicant.fullName', 'UNPRINTABLE_CHARACTER']]);
      const issue = (answer.json.error.details as Array<{ message: { kk: string; ru: string } }>)[0]!;
      expect(issue.message.kk).toContain(character);
      expect(issue.message.ru).toContain(character);
    }
    const localized = await rejected(withData((d) => { d.issuer.name.ru = 'Отдел\u202eзанятости'; }));
    expect(issues(localized)).toEqual([['data.issuer.name.ru', 'UNPRINTABLE_CHARACTER']]);
    const operator = (await service.apiKeys.add({ role: 'CON_OPERATOR' })).key;
    const application = await fetch(`${http.url}/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${operator}` },
      body: JSON.stringify({
        serviceId: 'unemployed-certificate',
        channel: 'con',
        providerId: 'ekibastuz-employment',
        language: 'ru',
        form: { iin: '880412301010', fullName: 'Омаров\u0000Ерлан', period: { from: '2026-01-01', to: '2026-06-30' }, presentedTo: 'по месту\ud83d' },
      }),
    });
    statuses.push(application.status);
    const refused = (await application.json()) as ErrorJson;
    expect(application.status).toBe(400);
    expect((refused.error.details as Array<{ path: string; rule: string }>).map((d) => [d.path, d.rule])).toEqual(
      expect.arrayContaining([['fullName', 'UNPRINTABLE_CHARACTER'], ['presentedTo', 'UNPRINTABLE_CHARACTER']]),
    );
  });

  it('refuses a JSON body that is not UTF-8 instead of reading U+FFFD into it', async () => {
    const json = JSON.stringify(valid());
    const at = json.indexOf('Омаров') >= 0 ? json.indexOf('Омаров') : json.indexOf('"fullName":"') + 12;
    const bytes = Buffer.concat([Buffer.from(json.slice(0, at)), Buffer.from([0xd0, 0x28, 0xff]), Buffer.from(json.slice(at))]);
    const answer = await rejected(bytes);
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('BODY_NOT_UTF8');
  });

  it('prints Kazakh, Russian and typographic punctuation that the rule admits', async () => {
    const name = 'Әбілқасымұлы Ғалымжан Үкібайұлы — «Іңкәр» № 5, Ёлкин‐Һ';
    const response = await post(withData((d) => { d.applicant.fullName = name; }), 'application/json', 'application/pdf');
    expect(response.status).toBe(201);
    expect(pdfText(new Uint8Array(await response.arrayBuffer()))).toContain(name);
  });

  it('returns the metadata with Accept: application/json and the number in a header', async () => {
    const response = await post(JSON.stringify(valid()), 'application/json', 'application/json');
    expect(response.status).toBe(201);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({ kind: 'unemployed-certificate', language: 'kk+ru', pages: 1 });
    expect(metadata.number).toBe(response.headers.get('x-document-number'));
    expect(metadata.bytes).toBeGreaterThan(1000);
    expect(metadata).not.toHaveProperty('pdf');
  });

  it('answers headers over the limit with 431 and the error JSON', async () => {
    const response = await fetch(`${http.url}/v1/document-kinds`, { headers: { 'x-padding': 'a'.repeat(64 * 1024) } });
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { error } = (await response.json()) as ErrorJson;
    expect(error.code).toBe('REQUEST_HEADERS_TOO_LARGE');
    expect(error.message.kk).toMatch(/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/u);
    expect(error.message.ru).toMatch(/[а-я]/u);
    expect(error.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('answers a malformed request line with 400 and the error JSON', async () => {
    const { port } = new URL(http.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write('NOT AN HTTP REQUEST\r\n\r\n'));
      let answer = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk)).on('end', () => resolve(answer)).on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n') as [string, string];
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/content-type: application\/json/i);
    const { error } = JSON.parse(body) as ErrorJson;
    expect(error.code).toBe('MALFORMED_REQUEST');
    expect(error.message.kk).not.toBe(error.message.ru);
  });

  it('never answered 5xx', () => {
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });
});
