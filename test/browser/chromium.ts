/**
 * Browser-test support: Debian's chromium driven by playwright-core, one browser per test file.
 * playwright's launch() gives every browser a fresh temporary profile (its own
 * --user-data-dir), so no state carries over between runs.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where screenshots and the exported files the browser opens are written (gitignored). */
export const ARTIFACTS = resolve('test-artifacts');

/** The browser the tests drive. */
export const CHROMIUM = process.env.THREADSIM_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Start headless chromium. */
export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium, as .ci/run does) or set THREADSIM_CHROMIUM to a Chromium binary`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 30_000 });
}

/** A page and everything it reported: console errors, uncaught exceptions, dialogs, requests. */
export interface Watched {
  readonly page: Page;
  readonly errors: string[];
  readonly dialogs: string[];
  /** Every URL the page requested other than the file it was opened from. */
  readonly requests: string[];
}

/** Open `url` in a new page, recording errors, dialogs and requests from the start. */
export async function open(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const page = await browser.newPage({ viewport });
  const watched: Watched = { page, errors: [], dialogs: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') watched.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => watched.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (r.url() !== url) watched.requests.push(r.url());
  });
  await page.goto(url);
  return watched;
}

/** Write `content` under test-artifacts/ and return its file URL. */
export function artifact(name: string, content: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  writeFileSync(path, content);
  return pathToFileURL(path).href;
}

/** The path of a screenshot under test-artifacts/. */
export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** The little of the DOM that code run inside pages uses (the project compiles without DOM types). */
export interface PageDocument {
  querySelector(selector: string): { click(): void; readonly textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ readonly textContent: string | null }>;
}
