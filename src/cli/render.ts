/** `qujat render <input.json> --out <file.pdf>`: one document from a request file. */
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { compose } from '../compose.js';
import { AppError } from '../domain/index.js';
import { createLogger } from '../log/index.js';
import { configFromEnvironment, describeError } from './environment.js';

export const RENDER_USAGE = 'qujat render <input.json> --out <file.pdf> [--json]';

export async function render(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, json: { type: 'boolean' } },
  });
  const [inputPath] = positionals;
  if (!inputPath || !values.out || positionals.length > 1) {
    process.stderr.write(`usage: ${RENDER_USAGE}\n`);
    return 2;
  }
  const config = configFromEnvironment(env, { QUJAT_LOG_LEVEL: env.QUJAT_LOG_LEVEL ?? 'warn' });
  const service = await compose(config, { logger: createLogger(config.log.level) });
  try {
    let input: unknown;
    try {
      input = JSON.parse(await fs.readFile(inputPath, 'utf8'));
    } catch (error) {
      process.stderr.write(`cannot read ${inputPath} as JSON: ${(error as Error).message}\n`);
      return 2;
    }
    const document = await service.issueDocument(input);
    await fs.writeFile(values.out, document.pdf);
    const { pdf: _pdf, xml: _xml, ...metadata } = document;
    process.stdout.write(values.json ? `${JSON.stringify(metadata)}\n` : `${document.number} ${document.kind} ${document.language} ${document.pages} p. → ${values.out}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${describeError(service.translator, error)}\n`);
      return error.kind === 'invalid' ? 1 : 3;
    }
    throw error;
  } finally {
    await service.stop();
  }
}
