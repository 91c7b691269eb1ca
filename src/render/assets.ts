/**
 * What a render page may load: our fonts (and later our images), answered from memory.
 * Every other request, to any host or scheme, is aborted, and page JavaScript is off.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';

/** ASSET_ORIGIN is the origin of the render page; `.invalid` can never resolve to a real host. */
export const ASSET_ORIGIN = 'https://qujat.invalid';

/** Asset is one file served to render pages. */
export interface Asset {
  readonly contentType: string;
  readonly body: Buffer;
}

/** AssetMap maps absolute URLs under ASSET_ORIGIN to their bytes. */
export type AssetMap = ReadonlyMap<string, Asset>;

const BASE_PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>qujat</title></head><body></body></html>';

/** loadAssets reads every font in fontsDir into memory and adds the blank base page. */
export function loadAssets(fontsDir: string): AssetMap {
  const assets = new Map<string, Asset>();
  assets.set(`${ASSET_ORIGIN}/`, { contentType: 'text/html; charset=utf-8', body: Buffer.from(BASE_PAGE) });
  for (const file of fs.readdirSync(fontsDir).filter((f) => /\.(ttf|otf|woff2?)$/i.test(f)).sort()) {
    const type = path.extname(file).slice(1).toLowerCase();
    assets.set(`${ASSET_ORIGIN}/fonts/${file}`, {
      contentType: type === 'ttf' || type === 'otf' ? `font/${type}` : `font/${type}`,
      body: fs.readFileSync(path.join(fontsDir, file)),
    });
  }
  return assets;
}

function answer(assets: AssetMap, request: HTTPRequest): Promise<void> {
  const asset = assets.get(request.url());
  // A refused navigation (meta refresh, a link target) would commit an error page and destroy
  // the document being printed; 204 No Content makes the browser stay where it is.
  if (!asset && request.isNavigationRequest()) return request.respond({ status: 204, body: '' });
  if (!asset) return request.abort('blockedbyclient');
  return request.respond({
    status: 200,
    contentType: asset.contentType,
    headers: { 'Cache-Control': 'public, max-age=31536000, immutable', 'Access-Control-Allow-Origin': '*' },
    body: asset.body,
  });
}

/**
 * pagePreparer returns the pool's preparePage: JavaScript off, every request intercepted, and the
 * page parked on ASSET_ORIGIN so that relative font URLs resolve to the in-memory assets.
 */
export function pagePreparer(assets: AssetMap): (page: Page) => Promise<void> {
  return async (page) => {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    // Interception turns the page cache off; the fonts are immutable, so keep it on.
    await page.setCacheEnabled(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      answer(assets, request).catch(() => undefined);
    });
    await page.goto(`${ASSET_ORIGIN}/`, { waitUntil: 'load' });
  };
}
