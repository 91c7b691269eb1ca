/**
 * Cost of the barcodes of one document: the QR row of a typical 6–8 KB signed XML, the
 * verification-link QR with its token, and the Code 128 of the number. Run after a build:
 *
 *     npx tsc -p tsconfig.build.json && node dist/bench/barcodes.js [iterations]
 *
 * Prints one JSON line per case (ms per document: wall-clock mean, median, p95, and CPU time per
 * document, which a machine shared with other work disturbs less) for comparison with the render
 * time of a one-page document.
 */
import { randomBytes } from 'node:crypto';
import { code128, encodeQrRow, qrCode, verificationUrl } from '../src/barcode/index.js';

const NUMBER = '261234567890';

/** A signed-XML look-alike: kk/ru fields plus an incompressible certificate and signature. */
function typicalSignedXml(bytes: number): Buffer {
  const cert = randomBytes(1100).toString('base64');
  const signature = `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/><ds:SignatureValue>${randomBytes(256).toString('base64')}</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature></document>`;
  let body = `<?xml version="1.0" encoding="UTF-8"?><document xmlns="urn:qujat:document:1" number="${NUMBER}">`;
  for (let i = 0; Buffer.byteLength(body + signature) < bytes; i++) {
    body += `<field n="${i}"><kk>Жұмыспен қамту орталығы №${(i * 7919) % 10007}</kk><ru>Центр занятости населения №${(i * 104729) % 10007}</ru></field>`;
  }
  return Buffer.from(body + signature);
}

function measure(name: string, iterations: number, task: () => void): void {
  for (let i = 0; i < 5; i++) task();
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    task();
    times.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / iterations;
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  console.log(JSON.stringify({ case: name, iterations, meanMs: +mean.toFixed(2), medianMs: +at(0.5).toFixed(2), p95Ms: +at(0.95).toFixed(2), cpuMs: +cpuMs.toFixed(2) }));
}

const iterations = Number(process.argv[2] ?? 40);
const token = randomBytes(16).toString('base64url');
for (const size of [6 * 1024, 8 * 1024]) {
  const xml = typicalSignedXml(size);
  const row = encodeQrRow(xml, { number: NUMBER });
  console.log(JSON.stringify({ xmlBytes: xml.length, parts: row.parts.length, version: row.version }));
  measure(`qr row ${size / 1024} KB`, iterations, () => void encodeQrRow(xml, { number: NUMBER }));
  measure(`all barcodes ${size / 1024} KB`, iterations, () => {
    encodeQrRow(xml, { number: NUMBER });
    qrCode(verificationUrl('https://qujat.example.kz', NUMBER, token));
    code128(NUMBER);
  });
}
measure('code 128', iterations, () => void code128(NUMBER));
