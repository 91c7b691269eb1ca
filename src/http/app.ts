/** The Express app factory: middleware, routes, errors. Only http/ knows Express. */
import express, { type Express } from 'express';
import type { Translator } from '../i18n/index.js';
import type { DocumentKind } from '../domain/index.js';
import type { Logger } from '../log/index.js';
import type { RenderDocument } from '../usecases/index.js';
import { errorHandler, RouteNotFoundError } from './errors.js';
import { requestContext } from './middleware/request-context.js';
import { documentKindsRoutes } from './routes/document-kinds.js';
import { documentsRoutes } from './routes/documents.js';
import { healthRoutes, type RenderHealth } from './routes/health.js';

export interface HttpAppDeps {
  readonly config: { readonly bodyLimit: string; readonly retryAfterSeconds: number };
  readonly translator: Translator;
  readonly logger: Logger;
  readonly renderDocument: RenderDocument;
  readonly kinds: readonly DocumentKind[];
  readonly render: RenderHealth;
}

/** createHttpApp wires the routes over the use cases it is given. */
export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestContext());
  app.use(express.json({ limit: deps.config.bodyLimit, strict: true, type: ['application/json', 'application/*+json'] }));
  app.use(healthRoutes({ render: deps.render }));
  app.use(documentsRoutes({ renderDocument: deps.renderDocument }));
  app.use(documentKindsRoutes({ kinds: deps.kinds, translator: deps.translator }));
  app.use((req) => {
    throw new RouteNotFoundError({ path: req.path });
  });
  app.use(errorHandler({ translator: deps.translator, logger: deps.logger, retryAfterSeconds: deps.config.retryAfterSeconds }));
  return app;
}
