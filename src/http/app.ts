/** The Express app factory: middleware, routes, errors. Only http/ knows Express. */
import { createServer } from 'node:http';
import express, { type Express } from 'express';
import type { AnyServiceDefinition, DocumentKind } from '../domain/index.js';
import type { Translator } from '../i18n/index.js';
import type { Logger } from '../log/index.js';
import type { Applications, IssueDocument, IssuedDocuments, IssuedFirstPage, PrintJobs, SignatureCheck, VerifyDocument } from '../usecases/index.js';
import { createApi } from './api.js';
import { answerClientErrors } from './client-errors.js';
import { utf8Only } from './bodies.js';
import { errorHandler, RouteNotFoundError } from './errors.js';
import { adminKey } from './middleware/admin-key.js';
import { apiKeyAccess, type KeyAuthenticator } from './middleware/authenticate.js';
import { requestContext } from './middleware/request-context.js';
import { openApiDocument } from './openapi.js';
import { applicationsRoutes } from './routes/applications.js';
import { documentKindsRoutes } from './routes/document-kinds.js';
import { documentsRoutes } from './routes/documents.js';
import { healthRoutes, type RenderHealth } from './routes/health.js';
import { i18nRoutes, type I18nRoutesDeps } from './routes/i18n.js';
import { notificationsRoutes } from './routes/notifications.js';
import { printJobsRoutes } from './routes/print-jobs.js';
import { qualityRoutes } from './routes/quality.js';
import { queueRoutes } from './routes/queue.js';
import { servicesRoutes } from './routes/services.js';
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
  /** firstPage: the picture of an issued first page on the verification pages. */
  readonly firstPage: IssuedFirstPage;
  readonly registry: IssuedDocuments;
  readonly signatures: SignatureCheck;
  readonly render: RenderHealth;
  readonly kinds: readonly DocumentKind[];
  readonly services: readonly AnyServiceDefinition[];
  readonly applications: Applications;
  readonly apiKeys: KeyAuthenticator;
  /** version and publicUrl go into the OpenAPI document. */
  readonly version: string;
  readonly publicUrl: string;
  /** printJobs: batch printing at /v1/print-jobs. */
  readonly printJobs: PrintJobs;
  /** i18n: the translators' preview at /i18n (left out when absent). */
  readonly i18n?: I18nRoutesDeps;
  /** The citizen portal and the operator workstation (left out when absent). */
  readonly portal?: ScreenAppsDeps;
}

/** v1Routes registers every /v1 route through one table, which also writes /v1/openapi.json. */
function v1Routes(deps: HttpAppDeps) {
  const api = createApi({ admin: adminKey(deps.config.adminKeySha256), key: apiKeyAccess(deps.apiKeys) });
  const { applications, services, translator } = deps;
  documentsRoutes(api, { issueDocument: deps.issueDocument, registry: deps.registry, keys: deps.apiKeys });
  documentKindsRoutes(api, { kinds: deps.kinds, translator });
  verifyApiRoutes(api, { verifyDocument: deps.verifyDocument, translator });
  servicesRoutes(api, { services, translator });
  applicationsRoutes(api, { applications, services, xmlLimit: deps.config.bodyLimit });
  notificationsRoutes(api, { applications });
  queueRoutes(api, { applications });
  qualityRoutes(api, { applications, serviceIds: services.map((s) => s.id) });
  printJobsRoutes(api, { jobs: deps.printJobs, translator });
  let document: object | null = null;
  api.route(
    {
      method: 'get',
      path: '/v1/openapi.json',
      operationId: 'openApi',
      tag: 'meta',
      summary: 'This document: OpenAPI 3.1 of every /v1 route',
      access: { kind: 'public' },
      responses: { '200': { description: 'the OpenAPI document', content: { 'application/json': { type: 'object' } } } },
    },
    (_req, res) => {
      // Built on first request, when every route, this one included, is in the table.
      document ??= openApiDocument(api.specs(), { version: deps.version, serverUrl: deps.publicUrl });
      res.json(document);
    },
  );
  return api.router;
}

/** createHttpApp wires the routes over the use cases it is given. */
export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestContext());
  app.use(
    express.json({
      limit: deps.config.bodyLimit,
      strict: true,
      type: ['application/json', 'application/*+json'],
      verify: utf8Only,
    }),
  );
  app.use(healthRoutes({ render: deps.render }));
  app.use(assetRoutes({ root: deps.root }));
  app.use(v1Routes(deps));
  app.use(
    verifyPageRoutes({
      verifyDocument: deps.verifyDocument,
      registry: deps.registry,
      signatures: deps.signatures,
      firstPage: deps.firstPage,
      translator: deps.translator,
      retryAfterSeconds: deps.config.retryAfterSeconds,
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
  // `qujat serve` and the tests start the app with app.listen: the server it makes also answers
  // the requests Node itself refuses (too large headers, a malformed request line) with the JSON.
  app.listen = ((...args: Parameters<ReturnType<typeof createServer>['listen']>) =>
    answerClientErrors(createServer(app), deps.translator).listen(...args)) as Express['listen'];
  return app;
}
