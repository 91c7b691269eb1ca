/**
 * What every screen shares: the chosen language (`?lang=` remembered in a cookie, for a year),
 * the links of the language switch, the assets Qujat serves itself (CSS, fonts; nothing external)
 * and a strict Content-Security-Policy.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type Request, type Response } from 'express';
import { OUTPUT_LANGUAGES, type OutputLanguage } from '../../domain/index.js';
import { cookieValue, setCookie } from './cookies.js';

const COOKIE = 'qujat_lang';
const CSP = "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/** SCRIPT_CSP: a page with the first-party form script may run scripts from Qujat, and nothing inline. */
const SCRIPT_CSP = `${CSP}; script-src 'self'`;

function cookieLang(req: Request): OutputLanguage | null {
  const raw = cookieValue(req.get('cookie'), COOKIE);
  const value = raw ? decodeURIComponent(raw) : null;
  return OUTPUT_LANGUAGES.find((l) => l === value) ?? null;
}

/** screenLanguage picks the language of a screen and remembers a choice made with `?lang=`. */
export function screenLanguage(req: Request, res: Response): OutputLanguage {
  const asked = OUTPUT_LANGUAGES.find((l) => l === req.query.lang);
  if (asked) {
    setCookie(res, COOKIE, encodeURIComponent(asked), 'Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly');
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

/** sectionOf: the part of the top navigation a path belongs to (none for the translators' pages). */
function sectionOf(pathname: string): 'portal' | 'arm' | 'verify' | null {
  const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  if (pathname === '/' || under('/apply') || under('/cabinet') || under('/signin')) return 'portal';
  if (under('/arm')) return 'arm';
  return under('/verify') ? 'verify' : null;
}

/** screenView is the root of every screen template; `script` allows the page its first-party script. */
export function screenView(req: Request, res: Response, page: Record<string, unknown>, options: { script?: boolean } = {}) {
  const lang = screenLanguage(req, res);
  res.setHeader('Content-Security-Policy', options.script ? SCRIPT_CSP : CSP);
  return {
    lang,
    section: sectionOf(req.path),
    htmlLang: lang === 'kk+ru' ? 'kk' : lang,
    langClass: lang === 'kk+ru' ? 'bi' : lang,
    langLinks: { kk: withLang(req, 'kk'), ru: withLang(req, 'ru'), both: withLang(req, 'kk+ru') },
    ...page,
  };
}

/** assetRoutes serves the screens' stylesheet, their first-party scripts and the shipped fonts. */
export function assetRoutes(deps: { root: string }): Router {
  const router = Router();
  const css = fs.readFileSync(path.join(deps.root, 'templates', 'styles', 'screen.css'));
  router.get('/assets/screen.css', (_req, res) => {
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=3600').end(css);
  });
  const scripts = path.join(deps.root, 'templates', 'scripts');
  for (const file of fs.existsSync(scripts) ? fs.readdirSync(scripts).filter((f) => f.endsWith('.js')) : []) {
    const source = fs.readFileSync(path.join(scripts, file));
    router.get(`/assets/${file}`, (_req, res) => {
      res.type('text/javascript').setHeader('Cache-Control', 'public, max-age=3600').setHeader('X-Content-Type-Options', 'nosniff').end(source);
    });
  }
  router.use('/assets/fonts', express.static(path.join(deps.root, 'fonts'), { immutable: true, maxAge: '30d', index: false }));
  return router;
}
