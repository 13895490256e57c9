/** Shared helpers for the e2e suite: a server for the build, a browser, and request tracking. */
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serve } from '../../scripts/serve.mjs';
import { findChrome } from './chrome';

export type Server = Awaited<ReturnType<typeof serve>>;

/** The production build the suite runs against (QUIRE_DIST, default dist/). */
export function distDir(): string {
  return resolve(process.env.QUIRE_DIST ?? 'dist');
}

/** Serves a build on 127.0.0.1 at a free port. */
export function startServer(root = distDir()): Promise<Server> {
  return serve({ root, host: '127.0.0.1', port: 0 });
}

/** Chromium's flags for the suite: no sandbox (root), no GPU, and no traffic of its own to the outside. */
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches the system Chromium headless, with no traffic of its own to the outside. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChrome(),
    headless: true,
    args: CHROME_FLAGS,
  });
}

/** A phone-sized context by default; pass options to change it. */
export function newContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 412, height: 915 }, serviceWorkers: 'allow', ...options });
}

/** Records every request the context makes whose origin is not `origin`. */
export function trackForeignRequests(context: BrowserContext, origin: string): string[] {
  const foreign: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

/** Collects console errors and uncaught page errors, so a test can assert there were none. */
export function trackPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** Registers a file's usual hooks: one browser and one server for the production build, closed after. */
export function browserAndServer(): { readonly browser: Browser; readonly server: Server } {
  let browser: Browser | undefined;
  let server: Server | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The e2e ${what} is not started yet (use it inside a test or hook).`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, 'browser');
    },
    get server() {
      return ready(server, 'server');
    },
  };
}
