/**
 * The e2e tests' browser: a real Chromium whose every tab is a fresh visitor of the server under
 * test, recording what the tabs ask of any other origin and every Content-Security-Policy
 * violation, so that a test can assert that Qujat's pages need nothing from outside and break none
 * of their own policy.
 */
import type { Page, Viewport } from 'puppeteer-core';
import { chromiumLauncher } from '../../src/render/index.js';
import { CHROMIUM } from '../helpers/project.js';

export interface RecordingBrowser {
  /** newPage: a tab in a browser context of its own (its own cookies), closed with the tab. */
  newPage(viewport?: Viewport): Promise<Page>;
  /** external: every URL a tab requested outside the server (data: URLs aside), in order. */
  readonly external: readonly string[];
  /** violations: the CSP violations the tabs reported, from the console and the page's own listener. */
  readonly violations: readonly string[];
  /** visited: the path of every request a tab made to the server. */
  readonly visited: ReadonlySet<string>;
  close(): Promise<void>;
}

// A string, because the tests compile without the DOM library.
const REPORT_VIOLATIONS =
  "document.addEventListener('securitypolicyviolation', (e) => console.error('Content-Security-Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))";

/** launchBrowser starts Chromium for visitors of `serverUrl`; their tabs open at `defaultViewport` unless told otherwise. */
export async function launchBrowser(serverUrl: string, defaultViewport: Viewport = { width: 1200, height: 900 }): Promise<RecordingBrowser> {
  const browser = await chromiumLauncher(CHROMIUM, { isolated: false })();
  // The origin and a slash: the bare URL would also match a port that merely begins with the server's.
  const server = `${new URL(serverUrl).origin}/`;
  const external: string[] = [];
  const violations: string[] = [];
  const visited = new Set<string>();
  return {
    external,
    violations,
    visited,
    async newPage(viewport = defaultViewport) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.once('close', () => void context.close().catch(() => undefined));
      await page.setViewport(viewport);
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith(server)) visited.add(new URL(url).pathname);
        else if (!url.startsWith('data:')) external.push(url);
      });
      page.on('console', (message) => {
        if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
      });
      await page.evaluateOnNewDocument(REPORT_VIOLATIONS);
      return page;
    },
    close: () => browser.close(),
  };
}
