/**
 * Keep the screen on while reading: a recording navigator.wakeLock (injected, the app's code
 * untouched) shows what Quire asks for as the reader opens a work, leaves it, hides and shows
 * the page, and stops turning pages for the idle limit (Playwright's clock, no real wait).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, openWork, panelReady, press, showControls, WORKS } from './app';
import { browserAndServer, newContext, trackForeignRequests, trackPageErrors } from './harness';

const suite = browserAndServer();

/** Runs in the page before Quire: a wake lock that records requests and releases, and a visibility the test sets. */
function stubDevice(options: { supported: boolean }) {
  const w = window as unknown as { quireWake: { log: string[]; held: () => number; setVisibility: (v: DocumentVisibilityState) => void } };
  const log: string[] = [];
  const sentinels: { released: boolean }[] = [];
  let visibility: DocumentVisibilityState = 'visible';
  Object.defineProperty(Document.prototype, 'visibilityState', { get: () => visibility, configurable: true });
  Object.defineProperty(Document.prototype, 'hidden', { get: () => visibility === 'hidden', configurable: true });
  const wakeLock = {
    request(type: string) {
      log.push(`request ${type}`);
      const sentinel = Object.assign(new EventTarget(), {
        type,
        released: false,
        onrelease: null,
        release() {
          if (!sentinel.released) {
            sentinel.released = true;
            log.push('release');
            sentinel.dispatchEvent(new Event('release'));
          }
          return Promise.resolve();
        },
      });
      sentinels.push(sentinel);
      return Promise.resolve(sentinel);
    },
  };
  // Where the API is missing (iOS home-screen apps before 18.4) navigator.wakeLock is undefined.
  Object.defineProperty(Navigator.prototype, 'wakeLock', { get: () => (options.supported ? wakeLock : undefined), configurable: true });
  w.quireWake = {
    log,
    held: () => sentinels.filter((s) => !s.released).length,
    // No automatic release on hidden: the test sees Quire release the lock itself.
    setVisibility(v) {
      visibility = v;
      document.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

async function open(options: { supported: boolean }): Promise<{ context: BrowserContext; page: Page; errors: string[]; foreign: string[] }> {
  const context = await newContext(suite.browser);
  const foreign = trackForeignRequests(context, new URL(suite.server.url).origin);
  await context.addInitScript(stubDevice, options);
  await context.clock.install();
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(suite.server.url);
  await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
  return { context, page, errors, foreign };
}

const log = (page: Page) => page.evaluate(() => (window as unknown as { quireWake: { log: string[] } }).quireWake.log.slice());
const held = (page: Page) => page.evaluate(() => (window as unknown as { quireWake: { held: () => number } }).quireWake.held());
const setVisibility = (page: Page, v: 'visible' | 'hidden') =>
  page.evaluate((state) => (window as unknown as { quireWake: { setVisibility: (s: string) => void } }).quireWake.setVisibility(state), v);

/** Waits until the log has `n` entries and returns them. */
async function logOf(page: Page, n: number): Promise<string[]> {
  await expect.poll(async () => (await log(page)).length, { timeout: 5_000 }).toBeGreaterThanOrEqual(n);
  return log(page);
}

async function toLibrary(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
}

async function openSettings(page: Page) {
  const ok = page.getByRole('group', { name: 'Offline reading' }).getByRole('button', { name: 'OK' });
  if (await ok.isVisible()) await ok.click();
  if (await page.locator('.reader').count()) await showControls(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  return panelReady(page, 'Settings');
}

describe('keep the screen on while reading', () => {
  it('asks on opening a work, lets go in the library, on hidden and after 10 idle minutes, asks again on visible and on the next turn', async () => {
    const { context, page, errors, foreign } = await open({ supported: true });
    expect(await log(page), 'nothing asked in the library').toEqual([]);

    await openWork(page, WORKS.long.title);
    expect(await logOf(page, 1)).toEqual(['request screen']);
    expect(await held(page)).toBe(1);

    await toLibrary(page);
    expect(await logOf(page, 2)).toEqual(['request screen', 'release']);
    expect(await held(page)).toBe(0);

    await openWork(page, WORKS.long.title);
    await logOf(page, 3);
    await setVisibility(page, 'hidden');
    expect(await logOf(page, 4)).toEqual(['request screen', 'release', 'request screen', 'release']);
    expect(await held(page)).toBe(0);
    await setVisibility(page, 'visible');
    expect((await logOf(page, 5))[4]).toBe('request screen');
    expect(await held(page)).toBe(1);

    // Idle: just under the limit it holds; a page turn starts the ten minutes again.
    await page.clock.fastForward('09:50');
    expect(await held(page)).toBe(1);
    await press(page, 'ArrowRight');
    await page.clock.fastForward('09:50');
    expect(await held(page), 'a page turn restarts the idle time').toBe(1);
    await page.clock.fastForward('00:20');
    expect((await logOf(page, 6))[5]).toBe('release');
    expect(await held(page)).toBe(0);
    // The reader wakes up and turns a page: the screen is kept on again.
    await press(page, 'ArrowRight');
    expect((await logOf(page, 7))[6]).toBe('request screen');
    expect(await held(page)).toBe(1);

    // Turning the setting off lets go at once.
    const dialog = await openSettings(page);
    const toggle = dialog.getByRole('checkbox', { name: 'Keep screen on while reading' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    expect((await logOf(page, 8))[7]).toBe('release');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('with the setting off, never asks', async () => {
    const { context, page, errors } = await open({ supported: true });
    const dialog = await openSettings(page);
    await dialog.getByRole('checkbox', { name: 'Keep screen on while reading' }).uncheck();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await openWork(page, WORKS.long.title);
    await press(page, 'ArrowRight');
    await setVisibility(page, 'hidden');
    await setVisibility(page, 'visible');
    await press(page, 'ArrowRight');
    await page.clock.fastForward('10:30');
    await press(page, 'ArrowRight');
    await toLibrary(page);
    await openWork(page, WORKS.short.title);
    // A frame for anything asynchronous to land.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(undefined))));
    expect(await log(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('where the API is missing, the setting says so instead of pretending', async () => {
    const { context, page, errors } = await open({ supported: false });
    const dialog = await openSettings(page);
    const toggle = dialog.getByRole('checkbox', { name: 'Keep screen on while reading' });
    expect(await toggle.isDisabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    expect(await dialog.getByText('This browser can’t keep the screen on for Quire').count()).toBe(1);
    await page.keyboard.press('Escape');
    await openWork(page, WORKS.long.title);
    expect(errors).toEqual([]);
    await context.close();
  });
});
