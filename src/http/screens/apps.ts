/**
 * The portal and the АРМ behind one session mechanism: the session middleware and the screens'
 * error page apply to their paths only, so the JSON API never gets a cookie or an HTML error.
 */
import { Router } from 'express';
import type { EndedSessions, OperatorAccounts, Sessions } from '../../accounts/index.js';
import type { AnyServiceDefinition } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import type { Logger } from '../../log/index.js';
import { armApplicationRoutes } from '../routes/arm-application.js';
import { armPrintRoutes } from '../routes/arm-print.js';
import { armQueueRoutes } from '../routes/arm-queue.js';
import { armWorklistRoutes } from '../routes/arm-worklist.js';
import { armRoutes } from '../routes/arm.js';
import type { ApiKeys, Applications, IssuedDocuments, PrintJobs, ProviderInfo } from '../../usecases/index.js';
import { portalCabinetRoutes } from '../routes/portal-cabinet.js';
import { portalSignRoutes } from '../routes/portal-sign.js';
import { portalSignInRoutes } from '../routes/portal-signin.js';
import { portalRoutes } from '../routes/portal.js';
import type { CitizenSigning } from './citizen-signing.js';
import { screenErrorPage, type RenderScreen } from './error-page.js';
import { sessionControl } from './session.js';
import { createUploadStore } from './upload-store.js';
import type { UploadLimits } from './uploads.js';

export interface ScreenAppsDeps {
  readonly accounts: OperatorAccounts;
  readonly apiKeys: Pick<ApiKeys, 'list'>;
  readonly sessions: Sessions;
  /** endedSessions: the signed-out session ids in the store, shared by every instance. */
  readonly endedSessions: EndedSessions;
  /** secure: session cookies only over HTTPS (the public URL is https). */
  readonly secure: boolean;
  readonly services: readonly AnyServiceDefinition[];
  /** providers: the providers' organisations, for the АРМ's referral and queue forms. */
  readonly providers: readonly ProviderInfo[];
  readonly validate: (service: AnyServiceDefinition, input: unknown) => unknown;
  readonly limits: UploadLimits;
  readonly now: () => Date;
  readonly applications: Applications;
  readonly registry: Pick<IssuedDocuments, 'find' | 'readPdf'>;
  /** printJobs: the АРМ's batch printing. */
  readonly printJobs: Pick<PrintJobs, 'start' | 'status' | 'pdf'>;
  /** citizens: the demonstration signer of the portal's sign-in and signing step (absent without the development CA). */
  readonly citizens: CitizenSigning | undefined;
}

/** Drafts held for the review step: at most this many sessions, bytes in all, and this long. */
const HELD_DRAFTS = { maxSessions: 500, maxBytes: 256 * 1024 * 1024, ttlMs: 60 * 60 * 1000 };

export function screenAppRoutes(deps: ScreenAppsDeps & { translator: Translator; logger: Logger; render: RenderScreen }): Router {
  const session = sessionControl({ sessions: deps.sessions, accounts: deps.accounts, ended: deps.endedSessions, secure: deps.secure });
  const paths = ['/arm', '/apply', '/signin', '/signout', '/cabinet'];
  const router = Router();
  router.use(paths, session.middleware);
  router.get('/', session.middleware);
  router.use(armRoutes({ accounts: deps.accounts, translator: deps.translator, render: deps.render, session }));
  const arm = { applications: deps.applications, services: deps.services, providers: deps.providers, translator: deps.translator, render: deps.render, session, now: deps.now };
  router.use(armWorklistRoutes({ ...arm, accounts: deps.accounts, apiKeys: deps.apiKeys }));
  router.use(armApplicationRoutes({ ...arm, registry: deps.registry }));
  router.use(armQueueRoutes(arm));
  router.use(armPrintRoutes({ ...arm, printJobs: deps.printJobs }));
  const uploads = createUploadStore({ ...HELD_DRAFTS, maxBytes: Math.max(HELD_DRAFTS.maxBytes, deps.limits.maxTotalBytes) });
  const citizens = { citizens: deps.citizens, render: deps.render, session, uploads, now: deps.now };
  router.use(portalSignInRoutes(citizens));
  router.use(portalSignRoutes({ ...citizens, services: deps.services, applications: deps.applications }));
  router.use(portalCabinetRoutes({ services: deps.services, applications: deps.applications, registry: deps.registry, render: deps.render, session }));
  router.use(
    portalRoutes({
      services: deps.services,
      validate: deps.validate,
      translator: deps.translator,
      render: deps.render,
      session,
      uploads,
      limits: deps.limits,
      now: deps.now,
    }),
  );
  router.use(paths, screenErrorPage(deps));
  return router;
}
