/**
 * What signing, barcodes and registration add to rendering, in one process on one warm browser:
 *   node dist/bench/issue.js [documents per round, default 20] [rounds, default 5]
 * (a) preview: the same template printed without number, signature, barcodes or registry;
 * (b) issue: number + document XML + XMLDSig + QR row + verification QR + Code 128 + print
 *     (the barcodes drawn into the PDF) + attachment + registry;
 * (c) sign + barcodes alone (no browser), the CPU work the issue adds before printing.
 * Rounds alternate (a) and (b) so that noise from other processes falls on both.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compose, composeDocumentBarcodes } from '../src/compose.js';
import { loadConfig } from '../src/config/index.js';
import { createLogger } from '../src/log/index.js';
import { buildDocumentXml, createXmlSigner, initDevelopmentKeys, loadSigningKeys } from '../src/sign/index.js';
import { median, ROOT } from './common.js';

const perRound = Number(process.argv[2] ?? 20);
const rounds = Number(process.argv[3] ?? 5);
const request = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples/documents/unemployed-certificate.kk+ru.json'), 'utf8')) as unknown;

const data = fs.mkdtempSync(path.join(os.tmpdir(), 'qujat-bench-issue-'));
await initDevelopmentKeys(path.join(data, 'keys'));
const config = loadConfig({ QUJAT_DATA_DIR: data, QUJAT_RENDER_CONCURRENCY: '1', QUJAT_LOG_LEVEL: 'error' }, { cores: 1, cwd: ROOT });
const service = await compose(config, { logger: createLogger('error') });
try {
  for (let i = 0; i < 5; i++) {
    await service.previewDocument.pdf(request);
    await service.issueDocument(request);
  }
  const preview: number[] = [];
  const issue: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < perRound; i++) {
      const start = performance.now();
      await service.previewDocument.pdf(request);
      preview.push(performance.now() - start);
    }
    for (let i = 0; i < perRound; i++) {
      const start = performance.now();
      await service.issueDocument(request);
      issue.push(performance.now() - start);
    }
  }

  const signer = createXmlSigner(await loadSigningKeys(config.sign, path.join(data, 'keys')));
  const barcodes = composeDocumentBarcodes();
  const issued = await service.issueDocument(request);
  const parsed = await service.verifyDocument(issued.xml);
  if (!parsed.valid || !parsed.document) throw new Error('the benchmark document does not verify');
  const document = parsed.document;
  const signAndBarcodes: number[] = [];
  for (let i = 0; i < rounds * perRound; i++) {
    const start = performance.now();
    const xml = signer.sign(
      buildDocumentXml({
        number: document.number,
        kind: document.kind,
        issuedAt: new Date(),
        issuer: document.issuer,
        applicant: document.applicant,
        content: {
          kk: { title: document.content.kk.title, fields: document.content.kk.fields.map((f) => ({ ...f, label: f.name })) },
          ru: { title: document.content.ru.title, fields: document.content.ru.fields.map((f) => ({ ...f, label: f.name })) },
        },
      }),
    );
    barcodes.qrRow(Buffer.from(xml, 'utf8'), document.number);
    barcodes.link(`${config.publicUrl}/verify/${document.number}?t=AAAAAAAAAAAAAAAAAAAAAA`);
    barcodes.code128(document.number);
    signAndBarcodes.push(performance.now() - start);
  }

  const [p, q, s] = [median(preview), median(issue), median(signAndBarcodes)];
  const rows = [
    ['(a) preview: render only', p],
    ['(b) issue: sign + barcodes + render + attach + register', q],
    ['(c) sign + barcodes alone', s],
  ] as const;
  process.stdout.write(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, ${rounds}×${perRound} documents each\n\n`);
  process.stdout.write('| measurement | median ms/doc |\n|---|---|\n');
  for (const [label, value] of rows) process.stdout.write(`| ${label} | ${value.toFixed(1)} |\n`);
  process.stdout.write(`\n(b)/(a) = ${(q / p).toFixed(2)}; (c)/(a) = ${((s / p) * 100).toFixed(1)} % (target: signing and barcodes add ≤ 10 %)\n`);
} finally {
  await service.stop();
  fs.rmSync(data, { recursive: true, force: true });
}
