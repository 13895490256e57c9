/**
 * Issue 16: what the first screen does not draw comes from its own chunk (src/ui/lazy). Every
 * chunk is preloaded once the first screen is up, so a panel opened later asks for nothing;
 * a panel asked for before its chunk arrived opens its frame at once, keeps the focus and the
 * reader's Escape, and fills in when the chunk arrives; read aloud started early starts then.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openWork, place, placeKey, press, showControls, storedPosition, waitForPlace, WORKS } from './app';
import { browserAndServer, distDir, newContext, trackPageErrors } from './harness';
import { installSpeechStandIn, spoken } from './speech-standin';

const suite = browserAndServer();


/** The build's scripts under assets/ but the search worker (it starts with the first search, in its own thread). */
async function builtScripts(): Promise<string[]> {
  const names = await readdir(join(distDir(), 'assets'));
  return names.filter((n) => n.endsWith('.js') && !n.startsWith('worker-')).map((n) => `/assets/${n}`);
}

/** Script paths the page asked for, in order (but the search worker's, which the first search starts). */
function trackScripts(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/assets/') && pathname.endsWith('.js') && !pathname.startsWith('/assets/worker-')) asked.push(pathname);
  });
  return asked;
}

/** Holds every request for one chunk (by its name before the hash) until released. */
async function holdChunk(context: BrowserContext, name: string): Promise<{ release: () => Promise<void>; path: () => string }> {
  const held: Route[] = [];
  let released = false;
  let path = '';
  await context.route(new RegExp(`/assets/${name}-[\\w-]+\\.js$`), (route) => {
    path = new URL(route.request().url()).pathname;
    if (released) void route.continue();
    else held.push(route);
  });
  return {
    async release() {
      released = true;
      await Promise.all(held.splice(0).map((r) => r.continue()));
    },
    path: () => path,
  };
}

/** Resolves once the page has run the chunk at `path` and drawn two frames since (all that waited for it has run). */
function chunkRun(page: Page, path: string): Promise<void> {
  // A string, so the test runner leaves the page's own import() alone.
  return page.evaluate(`import(${JSON.stringify(path)}).then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))`);
}

const focusInDialog = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')));
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('the first load', () => {
  it('registers the service worker only once the first page is painted, and the visit still ends ready to read offline', async () => {
    // The adult-content notice passed without a service worker: the next visit's first screen is the page itself.
    const first = await newContext(suite.browser, { serviceWorkers: 'block' });
    const before = await first.newPage();
    await before.goto(suite.server.url);
    await openWork(before, WORKS.short.title);
    const storageState = await first.storageState({ indexedDB: true });
    await first.close();

    const context = await newContext(suite.browser, { storageState });
    await context.addInitScript(() => {
      const w = window as unknown as { __order: string[] };
      w.__order = [];
      const register = ServiceWorkerContainer.prototype.register;
      ServiceWorkerContainer.prototype.register = function (this: ServiceWorkerContainer, ...args: Parameters<typeof register>) {
        w.__order.push('register');
        return register.apply(this, args);
      };
      new MutationObserver(() => {
        if (!w.__order.includes('page') && document.querySelector('article.reader-content [data-block]')) w.__order.push('page');
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(new URL(`#/read/${WORKS.short.id}`, suite.server.url).href);
    // The first install precaches the whole build: it must not compete with the first page.
    // ('page' is the first page's insertion; registering waits for its paint, or 5 s at most.)
    expect(await page.evaluate(() => navigator.serviceWorker.ready.then(() => true))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __order: string[] }).__order)).toEqual(['page', 'register']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opening a work builds no collator: the shelf makes its own when it first sorts', async () => {
    // Building one loads the locale's collation data on the main thread, before the first page.
    const context = await newContext(suite.browser, { serviceWorkers: 'block' });
    await context.addInitScript(() => {
      const w = window as unknown as { __collators: number };
      w.__collators = 0;
      const Real = Intl.Collator;
      Intl.Collator = function (this: unknown, ...args: ConstructorParameters<typeof Intl.Collator>) {
        w.__collators++;
        return new Real(...args);
      } as unknown as typeof Intl.Collator;
    });
    const page = await context.newPage();
    await page.goto(new URL(`#/read/${WORKS.short.id}`, suite.server.url).href);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('article.reader-content [data-block]').first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __collators: number }).__collators)).toBe(0);
    await context.close();
  });

  it('asks for the main script and the stylesheet before boot.js, not once boot.js has run', async () => {
    // The meta CSP keeps the preload scanner from looking past a blocking script: what comes after boot.js waits for it.
    const context = await newContext(suite.browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(suite.server.url);
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    const asked = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const find = (pattern: RegExp) => entries.find((e) => pattern.test(new URL(e.name).pathname));
      const [boot, main, css] = [find(/^\/boot\.js$/), find(/^\/assets\/index-[^/]+\.js$/), find(/^\/assets\/index-[^/]+\.css$/)];
      return boot && main && css ? { bootArrived: boot.responseEnd, main: main.startTime, css: css.startTime } : null;
    });
    expect(asked).not.toBeNull();
    expect(asked?.main).toBeLessThan(asked?.bootArrived ?? 0);
    expect(asked?.css).toBeLessThan(asked?.bootArrived ?? 0);
    await context.close();
  });

  it('a return visit opens IndexedDB once, from boot.js before the app has rendered, and opens at the stored place', async () => {
    // The app takes boot.js's connection (src/storage/early.ts) rather than opening its own after the main script has run.
    const first = await newContext(suite.browser, { serviceWorkers: 'block' });
    const before = await first.newPage();
    await before.goto(suite.server.url);
    await openWork(before, WORKS.long.title);
    for (let i = 0; i < 3; i++) await press(before, 'ArrowRight');
    const turned = await place(before);
    await expect.poll(async () => placeKey(await storedPosition(before, WORKS.long.id)), { timeout: 5_000 }).toBe(placeKey(turned));
    const storageState = await first.storageState({ indexedDB: true });
    await first.close();

    const context = await newContext(suite.browser, { serviceWorkers: 'block', storageState });
    await context.addInitScript(() => {
      const w = window as unknown as { __opens: { name: string; version: number | null; appRendered: boolean }[] };
      w.__opens = [];
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
        w.__opens.push({ name, version: version ?? null, appRendered: document.querySelector('#app > *') !== null });
        return version === undefined ? open.call(this, name) : open.call(this, name, version);
      };
    });
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(new URL(`#/read/${WORKS.long.id}`, suite.server.url).href);
    expect(placeKey(await waitForPlace(page))).toBe(placeKey(turned));
    // One turn more is stored through the boot's connection.
    const next = await press(page, 'ArrowRight');
    const opens = await page.evaluate(() => (window as unknown as { __opens: unknown[] }).__opens);
    expect(opens).toEqual([{ name: 'quire', version: null, appRendered: false }]);
    await expect.poll(async () => placeKey(await storedPosition(page, WORKS.long.id)), { timeout: 5_000 }).toBe(placeKey(next));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('lazy chunks', () => {
  it('preloads every chunk once the first screen is up, so opening panels then asks for no script', async () => {
    const context = await newContext(suite.browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    const asked = trackScripts(page);
    await page.goto(suite.server.url);
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    const scripts = await builtScripts();
    // Nothing opened: the idle preload alone asks for every chunk.
    await expect.poll(() => scripts.filter((s) => !asked.includes(s)), { timeout: 20_000 }).toEqual([]);
    const before = asked.length;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('radio', { name: 'Sepia' }).waitFor();
    expect(await settings.getByText('Loading…').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('dialog', { name: 'Search' }).getByRole('searchbox').waitFor();
    await page.keyboard.press('Escape');
    expect(asked.slice(before)).toEqual([]);
    // Each chunk was asked for once.
    expect(asked.filter((s, i) => asked.indexOf(s) !== i)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a panel asked for before its chunk arrived opens its frame at once and fills in, the focus inside', async () => {
    const context = await newContext(suite.browser, { serviceWorkers: 'block' });
    const chunk = await holdChunk(context, 'app-settings');
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(suite.server.url);
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('status').filter({ hasText: 'Loading…' }).waitFor();
    expect(await focusInDialog(page)).toBe(true);
    // Busy while it waits, so a screen reader (and a test) knows the content is still coming.
    expect(await dialog.getAttribute('aria-busy')).toBe('true');
    await chunk.release();
    await dialog.getByRole('radio', { name: 'Sepia' }).waitFor();
    expect(await dialog.getByText('Loading…').count()).toBe(0);
    expect(await dialog.getAttribute('aria-busy')).toBeNull();
    expect(await page.getByRole('dialog').count()).toBe(1);
    expect(await focusInDialog(page)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The focus goes back to what opened the panel, through both the frame and the panel.
    expect(await focusedName(page)).toBe('Settings');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Escape on the frame closes it, and the panel does not open by itself when the chunk arrives', async () => {
    const context = await newContext(suite.browser, { serviceWorkers: 'block' });
    const chunk = await holdChunk(context, 'search-panel');
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(suite.server.url);
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('status').filter({ hasText: 'Loading…' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await chunk.release();
    await chunkRun(page, chunk.path());
    expect(await page.getByRole('dialog').count()).toBe(0);
    // Asked for again, it opens with its content at once.
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await dialog.getByRole('searchbox').waitFor();
    expect(await dialog.getByText('Loading…').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('read aloud started before its chunk arrived starts speaking when it does', async () => {
    const context = await newContext(suite.browser, { serviceWorkers: 'block', reducedMotion: 'reduce' });
    await installSpeechStandIn(context);
    const chunk = await holdChunk(context, 'session');
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(suite.server.url);
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    await openWork(page, WORKS.long.title);
    await showControls(page);
    await page.getByRole('button', { name: 'Read aloud' }).click();
    // Held: nothing is said yet, and no bar.
    expect(await spoken(page)).toEqual([]);
    await chunk.release();
    await expect.poll(async () => (await spoken(page)).some((s) => s.started), { timeout: 20_000 }).toBe(true);
    await page.getByRole('region', { name: 'Read aloud' }).getByRole('button', { name: 'Stop reading aloud' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('read aloud whose chunk cannot be loaded says so, and the place stays', async () => {
    const context = await newContext(suite.browser, { serviceWorkers: 'block', reducedMotion: 'reduce' });
    await installSpeechStandIn(context);
    await context.route(/\/assets\/session-[\w-]+\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(suite.server.url);
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    await openWork(page, WORKS.long.title);
    const before = await place(page);
    await showControls(page);
    await page.getByRole('button', { name: 'Read aloud' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Read aloud could not be loaded' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await spoken(page)).toEqual([]);
    expect(await place(page)).toEqual(before);
    await context.close();
  });
});
