/** The `qujat` command: a verb, then its arguments. Exit codes: 0 done, 1 invalid input, 2 usage. */
import { CATALOG_USAGE, catalog } from './catalog.js';
import { configFromEnvironment } from './environment.js';
import { I18N_USAGE, i18n } from './i18n.js';
import { KEYS_USAGE, keys } from './keys.js';
import { OPERATORS_USAGE, operators } from './operators.js';
import { RENDER_USAGE, render } from './render.js';
import { serve } from './serve.js';
import { VERIFY_USAGE, verify } from './verify.js';
import { locateChromium } from '../render/index.js';

const USAGE = `qujat — signed bilingual (kk/ru) documents for Kazakh e-government services

usage:
  qujat serve [--port N] [--host H]      run the HTTP service (PORT, QUJAT_* variables apply)
  ${RENDER_USAGE}
                                         render one document from a request file
  ${VERIFY_USAGE}
                                         verify a document: exit 0 valid, 1 invalid, 2 usage error
  qujat chromium                          print the Chromium that would be used, or exit 1
  ${CATALOG_USAGE}
  ${I18N_USAGE}  check locales/kk and locales/ru (exit 1 on errors)
  ${KEYS_USAGE}
                                         development CA: create keys, export the CA, revoke a certificate
  ${OPERATORS_USAGE}
                                         workstation (АРМ) accounts; the password from QUJAT_OPERATOR_PASSWORD or stdin
`;

async function chromium(env: NodeJS.ProcessEnv): Promise<number> {
  const search = locateChromium(configFromEnvironment(env).render.chromiumPath);
  if (search.found) {
    process.stdout.write(`${search.found}\n`);
    return 0;
  }
  process.stderr.write(`no Chromium found; looked at:\n  ${search.searched.join('\n  ')}\n`);
  return 1;
}

/** main runs one command and returns its exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [verb, ...args] = argv;
  try {
    switch (verb) {
      case 'serve':
        return await serve(args, env);
      case 'render':
        return await render(args, env);
      case 'verify':
        return await verify(args, env);
      case 'chromium':
        return await chromium(env);
      case 'catalog':
        return await catalog(args, env);
      case 'i18n':
        return await i18n(args);
      case 'keys':
        return await keys(args, env);
      case 'operators':
        return await operators(args, env);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return verb === undefined ? 2 : 0;
      default:
        process.stderr.write(`unknown command: ${verb}\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
