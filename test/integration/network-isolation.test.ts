/**
 * A render page reaches no network: a listener on 127.0.0.1 receives neither a request nor a
 * connection while the HTML points at it in every way HTML and CSS can, and the PDF is printed.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfEngine, type PdfEngine } from '../../src/render/index.js';
import { startListener, type RecordingListener } from '../helpers/listener.js';
import { isPdf, pdfFonts, pdfPages, pdfText } from '../helpers/poppler.js';
import { startPool, type TrackedPool } from '../helpers/pool.js';

let listener: RecordingListener;
let tracked: TrackedPool;
let engine: PdfEngine;

beforeAll(async () => {
  listener = await startListener();
  // One page, reused: the second render shows whether the first left the page where it was.
  tracked = startPool({ concurrency: 1 });
  engine = createPdfEngine(tracked.pool);
});

afterAll(async () => {
  await tracked?.pool.close();
  await listener?.close();
});

/** references lists each way a template could make the page fetch a URL. */
function references(origin: string, port: number): Record<string, { head?: string; body?: string }> {
  return {
    'img src': { body: `<img src="${origin}/img.png" alt="">` },
    'img srcset': { body: `<img srcset="${origin}/srcset.png 2x" alt="">` },
    'picture source': { body: `<picture><source srcset="${origin}/picture.webp"><img alt=""></picture>` },
    'link stylesheet': { head: `<link rel="stylesheet" href="${origin}/link.css">` },
    'css @import': { head: `<style>@import url("${origin}/import.css");</style>` },
    'css background url': { head: `<style>.bg { background-image: url(${origin}/background.png); }</style>`, body: '<div class="bg">bg</div>' },
    '@font-face url': { head: `<style>@font-face { font-family: Remote; src: url(${origin}/font.ttf); } .remote { font-family: Remote; }</style>`, body: '<p class="remote">remote</p>' },
    iframe: { body: `<iframe src="${origin}/iframe.html"></iframe>` },
    'meta refresh': { head: `<meta http-equiv="refresh" content="0; url=${origin}/refresh">` },
    'video poster': { body: `<video poster="${origin}/poster.png"></video>` },
    'object data': { body: `<object data="${origin}/object.pdf"></object>` },
    'embed src': { body: `<embed src="${origin}/embed.svg">` },
    'relative URL against base href': { head: `<base href="${origin}/base/">`, body: '<img src="relative.png" alt=""><link rel="stylesheet" href="relative.css">' },
    'script src (JavaScript is off)': { body: `<script src="${origin}/script.js"></script>` },
    'inline script fetch (JavaScript is off)': { body: `<script>fetch("${origin}/fetch"); new Image().src = "${origin}/js-image.png";</script>` },
    'link preload, prefetch, preconnect, dns-prefetch, icon': {
      head: `<link rel="preload" href="${origin}/preload.css" as="style"><link rel="prefetch" href="${origin}/prefetch"><link rel="preconnect" href="${origin}"><link rel="dns-prefetch" href="${origin}"><link rel="icon" href="${origin}/favicon.ico">`,
    },
    'svg image': { body: `<svg width="10" height="10"><image href="${origin}/svg.png" width="10" height="10"/></svg>` },
    'audio src': { body: `<audio src="${origin}/audio.mp3"></audio>` },
    'localhost name': { body: `<img src="http://localhost:${port}/localhost.png" alt=""><iframe src="http://localhost:${port}/localhost.html"></iframe>` },
  };
}

function document(head: string, body: string, marker: string): string {
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head><body><p>${marker}</p>${body}</body></html>`;
}

describe('network isolation of render pages', () => {
  it('the listener answers when asked directly (control)', async () => {
    const response = await fetch(`${listener.origin}/control`);
    expect(await response.text()).toBe('reached');
    expect(listener.requests).toEqual(['GET /control']);
    listener.requests.length = 0;
  });

  it('prints each reference alone without reaching the listener', async () => {
    const before = listener.connections();
    for (const [name, { head = '', body = '' }] of Object.entries(references(listener.origin, listener.port))) {
      const marker = `marker ${name}`;
      const printed = await engine.print(document(head, body, marker));
      expect(isPdf(printed.bytes), name).toBe(true);
      expect(pdfText(printed.bytes), name).toContain(marker);
    }
    await delay(300);
    expect(listener.requests).toEqual([]);
    expect(listener.connections() - before).toBe(0);
  });

  it('prints all references in one document without reaching the listener', async () => {
    const before = listener.connections();
    const all = Object.values(references(listener.origin, listener.port));
    // <base> must come first in <head> to apply to what follows; the relative case has it.
    const printed = await engine.print(document(all.map((r) => r.head ?? '').join(''), all.map((r) => r.body ?? '').join(''), 'all at once'));
    expect(pdfPages(printed.bytes)).toBe(printed.pages);
    expect(pdfText(printed.bytes)).toContain('all at once');
    await delay(300);
    expect(listener.requests).toEqual([]);
    expect(listener.connections() - before).toBe(0);
  });

  it('leaves the reused page on its own origin, so the shipped fonts still load', async () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><style>
      @font-face { font-family: 'Qujat Sans'; src: url(/fonts/LiberationSans-Regular.ttf) format('truetype'); }
      body { font-family: 'Qujat Sans'; }</style></head><body><p>Сәлем, Қазақстан</p></body></html>`;
    const printed = await engine.print(html);
    expect(tracked.browsers).toHaveLength(1);
    expect(pdfFonts(printed.bytes).map((f) => f.baseName)).toEqual(['LiberationSans']);
    expect(pdfText(printed.bytes)).toContain('Сәлем, Қазақстан');
  });
});
