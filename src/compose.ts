/** The composition root: the only file that creates every part and wires them together. */
import path from 'node:path';
import { documentKinds, REFUSAL_REASONS, SERVICE_IDS } from './catalog/index.js';
import type { Config } from './config/index.js';
import { definedErrorCodes, VALIDATION_RULES } from './domain/index.js';
import { createHttpApp } from './http/index.js';
import { createI18nWorkbench, createTranslator, readLocales, type CodeList } from './i18n/index.js';
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

/** i18nCodeLists: the keys the code builds from code lists, for the i18n check (errors are also found by scanning defineError). */
export function i18nCodeLists(): CodeList[] {
  return [
    { name: 'definedErrorCodes', keys: [...definedErrorCodes().keys()].map((code) => `errors:${code}`) },
    { name: 'VALIDATION_RULES', keys: VALIDATION_RULES.map((rule) => `validation:${rule}`) },
    { name: 'REFUSAL_REASONS', keys: REFUSAL_REASONS.map((reason) => `reasons:${reason}`) },
    { name: 'SERVICE_IDS', keys: SERVICE_IDS.map((id) => `services:${id}.name`) },
  ];
}

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
  const workbench = createI18nWorkbench({ root, codeLists: i18nCodeLists(), compileTemplates: (t) => loadTemplates(path.join(root, 'templates'), t) });
  const app = createHttpApp({ config: config.http, translator, logger, renderDocument, render: pool, i18n: { kinds: documentKinds, screens: templates, workbench } });
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
