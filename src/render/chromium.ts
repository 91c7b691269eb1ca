/**
 * Where Chromium is and how it is started. Order: the configured path (QUJAT_CHROMIUM or
 * PUPPETEER_EXECUTABLE_PATH), a system chromium or google-chrome on PATH, puppeteer's browser
 * cache. Puppeteer's own download is never needed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { defineError } from '../domain/index.js';

/** ChromiumNotFoundError: nothing to render with; its params say what was looked at. */
export const ChromiumNotFoundError = defineError<{ searched: readonly string[] }>('CHROMIUM_NOT_FOUND', 'unavailable');

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/** CHROMIUM_FLAGS: headless, and nothing that reaches the network on its own (this machine has none to spare). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
  '--hide-scrollbars',
  '--font-render-hinting=none',
] as const;

/**
 * RENDER_ISOLATION_FLAGS: request interception stops requests, not the sockets Chromium opens
 * ahead of them (preconnect, iframe and object navigations), so a render browser resolves no
 * host at all, IP literals included. Browsers that drive our own pages (tests) go without.
 */
export const RENDER_ISOLATION_FLAGS = ['--host-resolver-rules=MAP * ~NOTFOUND'] as const;

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function puppeteerCacheCandidates(home: string): string[] {
  const candidates: string[] = [];
  for (const [product, binary] of [
    ['chrome', 'chrome'],
    ['chrome-headless-shell', 'chrome-headless-shell'],
  ] as const) {
    const root = path.join(home, '.cache', 'puppeteer', product);
    if (!fs.existsSync(root)) continue;
    for (const version of fs.readdirSync(root).sort().reverse()) {
      const versionDir = path.join(root, version);
      for (const platformDir of fs.readdirSync(versionDir)) {
        candidates.push(path.join(versionDir, platformDir, binary));
      }
    }
  }
  return candidates;
}

/** ChromiumSearch says where Chromium was looked for, for the error that tells an operator what to do. */
export interface ChromiumSearch {
  readonly found: string | null;
  readonly searched: readonly string[];
}

/** locateChromium finds a Chromium to launch, in the documented order. */
export function locateChromium(configured: string | undefined, envPath = process.env.PATH ?? '', home = os.homedir()): ChromiumSearch {
  const searched: string[] = [];
  if (configured) {
    searched.push(configured);
    return { found: isExecutable(configured) ? configured : null, searched };
  }
  for (const name of SYSTEM_NAMES) {
    for (const dir of envPath.split(path.delimiter).filter(Boolean)) {
      const candidate = path.join(dir, name);
      searched.push(candidate);
      if (isExecutable(candidate)) return { found: candidate, searched };
    }
  }
  for (const candidate of puppeteerCacheCandidates(home)) {
    searched.push(candidate);
    if (isExecutable(candidate)) return { found: candidate, searched };
  }
  return { found: null, searched };
}

/**
 * PROFILE_PREFIX names the browsers' profile directories in the system's temporary directory; the
 * process id after it says whose a directory is, so that a later start can tell a killed
 * service's leftovers from a running service's profiles.
 */
const PROFILE_PREFIX = 'qujat-chromium-';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * removeStaleProfiles deletes the profile directories under `root` whose service process is gone
 * (a server killed before it could remove them) and returns their names. Directories of running
 * processes, and anything not named like ours, are left alone.
 */
export function removeStaleProfiles(root = os.tmpdir()): string[] {
  const stale = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, owner: new RegExp(`^${PROFILE_PREFIX}(\\d+)-[A-Za-z0-9]{6}$`).exec(entry.name)?.[1] }))
    .filter((entry): entry is { name: string; owner: string } => entry.owner !== undefined && !processAlive(Number(entry.owner)));
  for (const { name } of stale) fs.rmSync(path.join(root, name), { recursive: true, force: true, maxRetries: 5 });
  return stale.map((entry) => entry.name);
}

/** LaunchBrowser starts one browser; the pool calls it at start and on every recycle. */
export type LaunchBrowser = () => Promise<Browser>;

/** chromiumLauncher returns a LaunchBrowser for an executable, each browser with its own empty profile. */
export function chromiumLauncher(executablePath: string, options: { readonly isolated?: boolean } = {}): LaunchBrowser {
  const isolation = options.isolated === false ? [] : RENDER_ISOLATION_FLAGS;
  return async () => {
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...CHROMIUM_FLAGS, ...isolation, `--user-data-dir=${userDataDir}`],
      pipe: true,
      protocolTimeout: 60_000,
    });
    browser.once('disconnected', () => {
      fs.promises.rm(userDataDir, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined);
    });
    // A killed or closing browser resets its pipes; puppeteer reports that as a disconnect, but an
    // 'error' event on a pipe stream with no listener would take the whole process down.
    for (const stream of browser.process()?.stdio ?? []) stream?.on('error', () => undefined);
    return browser;
  };
}
