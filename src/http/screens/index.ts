/**
 * What every screen shares: the chosen language (`?lang=` remembered in a cookie, for a year),
 * the links of the language switch, the assets Qujat serves itself (CSS, fonts; nothing external)
 * and a strict Content-Security-Policy.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type Request, type Response } from 'express';
import { OUTPUT_LANGUAGES, type OutputLanguage } from '../domain/index.js';

const COOKIE = 'qujat_lang';
const CSP = "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function cookieLang(req: Request): OutputLanguage | null {
  const match = /(?:^|;\s*)qujat_lang=([^;]+)/.exec(req.get('cookie') ?? '');
  const value = match ? decodeURIComponent(match[1] as string) : null;
  return OUTPUT_LANGUAGES.find((l) => l === value) ?? null;
}

/** screenLanguage picks the language of a screen and remembers a choice made with `?lang=`. */
export function screenLanguage(req: Request, res: Response): OutputLanguage {
  const asked = OUTPUT_LANGUAGES.find((l) => l === req.query.lang);
  if (asked) {
    res.setHeader('Set-Cookie', `${COOKIE}=${encodeURIComponent(asked)}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`);
    return asked;
  }
  return cookieLang(req) ?? 'kk+ru';
}

function withLang(req: Request, lang: OutputLanguage): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query)) if (key !== 'lang' && typeof value === 'string') params.set(key, value);
  params.set('lang', lang);
  return `${req.path}?${params.toString()}`;
}

/** screenView is the root of every screen template. */
export function screenView(req: Request, res: Response, page: Record<string, unknown>) {
  const lang = screenLanguage(req, res);
  res.setHeader('Content-Security-Policy', CSP);
  return {
    lang,
    htmlLang: lang === 'kk+ru' ? 'kk' : lang,
    langClass: lang === 'kk+ru' ? 'bi' : lang,
    langLinks: { kk: withLang(req, 'kk'), ru: withLang(req, 'ru'), both: withLang(req, 'kk+ru') },
    ...page,
  };
}

/** assetRoutes serves the screens' stylesheet and the shipped fonts. */
export function assetRoutes(deps: { root: string }): Router {
  const router = Router();
  const css = fs.readFileSync(path.join(deps.root, 'templates', 'styles', 'screen.css'));
  router.get('/assets/screen.css', (_req, res) => {
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=3600').end(css);
  });
  router.use('/assets/fonts', express.static(path.join(deps.root, 'fonts'), { immutable: true, maxAge: '30d', index: false }));
  return router;
}
