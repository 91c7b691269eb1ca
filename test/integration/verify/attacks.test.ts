/**
 * The attack corpus of verification, through the real doors (POST /v1/verify, the /verify page,
 * `qujat verify`): each attack is made the way an attacker would make it (qpdf, pdf-lib, the
 * provider's own development key), and each is either refused with its own reason or reported as
 * no more than it is, never with a 5xx. The signature-level corpus (wrapping, XXE, algorithms,
 * certificates) is test/integration/sign/malicious.test.ts; here a few of its cases go through
 * the HTTP door to show that the door reports the verifier's reasons.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AFRelationship, PDFDocument, PDFName, PDFNumber, StandardFonts, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDocumentSigner, type Service } from '../../../src/compose.js';
import { buildRequestXml, createDemoSigner, createXmlSigner, loadSigningKeys } from '../../../src/sign/index.js';
import type { DocumentSigner, SignedDocument } from '../../../src/usecases/index.js';
import { listen, ROOT, startTestService, systemKey, type HttpHandle } from '../../helpers/service.js';
import { runProcess } from '../../helpers/run.js';

const SAMPLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples/documents/unemployed-certificate.kk+ru.json'), 'utf8')) as unknown;
const APPLICANT = 'Сәрсенбаева Әйгерім Қуанышқызы';
const PAINTED = 'PAID IN FULL 999 999 KZT';

let service: Service;
let http: HttpHandle;
let work: string;
let issued: Awaited<ReturnType<Service['issueDocument']>>;
let signed: SignedDocument;
let providerSigner: DocumentSigner;
const files: Record<'original' | 'painted' | 'paintedPhoto', string> = { original: '', painted: '', paintedPhoto: '' };

interface VerdictJson {
  valid: boolean;
  reason: string;
  proof: string | null;
  source: string | null;
  number: string | null;
  message: { kk: string; ru: string };
}

async function verifyOverHttp(bytes: Uint8Array, name: string): Promise<VerdictJson> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const response = await fetch(`${http.url}/v1/verify`, { method: 'POST', body: form });
  expect(response.status).toBe(200);
  return (await response.json()) as VerdictJson;
}

async function verifyPage(bytes: Uint8Array, name: string, lang: 'kk' | 'ru'): Promise<{ status: number; html: string }> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const response = await fetch(`${http.url}/verify?lang=${lang}`, { method: 'POST', body: form });
  return { status: response.status, html: await response.text() };
}

function cli(args: readonly string[]) {
  const env = { ...process.env, QUJAT_DATA_DIR: service.config.paths.data, QUJAT_LOG_LEVEL: 'silent' };
  return runProcess(process.execPath, [path.join(ROOT, 'bin/qujat.js'), 'verify', ...args], { env });
}

const file = (name: string) => path.join(work, name);
const t = (lang: 'kk' | 'ru', key: string) => service.translator.t(lang, key);
const unchanged = { kk: 'өзгертілмеген', ru: 'не изменен' } as const;

/** paintOver lays a white box and other text over page 1 with qpdf --overlay: the attachment and QR row stay. */
async function paintOver(original: string, painted: string): Promise<void> {
  const source = await PDFDocument.load(fs.readFileSync(original));
  const { width, height } = source.getPage(0).getSize();
  const overlay = await PDFDocument.create();
  const page = overlay.addPage([width, height]);
  page.drawRectangle({ x: 40, y: height * 0.45, width: width - 80, height: height * 0.3, color: rgb(1, 1, 1) });
  page.drawText(PAINTED, { x: 60, y: height * 0.6, size: 20, font: await overlay.embedFont(StandardFonts.Helvetica), color: rgb(0, 0, 0) });
  fs.writeFileSync(file('overlay.pdf'), await overlay.save());
  execFileSync('qpdf', [original, '--overlay', file('overlay.pdf'), '--', painted]);
}

/** withDocumentXml is a PDF of the given pages that carries genuine signed data as document.xml. */
async function withDocumentXml(pages: ReadonlyArray<readonly [number, number]>, userUnit?: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const size of pages) {
    const page = doc.addPage([size[0], size[1]]);
    if (userUnit !== undefined) page.node.set(PDFName.of('UserUnit'), PDFNumber.of(userUnit));
  }
  await doc.attach(issued.xml, 'document.xml', { mimeType: 'application/xml', afRelationship: AFRelationship.Alternative });
  return doc.save();
}

/** resigned is the issued document's signed data with `change` applied, signed again with the provider's key. */
function resigned(change: (document: SignedDocument) => SignedDocument): Uint8Array {
  const { number, kind, issuedAt, issuer, applicant, content } = change(signed);
  return providerSigner.sign({ number, kind, issuedAt: new Date(issuedAt), issuer, applicant, content }).xml;
}

beforeAll(async () => {
  service = await startTestService('verify-attacks');
  http = await listen(service);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-verify-attacks-'));
  issued = await service.issueDocument(SAMPLE);
  const checked = await service.verifyDocument(issued.xml);
  if (!checked.document) throw new Error(`the issued XML does not verify: ${checked.reason}`);
  signed = checked.document;
  // The development provider key of this service's data directory: what an insider with the key would sign with.
  const keys = await loadSigningKeys(service.config.sign, path.join(service.config.paths.data, 'keys'));
  providerSigner = composeDocumentSigner(createXmlSigner(keys));
  files.original = file('original.pdf');
  files.painted = file('painted.pdf');
  fs.writeFileSync(files.original, issued.pdf);
  await paintOver(files.original, files.painted);
  execFileSync('pdftoppm', ['-r', '300', '-png', '-f', '1', '-l', '1', '-singlefile', files.painted, file('painted-photo')]);
  files.paintedPhoto = file('painted-photo.png');
});
afterAll(async () => {
  await http?.close();
  await service?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('a genuine PDF whose visible text was painted over (qpdf --overlay)', () => {
  it('shows other text than was issued, while its attachment is the issued signed XML', () => {
    const text = execFileSync('pdftotext', ['-layout', files.painted, '-'], { encoding: 'utf8' });
    expect(text).toContain(PAINTED);
    expect(execFileSync('pdftotext', ['-layout', files.original, '-'], { encoding: 'utf8' })).not.toContain(PAINTED);
  });

  it('is genuine signed data only on /v1/verify, never «unchanged»; the issued PDF itself is the issued file', async () => {
    const painted = await verifyOverHttp(fs.readFileSync(files.painted), 'painted.pdf');
    expect(painted).toMatchObject({ valid: true, reason: 'SIGNED_DATA_GENUINE', proof: 'signed-data', source: 'pdf', number: issued.number });
    expect(painted.message.kk).not.toContain(unchanged.kk);
    expect(painted.message.ru).not.toContain(unchanged.ru);
    const original = await verifyOverHttp(issued.pdf, 'original.pdf');
    expect(original).toMatchObject({ valid: true, reason: 'VALID', proof: 'issued-file', source: 'pdf' });
  });

  it('is genuine signed data only in a photo, as every photo is', async () => {
    const photo = await verifyOverHttp(fs.readFileSync(files.paintedPhoto), 'photo.png');
    expect(photo).toMatchObject({ valid: true, reason: 'SIGNED_DATA_GENUINE', proof: 'signed-data', source: 'image', number: issued.number });
  });

  it('is genuine signed data only through `qujat verify`, which prints what was proven', async () => {
    const json = await cli([files.painted, '--json']);
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true, reason: 'SIGNED_DATA_GENUINE', proof: 'signed-data' });
    const text = await cli([files.painted]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('proven: the signed data are genuine');
    expect(text.stdout).not.toContain(unchanged.ru);
    const original = await cli([files.original, '--json']);
    expect(JSON.parse(original.stdout)).toMatchObject({ reason: 'VALID', proof: 'issued-file' });
  });

  it.each(['kk', 'ru'] as const)('on the /verify page (%s): the signed content in words beside the picture of the issued first page', async (lang) => {
    const { status, html } = await verifyPage(fs.readFileSync(files.painted), 'painted.pdf', lang);
    expect(status).toBe(200);
    expect(html).toContain('class="verdict ok"');
    expect(html).toContain(t(lang, 'verify:result.signedData'));
    expect(html).not.toContain(t(lang, 'screens:verify.valid'));
    expect(html).not.toContain(unchanged[lang]);
    expect(html).toContain(t(lang, 'verify:result.compare'));
    expect(html).toContain(APPLICANT);
    const src = /<img src="([^"]+)"/.exec(html)?.[1]?.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
    expect(src).toMatch(new RegExp(`^/verify/${issued.number}/first-page\\.png\\?pass=`));
    const picture = await fetch(`${http.url}${src}`);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/png');
    // The picture is the issued page, not the painted one: the same rasteriser at the same width.
    const shown = Buffer.from(await picture.arrayBuffer());
    const raster = (pdf: string, out: string) => {
      execFileSync('pdftoppm', ['-png', '-f', '1', '-l', '1', '-singlefile', '-scale-to-x', '800', '-scale-to-y', '-1', pdf, file(out)]);
      return fs.readFileSync(file(`${out}.png`));
    };
    expect(shown.equals(raster(files.original, `issued-${lang}`))).toBe(true);
    expect(shown.equals(raster(files.painted, `painted-${lang}`))).toBe(false);
  });

  it('shows the picture only with a pass from a genuine upload or the token', async () => {
    const picture = (query: string) => fetch(`${http.url}/verify/${issued.number}/first-page.png${query}`);
    expect((await picture('')).status).toBe(404);
    expect((await picture('?pass=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await picture('?t=AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    const token = new URL(issued.verifyUrl).searchParams.get('t') ?? '';
    expect((await picture(`?t=${encodeURIComponent(token)}`)).status).toBe(200);
    const page = await (await fetch(`${http.url}/verify/${issued.number}?t=${encodeURIComponent(token)}&lang=ru`)).text();
    expect(page).toContain(`/verify/${issued.number}/first-page.png?t&#x3D;`);
    // A refused upload opens nothing.
    const forged = await verifyPage(Buffer.from(Buffer.from(issued.xml).toString('utf8').replace(APPLICANT, 'Сарсенбаева Әйгерім Қуанышқызы')), 'forged.xml', 'ru');
    expect(forged.html).toContain('class="verdict bad"');
    expect(forged.html).not.toContain('first-page.png');
  });
});

describe('a document re-signed with the provider\'s key under a registered number', () => {
  it('with other content: the signature is genuine (offline), but the registry refuses it', async () => {
    const xml = resigned((document) => ({
      ...document,
      content: {
        kk: { ...document.content.kk, fields: document.content.kk.fields.map((f, i) => (i === 0 ? { ...f, value: `${f.value} (өзгертілді)` } : f)) },
        ru: { ...document.content.ru, fields: document.content.ru.fields.map((f, i) => (i === 0 ? { ...f, value: `${f.value} (изменено)` } : f)) },
      },
    }));
    fs.writeFileSync(file('resigned-content.xml'), xml);
    const offline = await cli([file('resigned-content.xml'), '--json', '--offline']);
    expect(JSON.parse(offline.stdout)).toMatchObject({ valid: true, reason: 'SIGNED_DATA_GENUINE_OFFLINE', proof: 'signed-data' });
    expect(await verifyOverHttp(xml, 'resigned.xml')).toMatchObject({ valid: false, reason: 'XML_NOT_AS_REGISTERED', proof: null, number: issued.number });
    const online = await cli([file('resigned-content.xml'), '--json']);
    expect(online.status).toBe(1);
    expect(JSON.parse(online.stdout)).toMatchObject({ valid: false, reason: 'XML_NOT_AS_REGISTERED' });
  });

  it('with another kind: refused as not registered', async () => {
    const xml = resigned((document) => ({ ...document, kind: 'preschool-referral' }));
    expect(await verifyOverHttp(xml, 'resigned-kind.xml')).toMatchObject({ valid: false, reason: 'XML_NOT_AS_REGISTERED', number: issued.number });
    const page = await verifyPage(xml, 'resigned-kind.xml', 'kk');
    expect(page.html).toContain('class="verdict bad"');
    expect(page.html).toContain(t('kk', 'verify:outcomes.XML_NOT_AS_REGISTERED'));
  });
});

describe('XML whose declaration names another encoding than UTF-8', () => {
  it('is refused with its own reason, though its bytes are the issued signed XML', async () => {
    const text = Buffer.from(issued.xml).toString('utf8');
    const declared = /^<\?xml[^>]*\?>/.test(text)
      ? text.replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="ISO-8859-1"?>')
      : `<?xml version="1.0" encoding="ISO-8859-1"?>\n${text}`;
    expect(await verifyOverHttp(Buffer.from(declared, 'utf8'), 'latin1.xml')).toMatchObject({ valid: false, reason: 'ENCODING_NOT_UTF8' });
    const single = text.replace(/^<\?xml[^>]*\?>/, '');
    expect(await verifyOverHttp(Buffer.from(`<?xml version='1.0' encoding='windows-1251'?>${single}`, 'utf8'), 'cp1251.xml')).toMatchObject({ reason: 'ENCODING_NOT_UTF8' });
    expect(await verifyOverHttp(Buffer.from(`<?xml version="1.0" encoding="utf-8"?>${single}`, 'utf8'), 'lower.xml')).toMatchObject({ reason: 'XML_NOT_AS_REGISTERED' });
  });
});

describe('a signed request whose declaration names another encoding than UTF-8', () => {
  it('is refused with its reason in both languages and never registered', async () => {
    const iin = '990809301249';
    const signer = await createDemoSigner(path.join(service.config.paths.data, 'keys'));
    const request = buildRequestXml({
      serviceId: 'unemployed-certificate',
      channel: 'portal',
      providerId: 'ekibastuz-employment',
      language: 'kk',
      applicant: { iin },
      signedAt: new Date(Math.floor(Date.now() / 1000) * 1000),
      form: { iin, fullName: 'Тұрсынов Бауыржан Ғаниұлы', period: { from: '2026-01-01', to: '2026-06-30' } },
    });
    const signedRequest = signer.signRequest(iin, request).xml.replace(/^<\?xml[^>]*\?>/, '');
    const response = await fetch(`${http.url}/v1/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await systemKey(service)}`, 'content-type': 'application/xml' },
      body: `<?xml version="1.0" encoding="ISO-8859-1"?>${signedRequest}`,
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; details: { reason: string }; message: { kk: string; ru: string } } };
    expect(error).toMatchObject({ code: 'SIGNED_REQUEST_UNREADABLE', details: { reason: 'ENCODING_NOT_UTF8' } });
    expect(error.message.kk).not.toBe(error.message.ru);
  });
});

describe('PDFs that would cost a lot to rasterise', () => {
  it('two 4500 × 4500 pt pages carrying genuine signed data: refused before rasterising', async () => {
    const pdf = await withDocumentXml([[4500, 4500], [4500, 4500]]);
    expect(pdf.byteLength).toBeLessThan(64 * 1024);
    expect(await verifyOverHttp(pdf, 'huge.pdf')).toMatchObject({ valid: false, reason: 'PDF_PAGE_TOO_LARGE', source: 'pdf' });
    const page = await verifyPage(pdf, 'huge.pdf', 'ru');
    expect(page.status).toBe(200);
    expect(page.html).toContain(t('ru', 'errors:PDF_PAGE_TOO_LARGE'));
  });

  it('a small page made huge by /UserUnit: refused', async () => {
    expect(await verifyOverHttp(await withDocumentXml([[600, 600]], 10), 'unit.pdf')).toMatchObject({ valid: false, reason: 'PDF_PAGE_TOO_LARGE' });
  });

  it('more pages than any document: refused', async () => {
    const pages = Array.from({ length: 51 }, () => [595, 842] as const);
    expect(await verifyOverHttp(await withDocumentXml(pages), 'long.pdf')).toMatchObject({ valid: false, reason: 'PDF_TOO_MANY_PAGES' });
  });
});

describe('verifications at once', () => {
  it('beyond the bound are refused as busy (VERIFY_BUSY, unavailable: 503 with Retry-After at the HTTP doors), and served again once the others finish', async () => {
    // Each call takes its slot synchronously, before any of them can finish: the bound is reached within these calls.
    const calls = Array.from({ length: 64 }, () => service.verifyDocument(issued.xml));
    const settled = await Promise.allSettled(calls);
    const refused = settled.filter((s) => s.status === 'rejected').map((s) => (s as PromiseRejectedResult).reason as unknown);
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) expect(error).toMatchObject({ code: 'VERIFY_BUSY', kind: 'unavailable' });
    expect(settled.some((s) => s.status === 'fulfilled' && s.value.reason === 'VALID')).toBe(true);
    expect(await service.verifyDocument(issued.xml)).toMatchObject({ valid: true, reason: 'VALID' });
  });

  it('at the bound, both HTTP doors answer 503 with Retry-After and the reason in kk and ru', async () => {
    // The bound is taken by verifications of the issued PDF, each of which rasterises its pages
    // in a child process: they are still running while one request to each door is answered.
    let finished = 0;
    const calls = Array.from({ length: 64 }, () => service.verifyDocument(issued.pdf).then(() => finished++, () => undefined));
    const guard = Promise.all(calls);
    const form = () => {
      const body = new FormData();
      body.append('file', new Blob([issued.xml]), 'document.xml');
      return body;
    };
    const api = await fetch(`${http.url}/v1/verify`, { method: 'POST', body: form() });
    const page = await fetch(`${http.url}/verify?lang=ru`, { method: 'POST', body: form() });
    const stillRunning = finished === 0;
    await guard;
    expect(stillRunning, 'the verifications holding the bound ended before the requests were answered').toBe(true);
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe(String(service.config.http.retryAfterSeconds));
    const { error } = (await api.json()) as { error: { code: string; message: { kk: string; ru: string } } };
    expect(error.code).toBe('VERIFY_BUSY');
    expect(error.message.kk).not.toBe(error.message.ru);
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('retry-after')).toBe(String(service.config.http.retryAfterSeconds));
    expect(await page.text()).toContain(t('ru', 'errors:VERIFY_BUSY'));
  });
});

describe('attacks of the signature corpus through the HTTP door', () => {
  const text = () => Buffer.from(issued.xml).toString('utf8');
  const body = () => text().replace(/^<\?xml[^>]*\?>\s*/, '');

  it('XXE → DOCTYPE_FORBIDDEN', async () => {
    const xxe = `<!DOCTYPE q:Document [<!ENTITY x SYSTEM "file:///etc/passwd">]>${body().replace(APPLICANT, '&x;')}`;
    expect(await verifyOverHttp(Buffer.from(xxe), 'xxe.xml')).toMatchObject({ valid: false, reason: 'DOCTYPE_FORBIDDEN' });
  });

  it('the signed document wrapped inside a forged root → SIGNATURE_MISPLACED', async () => {
    const original = body();
    const forgedRoot = original.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '').replace(APPLICANT, 'Басқа Адам').replace(/<\/([\w:]+)>\s*$/, `<q:Extension>${original}</q:Extension></$1>`);
    expect(forgedRoot).toContain('Басқа Адам');
    expect(await verifyOverHttp(Buffer.from(forgedRoot), 'wrapped.xml')).toMatchObject({ valid: false, reason: 'SIGNATURE_MISPLACED' });
  });

  it('a SHA-1 signature method → WEAK_ALGORITHM', async () => {
    const weak = text().replace('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'http://www.w3.org/2000/09/xmldsig#rsa-sha1');
    expect(weak).not.toBe(text());
    expect(await verifyOverHttp(Buffer.from(weak), 'sha1.xml')).toMatchObject({ valid: false, reason: 'WEAK_ALGORITHM' });
  });
});
