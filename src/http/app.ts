/** The Express app factory: middleware, routes, errors. Only http/ knows Express. */
import express, { type Express } from 'express';
import type { DocumentKind } from '../domain/index.js';
import type { Translator } from '../i18n/index.js';
import type { Logger } from '../log/index.js';
import type { IssueDocument, IssuedDocuments, SignatureCheck, VerifyDocument } from '../usecases/index.js';
import { errorHandler, RouteNotFoundError } from './errors.js';
import { adminKey } from './middleware/admin-key.js';
import { requestContext } from './middleware/request-context.js';
import { documentKindsRoutes } from './routes/document-kinds.js';
import { documentsRoutes } from './routes/documents.js';
import { healthRoutes, type RenderHealth } from './routes/health.js';
import { i18nRoutes, type I18nRoutesDeps } from './routes/i18n.js';
import { verifyApiRoutes } from './routes/verify-api.js';
import { verifyPageRoutes } from './routes/verify-pages.js';
import { screenAppRoutes, type ScreenAppsDeps } from './screens/apps.js';
import { assetRoutes } from './screens/index.js';

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
  /** i18n: the translators' preview at /i18n (left out when absent). */
  readonly i18n?: I18nRoutesDeps;
  /** The citizen portal and the operator workstation (left out when absent). */
  readonly portal?: ScreenAppsDeps;
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
  if (deps.i18n) app.use(i18nRoutes(deps.i18n));
  if (deps.portal) {
    app.use(screenAppRoutes({ ...deps.portal, translator: deps.translator, logger: deps.logger, render: (name, view) => deps.screens.render(name, view) }));
  }
  app.use((req) => {
    throw new RouteNotFoundError({ path: req.path });
  });
  app.use(errorHandler({ translator: deps.translator, logger: deps.logger, retryAfterSeconds: deps.config.retryAfterSeconds }));
  return app;
}
