/**
 * Issue → verify through the real service: every document kind and language is signed, carries its
 * XML as `document.xml` and in the QR row, and verifies by PDF, by XML and by a photo of the page.
 * Independent tools check our output: xmlsec1 verifies the attachment, zbarimg reads the QR row
 * from a 150-dpi raster. Forged and revoked documents are refused with their own reasons.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQrRow } from '../../../src/barcode/index.js';
import type { Service } from '../../../src/compose.js';
import { photograph, readPng, writeJpeg, writePng } from '../../unit/barcode/photo.js';
import { runProcess } from '../../helpers/run.js';
import { ROOT, startTestService } from '../../helpers/service.js';

const SAMPLES = path.join(ROOT, 'samples/documents');
const samples = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, input: JSON.parse(fs.readFileSync(path.join(SAMPLES, file), 'utf8')) as { kind: string; lang: string } }));

let service: Service;
let work: string;

beforeAll(async () => {
  service = await startTestService('verify');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-verify-files-'));
});
afterAll(async () => {
  await service.stop();
});

function detach(pdf: Uint8Array): Buffer {
  const file = path.join(work, `d-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  const out = `${file}.xml`;
  execFileSync('pdfdetach', ['-save', '1', '-o', out, file]);
  return fs.readFileSync(out);
}

describe('every kind and language: issue, then verify the PDF and the XML', () => {
  it.each(samples)('$file', async ({ input }) => {
    const issued = await service.issueDocument(input);
    const byPdf = await service.verifyDocument(issued.pdf);
    expect(byPdf).toMatchObject({ valid: true, reason: 'VALID', source: 'pdf', registryStatus: 'valid' });
    expect(byPdf.document?.number).toBe(issued.number);
    expect(byPdf.document?.kind).toBe(input.kind);
    const xml = detach(issued.pdf);
    expect(Buffer.compare(xml, Buffer.from(issued.xml))).toBe(0);
    expect(await service.verifyDocument(xml)).toMatchObject({ valid: true, source: 'xml' });
  });
});

describe('interoperability with tools we did not write', () => {
  let pdfFile: string;
  let issued: Awaited<ReturnType<Service['issueDocument']>>;

  beforeAll(async () => {
    issued = await service.issueDocument(samples.find((s) => s.file === 'unemployed-certificate.kk+ru.json')!.input);
    pdfFile = path.join(work, 'certificate.pdf');
    fs.writeFileSync(pdfFile, issued.pdf);
  });

  it('xmlsec1 verifies document.xml against the development CA', () => {
    const xmlFile = path.join(work, 'document.xml');
    fs.writeFileSync(xmlFile, detach(issued.pdf));
    const ca = path.join(service.config.paths.data, 'keys', 'ca.crt.pem');
    const run = spawnSync('xmlsec1', ['--verify', '--trusted-pem', ca, xmlFile], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/OK/);
  });

  it('zbarimg reads every QR code of a 150-dpi raster, and the row reassembles to the attachment', () => {
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', pdfFile, path.join(work, 'raster')]);
    const png = fs.readdirSync(work).find((f) => f.startsWith('raster') && f.endsWith('.png'))!;
    const run = spawnSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', path.join(work, png)], { encoding: 'utf8' });
    const codes = run.stdout.split('\n').filter(Boolean);
    const rowParts = codes.filter((c) => c.startsWith('QJ1:'));
    expect(rowParts.length).toBeGreaterThan(0);
    expect(codes.some((c) => c.startsWith(`${service.config.publicUrl}/verify/${issued.number}?t=`))).toBe(true);
    const row = decodeQrRow(rowParts, { maxInflatedBytes: 1024 * 1024 });
    expect(row.number).toBe(issued.number);
    expect(Buffer.compare(Buffer.from(row.xml), Buffer.from(issued.xml))).toBe(0);
  });

  it('a photo of the printed page (scaled, tilted, noisy) verifies through `qujat verify`', async () => {
    execFileSync('pdftoppm', ['-r', '300', '-png', '-f', '1', '-l', '1', pdfFile, path.join(work, 'scan')]);
    const png = fs.readdirSync(work).find((f) => f.startsWith('scan') && f.endsWith('.png'))!;
    const photo = photograph(readPng(fs.readFileSync(path.join(work, png))), { scale: 0.8, angleDeg: 3, noise: 25 });
    const photoPng = path.join(work, 'photo.png');
    const photoJpg = path.join(work, 'photo.jpg');
    fs.writeFileSync(photoPng, writePng(photo));
    fs.writeFileSync(photoJpg, writeJpeg(photo, 85));
    const env = { ...process.env, QUJAT_DATA_DIR: service.config.paths.data, QUJAT_LOG_LEVEL: 'silent' };
    for (const file of [photoPng, photoJpg]) {
      const run = await runProcess(process.execPath, [path.join(ROOT, 'bin/qujat.js'), 'verify', file, '--json'], { env });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, source: 'image', number: issued.number, registryStatus: 'valid' });
    }
  });
});

describe('forged and revoked documents', () => {
  it('a PDF whose attachment was replaced by a changed XML is refused', async () => {
    const issued = await service.issueDocument(samples[0]!.input);
    const xml = Buffer.from(issued.xml).toString('utf8');
    const forgedXml = xml.replace(issued.number, issued.number.replace(/.$/, (d) => String((Number(d) + 1) % 10)));
    const original = path.join(work, 'original.pdf');
    fs.writeFileSync(original, issued.pdf);
    const forgedXmlFile = path.join(work, 'forged.xml');
    fs.writeFileSync(forgedXmlFile, forgedXml);
    const forged = path.join(work, 'forged.pdf');
    // qpdf replaces the attachment; the page and its QR row stay as issued.
    execFileSync('qpdf', [original, '--remove-attachment=document.xml', '--add-attachment', forgedXmlFile, '--key=document.xml', '--filename=document.xml', '--', forged]);
    const verdict = await service.verifyDocument(fs.readFileSync(forged));
    expect(verdict.valid).toBe(false);
    expect(verdict.reason).toBe('QR_ATTACHMENT_MISMATCH');
    const xmlVerdict = await service.verifyDocument(Buffer.from(forgedXml));
    expect(xmlVerdict).toMatchObject({ valid: false, reason: 'DIGEST_MISMATCH' });
  });

  it('a PDF without document.xml, and a file that is no document, are refused with their reasons', async () => {
    const issued = await service.issueDocument(samples[0]!.input);
    const original = path.join(work, 'strip.pdf');
    const stripped = path.join(work, 'stripped.pdf');
    fs.writeFileSync(original, issued.pdf);
    execFileSync('qpdf', [original, '--remove-attachment=document.xml', '--', stripped]);
    expect(await service.verifyDocument(fs.readFileSync(stripped))).toMatchObject({ valid: false, reason: 'PDF_ATTACHMENT_MISSING' });
    expect(await service.verifyDocument(Buffer.from('GIF89a not a document'))).toMatchObject({ valid: false, reason: 'UNSUPPORTED_FILE' });
  });

  it('a revoked document still has a valid signature but is reported revoked', async () => {
    const issued = await service.issueDocument(samples[0]!.input);
    await service.registry.revoke(issued.number, { reason: 'issued in error', at: new Date(), by: 'test' });
    expect(await service.verifyDocument(issued.pdf)).toMatchObject({ valid: false, reason: 'DOCUMENT_REVOKED', registryStatus: 'revoked' });
  });
});
