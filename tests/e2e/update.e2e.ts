/**
 * The update flow: v1 is served and read, v2 is deployed, the app notices, "Reload" brings v2;
 * a second open tab is neither reloaded under its reader nor broken.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, startServer, trackForeignRequests, trackPageErrors, type Server } from './harness';
import { isVisible, place, press, waitForPlace, WORKS, type Place } from './app';
import { buildVersion, pageBuildId, waitForServiceWorker } from './pwa';

const NOTICE = 'A new version of Quire is ready';

/** Opens the long work and reads into its middle (a scrubber jump, then a few pages). */
async function readToTheMiddle(page: Page): Promise<Place> {
  await page.getByRole('link', { name: WORKS.long.title, exact: true }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await waitForPlace(page);
  await page.getByLabel('Position in work').fill('500');
  await page.getByRole('button', { name: 'Back to where you were', exact: true }).waitFor();
  // Keys go to the page again, not to the scrubber.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  let p = await place(page);
  for (let i = 0; i < 3; i++) p = await press(page, 'ArrowRight');
  return p;
}

/** The reader shows exactly that place after the reload. */
async function expectSamePlace(page: Page, expected: Place): Promise<void> {
  expect(await waitForPlace(page)).toEqual(expected);
  expect(await isVisible(page, expected)).toBe(true);
}

/** Marks a page so a later check can tell whether it was reloaded. */
function mark(page: Page): Promise<void> {
  return page.evaluate(() => {
    (window as { quireTestMark?: boolean }).quireTestMark = true;
  });
}

function isMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as { quireTestMark?: boolean }).quireTestMark === true);
}

/** The app's own "visible again" update check (the same path as returning to the tab). */
function becomeVisibleAgain(page: Page): Promise<void> {
  return page.evaluate(() => void document.dispatchEvent(new Event('visibilitychange')));
}

describe('updating from v1 to v2', () => {
  const stamp = Date.now().toString(36);
  const v1 = `e2e-v1-${stamp}`;
  const v2 = `e2e-v2-${stamp}`;
  let work: string;
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let reader: Page;
  let other: Page;
  const errors: string[] = [];
  let foreign: string[];
  let reached: Place;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'quire-update-'));
    // Two builds, one after the other (two cores are shared).
    await buildVersion(join(work, 'v1'), v1);
    await buildVersion(join(work, 'v2'), v2);
    server = await startServer(join(work, 'v1'));
    browser = await launchBrowser();
    context = await newContext(browser);
    foreign = trackForeignRequests(context, new URL(server.url).origin);

    reader = await context.newPage();
    errors.push(...trackPageErrors(reader));
    await reader.goto(server.url);
    await waitForServiceWorker(reader);
    reached = await readToTheMiddle(reader);
    expect(reached.section).toBe('story');

    other = await context.newPage();
    errors.push(...trackPageErrors(other));
    await other.goto(server.url);
    await waitForServiceWorker(other);
    await Promise.all([mark(reader), mark(other)]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('serves v1 first', async () => {
    expect(await pageBuildId(reader)).toBe(v1);
    expect(await pageBuildId(other)).toBe(v1);
  });

  it('shows the notice when an update check finds v2, and reloads nothing by itself', async () => {
    server.setRoot(join(work, 'v2'));
    await becomeVisibleAgain(reader);
    await reader.getByText(NOTICE).waitFor({ timeout: 60_000 });
    // The other tab shares the registration: it hears of the new version too.
    await other.getByText(NOTICE).waitFor({ timeout: 60_000 });
    expect(await isMarked(reader), 'the reading tab reloaded without being asked').toBe(true);
    expect(await isMarked(other), 'the other tab reloaded without being asked').toBe(true);
  });

  it('is a quiet, accessible notice that does not take focus', async () => {
    expect(await reader.evaluate(() => document.activeElement === document.body || document.activeElement === null)).toBe(true);
    const results = await new AxeBuilder({ page: reader }).include('.update-notices').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // Keyboard: Reload is reachable with Tab.
    const reload = reader.getByRole('button', { name: 'Reload' });
    await reload.focus();
    expect(await reload.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('"Reload" writes the place first, then brings v2, once', async () => {
    // One more page turned right before "Reload": only the flush before reloading can have saved it.
    reached = await press(reader, 'ArrowRight');
    let navigations = 0;
    reader.on('framenavigated', (frame) => {
      if (frame === reader.mainFrame()) navigations += 1;
    });
    await Promise.all([
      reader.waitForEvent('load'),
      reader.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await reader.waitForFunction((id) => document.querySelector('meta[name="quire-build"]')?.getAttribute('content') === id, v2, { timeout: 30_000 });
    await waitForServiceWorker(reader);
    await expectSamePlace(reader, reached);
    // A reload loop (the new page reloading itself again, e.g. on its own controllerchange) would count twice.
    await reader.evaluate(() => new Promise((done) => setTimeout(done, 1000)));
    expect(navigations).toBe(1);
    expect(await reader.getByText(NOTICE).count()).toBe(0);
  });

  it('leaves the other tab working: not reloaded, still offering the update, still served', async () => {
    expect(await isMarked(other), 'the other tab reloaded under its reader').toBe(true);
    await other.getByText(NOTICE).waitFor({ timeout: 30_000 });
    expect(await other.locator('#app > *').count()).toBeGreaterThan(0);
    const status = await other.evaluate(async () => (await fetch('/index.html')).status);
    expect(status).toBe(200);
    // Its own "Reload" now simply reloads into v2 (the new worker is already active).
    await Promise.all([other.waitForEvent('load'), other.getByRole('button', { name: 'Reload' }).click()]);
    await other.waitForFunction((id) => document.querySelector('meta[name="quire-build"]')?.getAttribute('content') === id, v2, { timeout: 30_000 });
  });

  it('made no request to another origin and no page error', () => {
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
