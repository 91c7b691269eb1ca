/**
 * Errors on the portal and АРМ pages become a page in the visitor's language, with the status the
 * API would give and the same kk and ru texts (errors.json); API clients still get JSON elsewhere.
 */
import type { ErrorRequestHandler } from 'express';
import { AppError, LANGUAGES, type Language, type LocalizedText } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import type { Logger } from '../../log/index.js';
import { statusOf } from '../errors.js';
import { screenView } from './index.js';

export type RenderScreen = (name: string, view: { lang: 'kk' | 'ru' | 'kk+ru'; [key: string]: unknown }) => string;

export function screenErrorPage(deps: { translator: Translator; logger: Logger; render: RenderScreen }): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (!(error instanceof AppError) || error.kind === 'internal' || res.headersSent) {
      next(error);
      return;
    }
    deps.logger.info('http.error', { requestId: res.locals.requestId, method: req.method, path: req.path, code: error.code });
    const params = Object.fromEntries(Object.entries(error.params).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
    const message = Object.fromEntries(LANGUAGES.map((l: Language) => [l, deps.translator.t(l, `errors:${error.code}`, params)])) as unknown as LocalizedText;
    const view = screenView(req, res, { pageTitle: 'screens:error.title', message, code: error.code, requestId: String(res.locals.requestId ?? '') });
    res.status(statusOf(error)).type('html').send(deps.render('screens/portal-error', view));
  };
}
