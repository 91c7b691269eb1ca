/** `qujat verify <file>`: a PDF, XML, PNG or JPEG → the verdict. Exit 0 valid, 1 invalid, 2 usage. */
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { composeVerification } from '../compose.js';
import { LANGUAGES } from '../domain/index.js';
import { verdictReport } from '../usecases/index.js';
import { createLogger } from '../log/index.js';
import { configFromEnvironment } from './environment.js';

export const VERIFY_USAGE = 'qujat verify <file.pdf|file.xml|photo.png|photo.jpg> [--json] [--offline]';

/** PROVEN says in the CLI's plain English what a valid verdict proves (the kk/ru message says it too). */
const PROVEN = {
  'issued-file': 'this file is the issued document itself (byte for byte as registered)',
  'signed-data': 'the signed data are genuine; this file or paper is not the issued file: compare it with the signed content',
} as const;

export async function verify(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, offline: { type: 'boolean' } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    process.stderr.write(`usage: ${VERIFY_USAGE}\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    process.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const config = configFromEnvironment(env, { QUJAT_LOG_LEVEL: env.QUJAT_LOG_LEVEL ?? 'warn' });
  const verification = await composeVerification(config, { logger: createLogger(config.log.level), offline: values.offline === true });
  try {
    const verdict = await verification.verifyDocument(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const json = verdictReport(verification.translator, verdict);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(json)}\n`);
    } else {
      const lines = [
        `${verdict.valid ? 'VALID' : 'INVALID'} ${verdict.reason}`,
        ...LANGUAGES.map((l) => `  ${l}: ${json.message[l]}`),
      ];
      if (json.number) lines.push(`  number: ${json.number}`, `  kind: ${json.kind}`, `  issued: ${json.issuedAt}`, `  issuer BIN: ${json.issuer?.bin ?? ''}`);
      lines.push(`  registry: ${json.registryStatus ?? '—'}`);
      if (verdict.proof) lines.push(`  proven: ${PROVEN[verdict.proof]}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return verdict.valid ? 0 : 1;
  } finally {
    await verification.stop();
  }
}
