/**
 * Signing and verification cost on one core (Node runs both on one thread):
 *   node dist/bench/verify.js [seconds per measurement, default 3]
 * Prints the build + sign time per document and XML verifications per second (target ≥ 300/s).
 * Uses a throw-away development CA in a temporary directory.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  DEVELOPMENT_PROVIDER,
  buildDocumentXml,
  createSignatureVerifier,
  createXmlSigner,
  initDevelopmentKeys,
  loadSigningKeys,
  loadTrustMaterial,
  type DocumentXmlInput,
} from '../src/sign/index.js';

const seconds = Number(process.argv[2] ?? 3);

const fields = (lang: 'kk' | 'ru') =>
  Array.from({ length: 12 }, (_, i) => ({
    name: `field${i}`,
    label: lang === 'kk' ? `Өріс ${i}` : `Поле ${i}`,
    value: lang === 'kk' ? `Мәні ${i}: Алматы қаласы, Әуезов ауданы` : `Значение ${i}: город Алматы, Ауэзовский район`,
  }));

const input = (n: number): DocumentXmlInput => ({
  number: `KZ-2026-${String(n).padStart(6, '0')}`,
  kind: 'unemployed-certificate',
  issuedAt: new Date(),
  issuer: { bin: DEVELOPMENT_PROVIDER.bin, name: { kk: 'Жұмыспен қамту бөлімі', ru: 'Отдел занятости' } },
  applicant: { iin: '000101500001', fullName: 'Серіков Айдос Қанатұлы' },
  content: {
    kk: { title: 'Жұмыссыз ретінде тіркелу туралы анықтама', fields: fields('kk') },
    ru: { title: 'Справка о регистрации в качестве безработного', fields: fields('ru') },
  },
});

// On a shared machine the wall clock also counts other processes' turns; the CPU time this
// process used is what one core of our own would take, so both are printed.
function measure(label: string, work: (i: number) => void): { perCpuSecond: number } {
  for (let i = 0; i < 50; i++) work(i);
  let count = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const until = start + seconds * 1000;
  while (performance.now() < until) work(count++);
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const perCpuSecond = (count / cpuMs) * 1000;
  process.stdout.write(
    `${label.padEnd(28)} ${(cpuMs / count).toFixed(3).padStart(7)} ms CPU each → ${perCpuSecond.toFixed(0).padStart(5)}/s per core` +
      `   (wall ${(wall / count).toFixed(3)} ms each, ${count} runs)\n`,
  );
  return { perCpuSecond };
}

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'qujat-bench-'));
try {
  await initDevelopmentKeys(dir);
  const signer = createXmlSigner(await loadSigningKeys({}, dir));
  const verifier = createSignatureVerifier(await loadTrustMaterial({}, dir));
  const signed = signer.sign(buildDocumentXml(input(1)));
  if (!verifier.verify(signed).valid) throw new Error('the benchmark document does not verify');
  process.stdout.write(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}, document ${Buffer.byteLength(signed)} bytes signed\n`);
  measure('build document XML', (i) => buildDocumentXml(input(i)));
  measure('build + sign (RSA-2048)', (i) => signer.sign(buildDocumentXml(input(i))));
  const verified = measure('verify (full §2.7 checks)', () => {
    if (!verifier.verify(signed).valid) throw new Error('verification failed');
  });
  process.stdout.write(`target ≥ 300 verifications/s on one core: ${verified.perCpuSecond >= 300 ? 'met' : 'NOT met'}\n`);
} finally {
  await fs.rm(dir, { recursive: true, force: true });
}
