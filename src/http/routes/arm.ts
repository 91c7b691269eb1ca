/**
 * The operator workstation's door: `/arm/login` (username and password, throttled per username
 * and address) and sign-out; the worklist, application, queue and print pages are arm-*.ts.
 */
import { Router, type Request, type Response } from 'express';
import { LoginFailedError, LoginThrottledError, type OperatorAccounts } from '../../accounts/index.js';
import type { LocalizedText } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import type { RenderScreen } from '../screens/error-page.js';
import { screenView } from '../screens/index.js';
import type { SessionControl } from '../screens/session.js';
import { staffOf } from './arm-shared.js';
import { formBody } from '../bodies.js';

export interface ArmDeps {
  readonly accounts: Pick<OperatorAccounts, 'signIn'>;
  readonly translator: Translator;
  readonly render: RenderScreen;
  readonly session: SessionControl;
}

export function armRoutes(deps: ArmDeps): Router {
  const router = Router();
  const form = formBody({ bytes: '8kb', fields: 10 });
  const showLogin = (req: Request, res: Response, status: number, username: string, error: LocalizedText | null) => {
    const view = screenView(req, res, { pageTitle: 'screens:arm.loginTitle', csrf: deps.session.csrfToken(res), username, error });
    res.status(status).type('html').send(deps.render('screens/arm-login', view));
  };
  const text = (code: string, params: Record<string, number> = {}): LocalizedText => ({
    kk: deps.translator.t('kk', `errors:${code}`, params),
    ru: deps.translator.t('ru', `errors:${code}`, params),
  });

  router.get('/arm/login', (req, res) => {
    if (staffOf(res)) {
      res.redirect(303, '/arm');
      return;
    }
    showLogin(req, res, 200, '', null);
  });

  router.post('/arm/login', form, async (req, res) => {
    deps.session.assertCsrf(req, res);
    const body = req.body as Record<string, unknown>;
    const username = typeof body.username === 'string' ? body.username.slice(0, 64) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : '';
    try {
      const signedIn = await deps.accounts.signIn(username, password, req.ip ?? req.socket.remoteAddress ?? '');
      await deps.session.replace(res, signedIn.principal, signedIn.displayName);
      res.redirect(303, '/arm');
    } catch (error) {
      if (error instanceof LoginThrottledError) {
        res.setHeader('Retry-After', String(error.params.minutes * 60));
        showLogin(req, res, 429, username, text(error.code, { minutes: error.params.minutes }));
      } else if (error instanceof LoginFailedError) showLogin(req, res, 401, username, text(error.code));
      else throw error;
    }
  });

  router.post('/arm/logout', form, async (req, res) => {
    deps.session.assertCsrf(req, res);
    await deps.session.replace(res, null, null);
    res.redirect(303, '/arm/login');
  });

  return router;
}
