/** The Express app factory: middleware, routes, errors. Only http/ knows Express. */
import express, { type Express } from 'express';
import type { DocumentKind } from '../domain/index.js';
import type { Translator } from '../i18n/index.js';
import type { Logger } from '../log/index.js';
import type { IssueDocument, IssuedDocuments, PrintJobs, SignatureCheck, VerifyDocument } from '../usecases/index.js';
import { errorHandler, RouteNotFoundError } from './errors.js';
import { adminKey } from './middleware/admin-key.js';
import { requestContext } from './middleware/request-context.js';
import { documentKindsRoutes } from './routes/document-kinds.js';
import { documentsRoutes } from './routes/documents.js';
import { healthRoutes, type RenderHealth } from './routes/health.js';
import { i18nRoutes, type I18nRoutesDeps } from './routes/i18n.js';
import { printJobsRoutes } from './routes/print-jobs.js';
import { verifyApiRoutes } from './routes/verify-api.js';
import { verifyPageRoutes } from './routes/verify-pages.js';
import { assetRoutes } from './screens.js';

export interface HttpAppDeps {
  readonly config: { readonly bodyLimit: string; readonly retryAfterSeconds: number; readonly adminKeySha256: readonly string[] };
  readonly root: string;
  readonly translator: Translator;
  readonly logger: Logger;
  readonly screens: { render(name: string, view: { lang: 'kk' | 'ru' | 'kk+ru'; [key: string]: unknown }): string };
  readonly issueDocument: IssueDocument;
  readonly verifyDocument: VerifyDocument;
  readonly registry: IssuedDocuments;
  readonly signatures: SignatureCheck;
  readonly render: RenderHealth;
  readonly kinds: readonly DocumentKind[];
  /** printJobs: batch printing at /v1/print-jobs, behind the admin key for now (left out when absent). */
  readonly printJobs?: PrintJobs;
  /** i18n: the translators' preview at /i18n (left out when absent). */
  readonly i18n?: I18nRoutesDeps;
}

/** createHttpApp wires the routes over the use cases it is given. */
export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestContext());
  app.use(express.json({ limit: deps.config.bodyLimit, strict: true, type: ['application/json', 'application/*+json'] }));
  app.use(healthRoutes({ render: deps.render }));
  app.use(assetRoutes({ root: deps.root }));
  app.use(documentsRoutes({ issueDocument: deps.issueDocument, registry: deps.registry, authorizeAdmin: adminKey(deps.config.adminKeySha256) }));
  app.use(documentKindsRoutes({ kinds: deps.kinds, translator: deps.translator }));
  app.use(verifyApiRoutes({ verifyDocument: deps.verifyDocument, translator: deps.translator }));
  app.use(
    verifyPageRoutes({
      verifyDocument: deps.verifyDocument,
      registry: deps.registry,
      signatures: deps.signatures,
      translator: deps.translator,
      render: (name, view) => deps.screens.render(name, view),
    }),
  );
  if (deps.printJobs) {
    app.use(printJobsRoutes({ jobs: deps.printJobs, translator: deps.translator, authorize: adminKey(deps.config.adminKeySha256) }));
  }
  if (deps.i18n) app.use(i18nRoutes(deps.i18n));
  app.use((req) => {
    throw new RouteNotFoundError({ path: req.path });
  });
  app.use(errorHandler({ translator: deps.translator, logger: deps.logger, retryAfterSeconds: deps.config.retryAfterSeconds }));
  return app;
}
