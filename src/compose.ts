/** The composition root: the only file that creates every part and wires them together. */
import path from 'node:path';
import { documentKinds } from './catalog/index.js';
import type { Config } from './config/index.js';
import { createHttpApp } from './http/index.js';
import { createTranslator, readLocales } from './i18n/index.js';
import type { Logger } from './log/index.js';
import { createRandomDocumentNumbers } from './registry/index.js';
import {
  ChromiumNotFoundError,
  chromiumLauncher,
  createBrowserPool,
  createPdfEngine,
  loadAssets,
  loadTemplates,
  locateChromium,
  pagePreparer,
} from './render/index.js';
import { createRenderDocument, type Clock } from './usecases/index.js';

const systemClock: Clock = { now: () => new Date() };

/** compose builds the service from its configuration; nothing starts until a task or listen(). */
export function compose(config: Config, deps: { logger: Logger; clock?: Clock }) {
  const { logger } = deps;
  const root = config.paths.root;
  const translator = createTranslator(readLocales(path.join(root, 'locales')));
  const templates = loadTemplates(path.join(root, 'templates'), translator);
  const chromium = locateChromium(config.render.chromiumPath);
  const launch = chromium.found
    ? chromiumLauncher(chromium.found)
    : () => Promise.reject(new ChromiumNotFoundError({ searched: chromium.searched }));
  const pool = createBrowserPool(config.render.pool, {
    launch,
    preparePage: pagePreparer(loadAssets(path.join(root, 'fonts'))),
    logger,
  });
  const printer = createPdfEngine(pool);
  const renderDocument = createRenderDocument({
    kinds: documentKinds,
    templates,
    printer,
    numbers: createRandomDocumentNumbers(),
    clock: deps.clock ?? systemClock,
  });
  const app = createHttpApp({ config: config.http, translator, logger, renderDocument, kinds: documentKinds, render: pool });
  return {
    app,
    pool,
    translator,
    templates,
    renderDocument,
    chromium,
    stop: () => pool.close(),
  };
}

/** Service is what compose returns. */
export type Service = ReturnType<typeof compose>;
