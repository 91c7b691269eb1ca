/**
 * Attachments on the portal: judged by their bytes (not by name or Content-Type), within the
 * configured per-file, total and count limits, with kk and ru messages next to the files' field.
 */
import { PDFDocument } from 'pdf-lib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectAttachmentType } from '../../../src/http/screens/file-types.js';
import { localeFile } from '../../helpers/project.js';
import { startScreenService, textOf, Visitor, type ScreenService } from './screen-client.js';

const errors = { kk: localeFile('kk', 'errors') as Record<string, string>, ru: localeFile('ru', 'errors') as Record<string, string> };
const LIMITS = { QUJAT_UPLOAD_MAX_FILE_BYTES: '200000', QUJAT_UPLOAD_MAX_TOTAL_BYTES: '300000', QUJAT_UPLOAD_MAX_FILES: '3' };

function png(width = 8, height = 8): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return new Uint8Array(PNG.sync.write(image));
}

function jpg(): Uint8Array {
  const data = Buffer.alloc(16 * 16 * 4, 180);
  return new Uint8Array(jpeg.encode({ data, width: 16, height: 16 }, 80).data);
}

async function pdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([200, 200]);
  return document.save();
}

/** paddedPdf: a PDF header, a comment of `size` bytes and the end-of-file marker. */
function paddedPdf(size: number): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.alloc(size, 0x41), Buffer.from('\n%%EOF\n')]));
}

const EXE = new Uint8Array(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90), Buffer.from('This program cannot be run in DOS mode.')]));

describe('detectAttachmentType', () => {
  it('knows PDF, PNG and JPEG by their bytes', async () => {
    expect(detectAttachmentType(await pdf())).toBe('pdf');
    expect(detectAttachmentType(png())).toBe('png');
    expect(detectAttachmentType(jpg())).toBe('jpeg');
  });

  it('refuses other formats and truncated files', () => {
    expect(detectAttachmentType(EXE)).toBeNull();
    expect(detectAttachmentType(new TextEncoder().encode('<html><body>%PDF-1.4</body></html>'))).toBeNull();
    const image = png();
    expect(detectAttachmentType(image.subarray(0, image.length - 20))).toBeNull();
    const photo = jpg();
    expect(detectAttachmentType(photo.subarray(0, photo.length - 40))).toBeNull();
    expect(detectAttachmentType(new Uint8Array(0))).toBeNull();
  });
});

let service: ScreenService;
beforeAll(async () => {
  service = await startScreenService('screens-uploads', LIMITS);
});
afterAll(async () => {
  await service?.stop();
});

function application(files: Array<{ kind: string; bytes: Uint8Array; name: string; type: string }>): FormData {
  const form = new FormData();
  form.append('iin', '880424400519');
  form.append('fullName', 'Сәрсенов Нұрлан');
  form.append('period.from', '2026-01-01');
  form.append('period.to', '2026-06-30');
  for (const file of files) form.append(`attachments.${file.kind}`, new Blob([file.bytes], { type: file.type }), file.name);
  return form;
}

async function submit(files: Parameters<typeof application>[0], lang = 'kk+ru') {
  const visitor = new Visitor(service.url);
  await visitor.get(`/apply/unemployed-certificate?lang=${encodeURIComponent(lang)}`);
  const page = await visitor.post('/apply/unemployed-certificate', application(files));
  return { visitor, page };
}

describe('portal attachments', () => {
  it('judge a PNG named .pdf and sent as application/pdf to be a PNG', async () => {
    const { visitor, page } = await submit([{ kind: 'identity-document', bytes: png(), name: 'passport.pdf', type: 'application/pdf' }]);
    expect(page.status).toBe(303);
    expect(page.location).toBe('/apply/unemployed-certificate/review');
    const review = textOf((await visitor.get(page.location as string)).html);
    expect(review).toContain('passport.pdf');
    expect(review).toContain('image/png');
    expect(review).not.toContain('application/pdf');
  });

  it('keep a PDF and a JPEG under their kinds for the review', async () => {
    const { visitor, page } = await submit(
      [
        { kind: 'identity-document', bytes: await pdf(), name: 'удостоверение.pdf', type: 'application/pdf' },
        { kind: 'employment-record', bytes: jpg(), name: 'трудовая.jpg', type: 'image/jpeg' },
      ],
      'ru',
    );
    expect(page.status).toBe(303);
    const review = textOf((await visitor.get(page.location as string)).html);
    expect(review).toMatch(/удостоверение\.pdf — Документ, удостоверяющий личность \(application\/pdf/);
    expect(review).toMatch(/трудовая\.jpg — Документ, подтверждающий трудовую деятельность \(image\/jpeg/);
  });

  it('refuse an executable renamed .pdf, in kk and ru, keeping the typed values', async () => {
    const { page } = await submit([{ kind: 'other', bytes: EXE, name: 'scan.pdf', type: 'application/pdf' }]);
    expect(page.status).toBe(400);
    const text = textOf(page.html);
    expect(text).toContain(errors.kk.ATTACHMENT_TYPE_NOT_ALLOWED?.replace('{{name}}', 'scan.pdf'));
    expect(text).toContain(errors.ru.ATTACHMENT_TYPE_NOT_ALLOWED?.replace('{{name}}', 'scan.pdf'));
    expect(page.html).toContain('value="Сәрсенов Нұрлан"');
    expect(page.html).toMatch(/id="f-attachments-identity-document"[^>]*aria-invalid="true"/);
  });

  it('refuse a file over the per-file limit with 413', async () => {
    const { page } = await submit([{ kind: 'other', bytes: paddedPdf(250_000), name: 'big.pdf', type: 'application/pdf' }]);
    expect(page.status).toBe(413);
    expect(textOf(page.html)).toContain(errors.ru.ATTACHMENT_TOO_LARGE?.replace('{{maxMb}}', '0.2'));
    expect(textOf(page.html)).toContain(errors.kk.ATTACHMENT_TOO_LARGE?.replace('{{maxMb}}', '0.2'));
  });

  it('refuse files over the total limit with 413, and more files than allowed with 400', async () => {
    const half = { kind: 'other', bytes: paddedPdf(160_000), name: 'half.pdf', type: 'application/pdf' };
    const total = await submit([half, { ...half, name: 'other-half.pdf' }]);
    expect(total.page.status).toBe(413);
    expect(textOf(total.page.html)).toContain(errors.ru.ATTACHMENTS_TOTAL_TOO_LARGE?.replace('{{maxMb}}', '0.3'));
    const small = { kind: 'other', bytes: png(), name: 'p.png', type: 'image/png' };
    const many = await submit([small, small, small, small]);
    expect(many.page.status).toBe(400);
    expect(textOf(many.page.html)).toContain(errors.kk.ATTACHMENTS_TOO_MANY?.replace('{{max}}', '3'));
  });

  it('keep the accepted files across a page with problems, until the citizen removes them', async () => {
    const visitor = new Visitor(service.url);
    await visitor.get('/apply/unemployed-certificate?lang=ru');
    const scans = application([
      { kind: 'identity-document', bytes: png(), name: 'passport.png', type: 'image/png' },
      { kind: 'other', bytes: jpg(), name: 'spravka.jpg', type: 'image/jpeg' },
    ]);
    scans.set('iin', '880424400518');
    const problem = await visitor.post('/apply/unemployed-certificate', scans);
    expect(problem.status).toBe(400);
    expect(textOf(problem.html)).toMatch(/Убрать ?: passport\.png/);
    expect(textOf(problem.html)).toMatch(/Убрать ?: spravka\.jpg/);

    // Two more would make four: over the limit of three, counting the kept ones.
    const more = application([
      { kind: 'other', bytes: png(), name: 'a.png', type: 'image/png' },
      { kind: 'other', bytes: png(), name: 'b.png', type: 'image/png' },
    ]);
    const tooMany = await visitor.post('/apply/unemployed-certificate', more);
    expect(tooMany.status).toBe(400);
    expect(textOf(tooMany.html)).toContain(errors.ru.ATTACHMENTS_TOO_MANY?.replace('{{max}}', '3'));

    const fixed = application([]);
    fixed.append('drop', '1');
    const accepted = await visitor.post('/apply/unemployed-certificate', fixed);
    expect(accepted.status).toBe(303);
    const review = textOf((await visitor.get(accepted.location as string)).html);
    expect(review).toContain('passport.png');
    expect(review).not.toContain('spravka.jpg');
    // Back on the form from the review, the file is still there.
    expect(textOf((await visitor.get('/apply/unemployed-certificate')).html)).toMatch(/Убрать ?: passport\.png/);
  });
});
