/**
 * After one online visit, Quire works with the server gone. The lead extends `offlineChecks`
 * with the library, both works (every section), settings and the saved place once the reader lands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { distDir, launchBrowser, newContext, startServer, trackForeignRequests, trackPageErrors, type Server } from './harness';
import { isVisible, openWork, place, press, showControls, visibleText, waitForPlace, WORKS } from './app';
import { goOffline, readPrecache, waitForPrecache, waitForServiceWorker } from './pwa';

describe('offline, with the server stopped', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let foreign: string[];
  const failed: string[] = [];
  const notFromWorker: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser);
    foreign = trackForeignRequests(context, new URL(server.url).origin);
    page = await context.newPage();
    errors = trackPageErrors(page);
    // A new document aborts what the one it replaces was still fetching (the idle preload of the lazy
    // chunks, say): that is no failure to load offline. Any other failure, an abort within one document included, counts.
    // (A new document comes with a navigation request; a route change inside the page has none.)
    let documents = 0;
    let navigating = false;
    const startedIn = new Map<Request, number>();
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigating = true;
      else startedIn.set(request, documents);
    });
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame() || !navigating) return;
      navigating = false;
      documents++;
    });
    page.on('requestfailed', (request) => {
      const error = request.failure()?.errorText ?? 'failed';
      // Aborted while the next document was on its way, or started by one that has gone since.
      if (error === 'net::ERR_ABORTED' && (navigating || (startedIn.get(request) ?? documents) < documents)) return;
      failed.push(`${request.url()} (${error})`);
    });
    await page.goto(server.url);
    await waitForServiceWorker(page);
    await waitForPrecache(page, await readPrecache(distDir()));
    await goOffline(server);
    // Hashed assets are cached for a year by HTTP too: empty that cache, so what loads can only come from the worker.
    await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
    page.on('response', (response) => {
      if (!response.fromServiceWorker()) notFromWorker.push(response.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('reloads the app shell from the service worker', async () => {
    const response = await page.reload();
    expect(response?.fromServiceWorker(), 'the page did not come from the service worker').toBe(true);
    // The shell's script ran (it came from the precache too): the app rendered something.
    await page.locator('#app > *').first().waitFor({ timeout: 15_000 });
    expect(await page.title()).toBe('Quire');
  });

  it('opens a deep link offline (navigation fallback)', async () => {
    const response = await page.goto(new URL('some/path', server.url).href);
    expect(response?.fromServiceWorker()).toBe(true);
    await page.locator('#app > *').first().waitFor({ timeout: 15_000 });
  });

  it('shows the quiet offline indicator once the network is gone', async () => {
    // A stopped server does not flip navigator.onLine; the indicator follows the browser's network state.
    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor({ timeout: 15_000 });
    await context.setOffline(false);
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('shows the library with both works', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    for (const work of Object.values(WORKS)) {
      expect(await page.getByRole('link', { name: work.title, exact: true }).isVisible()).toBe(true);
    }
  });

  it('opens both works and every one of their sections', async () => {
    for (const work of Object.values(WORKS)) {
      await page.goto(server.url);
      await openWork(page, work.title);
      await showControls(page);
      await page.getByRole('button', { name: 'Contents' }).click();
      const sections = await page.locator('.contents-item').count();
      expect(sections).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      for (let i = 0; i < sections; i++) {
        await showControls(page);
        await page.getByRole('button', { name: 'Contents' }).click();
        const item = page.locator('.contents-item').nth(i);
        const title = (await item.locator('.contents-title').innerText()).replace(/\(section name added by this app\)/, '').trim();
        await item.click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        await page.waitForFunction((t) => document.querySelector('.reader-section')?.textContent?.trim() === t, title);
        expect((await visibleText(page)).trim().length, `${work.title}, section ${i + 1} shows text`).toBeGreaterThan(100);
      }
    }
  });

  it('changes a setting and keeps it across a reload', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: 'Sepia' }).check();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('sepia');
    await page.reload();
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('sepia');
  });

  it('restores the saved place and keeps saving it', async () => {
    await page.goto(server.url);
    await openWork(page, WORKS.long.title);
    let p = await place(page);
    for (let i = 0; i < 4; i++) p = await press(page, 'ArrowRight');
    await page.reload();
    expect(await waitForPlace(page)).toEqual(p);
    for (let i = 0; i < 2; i++) p = await press(page, 'ArrowRight');
    await page.reload();
    expect(await waitForPlace(page)).toEqual(p);
    expect(await isVisible(page, p)).toBe(true);
  });

  it('loaded everything from the service worker: no failed request, no other origin, no page error', () => {
    expect(notFromWorker, `not served by the service worker: ${notFromWorker.join(', ')}`).toEqual([]);
    expect(failed, `failed: ${failed.join(', ')}`).toEqual([]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
