/**
 * Errors on the portal and АРМ pages become a page in the visitor's language, with the status the
 * API would give and the same kk and ru texts (errors.json); API clients still get JSON elsewhere.
 */
import type { ErrorRequestHandler } from 'express';
import { LANGUAGES, type Language, type LocalizedText } from '../../domain/index.js';
import type { Translator } from '../../i18n/index.js';
import type { Logger } from '../../log/index.js';
import { statusOf, toAppError } from '../errors.js';
import { screenView } from './index.js';

export type RenderScreen = (name: string, view: { lang: 'kk' | 'ru' | 'kk+ru'; [key: string]: unknown }) => string;

export function screenErrorPage(deps: { translator: Translator; logger: Logger; render: RenderScreen }): ErrorRequestHandler {
  return (failure: unknown, req, res, next) => {
    if (res.headersSent) {
      next(failure);
      return;
    }
    // A parser's refusal and an internal failure get the page too: a screen never answers JSON.
    const error = toAppError(failure);
    const internal = error.kind === 'internal';
    (internal ? deps.logger.error : deps.logger.info)('http.error', {
      requestId: res.locals.requestId,
      method: req.method,
      path: req.path,
      code: error.code,
      ...(internal ? { error: failure } : {}),
    });
    const params = Object.fromEntries(Object.entries(error.params).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
    const message = Object.fromEntries(LANGUAGES.map((l: Language) => [l, deps.translator.t(l, `errors:${error.code}`, params)])) as unknown as LocalizedText;
    const view = screenView(req, res, { pageTitle: 'screens:error.title', message, code: error.code, requestId: String(res.locals.requestId ?? '') });
    res.status(statusOf(error)).type('html').send(deps.render('screens/portal-error', view));
  };
}
