/** Phones as they are: Safari's notes and hand-off, the installed app's "Paste reading from Safari", the export reminder, the Continue shortcut. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, openApp, openWork, panelReady, place, placeKey, press, storedPosition, WORKS } from './app';
import { browserAndServer } from './harness';

const suite = browserAndServer();

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const CLIPBOARD = ['clipboard-read', 'clipboard-write'];


async function library(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
}

describe('iOS: Safari and the Home Screen app', () => {
  it('Safari says once that it may clear data, and its Add to Home Screen steps copy the reading; the installed app pastes it', async () => {
    const safari = await openApp(suite.browser, suite.server, { userAgent: IPHONE_SAFARI, permissions: CLIPBOARD, hasTouch: true });
    let page = safari.page;
    const note = page.getByRole('region', { name: 'Safari may clear your reading' });
    await note.waitFor();
    expect(await note.textContent()).toMatch(/7 days.*Home Screen.*export/);
    expect(await axeViolations(page)).toEqual([]);
    await note.getByRole('button', { name: 'OK' }).click();
    await note.waitFor({ state: 'detached' });

    await openWork(page, WORKS.long.title);
    let p = await place(page);
    for (let i = 0; i < 3; i++) p = await press(page, 'ArrowRight');
    await expect.poll(async () => placeKey(await storedPosition(page, WORKS.long.id)), { timeout: 5_000 }).toBe(placeKey(p));
    await page.keyboard.press('Escape');
    await library(page);
    // Once: not again on the next visit.
    await page.reload();
    await library(page);
    expect(await note.count()).toBe(0);

    await page.getByText('Install Quire on this device').click();
    const steps = page.locator('details.install-prompt__ios');
    await steps.getByRole('button', { name: 'Copy my reading' }).click();
    const code = await steps.getByLabel('Your transfer code').inputValue();
    expect(code).toMatch(/^QUIRE1:/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    expect(safari.errors).toEqual([]);
    await safari.context.close();

    // The Home Screen app: its own, empty storage; the clipboard holds the code from Safari.
    const app = await openApp(suite.browser, suite.server, { userAgent: IPHONE_SAFARI, permissions: CLIPBOARD, hasTouch: true });
    page = app.page;
    await app.context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true, configurable: true }));
    await page.reload();
    await library(page);
    expect(await page.getByRole('region', { name: 'Safari may clear your reading' }).count(), 'installed: no Safari note').toBe(0);
    const offer = page.getByRole('region', { name: 'Reading from Safari' });
    await offer.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate((text) => navigator.clipboard.writeText(text), code);
    await offer.getByRole('button', { name: 'Paste reading from Safari' }).click();
    await expect.poll(() => offer.getByRole('status').first().textContent(), { timeout: 5_000 }).toMatch(/^Imported 1 place/);
    expect(placeKey(await storedPosition(page, WORKS.long.id))).toBe(placeKey(p));
    await openWork(page, WORKS.long.title);
    expect(await place(page)).toEqual(p);
    expect(app.errors).toEqual([]);
    expect(app.foreign).toEqual([]);
    await app.context.close();
  });

  it('a bad code pasted from the clipboard says so and brings in nothing', async () => {
    const app = await openApp(suite.browser, suite.server, { userAgent: IPHONE_SAFARI, permissions: CLIPBOARD });
    const page = app.page;
    await app.context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true, configurable: true }));
    await page.reload();
    const offer = page.getByRole('region', { name: 'Reading from Safari' });
    await offer.waitFor();
    await page.evaluate(() => navigator.clipboard.writeText('QUIRE1:AAAA'));
    await offer.getByRole('button', { name: 'Paste reading from Safari' }).click();
    await expect.poll(() => offer.getByRole('status').first().textContent(), { timeout: 5_000 }).toMatch(/damaged or incomplete.*Nothing was changed/);
    // The box for pasting by hand is offered instead.
    await offer.getByLabel('Paste the code from Safari').waitFor();
    expect(await storedPosition(page, WORKS.long.id)).toBeNull();
    await app.context.close();
  });
});

describe('the export reminder', () => {
  it('shows when storage may be cleared and the reading is over 30 days without an export; Not now quiets it, an export ends it', async () => {
    const { context, page, errors } = await openApp(suite.browser, suite.server);
    // Headless Chromium does not grant persistence: the reminder's condition holds.
    expect(await page.evaluate(() => navigator.storage.persisted())).toBe(false);
    await openWork(page, WORKS.long.title);
    await press(page, 'ArrowRight');
    await page.keyboard.press('Escape');
    await library(page);
    const reminder = page.getByRole('region', { name: 'Export reminder' });
    expect(await reminder.count(), 'reading for minutes is no reason for a reminder').toBe(0);

    // Forty days later (the first sight of reading data moved back, as a clock would).
    await page.evaluate(() => localStorage.setItem('quire:seen:reading-data-since:at', String(Date.now() - 40 * 24 * 3600 * 1000)));
    await page.reload();
    await reminder.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await reminder.getByRole('button', { name: 'Not now' }).click();
    await reminder.waitFor({ state: 'detached' });
    await page.reload();
    await library(page);
    expect(await reminder.count(), 'dismissed: quiet for 30 days').toBe(0);

    await page.evaluate(() => localStorage.removeItem('quire:seen:export-reminder-dismissed:at'));
    await page.reload();
    await reminder.waitFor();
    const downloading = page.waitForEvent('download');
    await reminder.getByRole('button', { name: 'Export reading data' }).click();
    expect((await downloading).suggestedFilename()).toMatch(/^quire-reading-data-\d{4}-\d{2}-\d{2}\.json$/);
    await reminder.waitFor({ state: 'detached' });
    await page.reload();
    await library(page);
    expect(await reminder.count()).toBe(0);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const today = await page.evaluate(() => new Date().toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' }));
    await page.getByRole('dialog', { name: 'Settings' }).getByText(`Last exported on ${today}.`).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the Continue reading shortcut', () => {
  it('/#/continue opens the last-read work at its place, and Back does not come back to it', async () => {
    const { context, page, errors } = await openApp(suite.browser, suite.server);
    expect(await page.evaluate(() => location.hash)).toBe('');
    await page.goto(new URL('/#/continue', suite.server.url).href);
    await library(page);
    expect(await page.evaluate(() => location.hash), 'nothing read yet: the library').toBe('#/');

    await openWork(page, WORKS.short.title);
    await press(page, 'ArrowRight');
    await page.keyboard.press('Escape');
    await library(page);
    await openWork(page, WORKS.long.title);
    const p = await press(page, 'ArrowRight');
    await expect.poll(async () => placeKey(await storedPosition(page, WORKS.long.id)), { timeout: 5_000 }).toBe(placeKey(p));
    await page.keyboard.press('Escape');
    await library(page);

    // A cold start from the shortcut (a new window), after a hash change in a running one (above).
    const cold = await context.newPage();
    await cold.goto(new URL('/#/continue', suite.server.url).href);
    await cold.locator('article.reader-content[data-place-block]').waitFor();
    expect(await cold.evaluate(() => location.hash)).toBe(`#/read/${WORKS.long.id}`);
    expect(await place(cold)).toEqual(p);
    // In the running window: the hash changes to #/continue, the reader opens, Back leaves it.
    await page.evaluate(() => {
      location.hash = '#/continue';
    });
    await page.locator('article.reader-content[data-place-block]').waitFor();
    expect(await page.evaluate(() => location.hash)).toBe(`#/read/${WORKS.long.id}`);
    await page.goBack();
    await library(page);
    expect(await page.evaluate(() => location.hash)).not.toBe('#/continue');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('page-turner remotes and keyboards', () => {
  it('Enter, media keys, Page and arrow keys turn pages; ? opens the Keyboard shortcuts sheet, which lists them', async () => {
    const { context, page, errors } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const start = await place(page);
    const forward = ['Enter', 'MediaTrackNext', 'PageDown', 'ArrowDown', 'ArrowRight', 'Space'];
    let at = start;
    for (const k of forward) {
      const next = await press(page, k);
      expect(placeKey(next), `${k} turns forward`).not.toBe(placeKey(at));
      at = next;
    }
    for (const k of ['MediaTrackPrevious', 'PageUp', 'ArrowUp', 'ArrowLeft', 'Shift+Space']) {
      const back = await press(page, k);
      expect(placeKey(back), `${k} turns back`).not.toBe(placeKey(at));
      at = back;
    }
    await page.keyboard.press('?');
    const sheet = await panelReady(page, 'Keyboard shortcuts');
    const text = (await sheet.textContent()) ?? '';
    for (const label of ['Next page', 'Previous page', 'Enter', 'Next track (media key)', 'Previous track (media key)', 'Page Down', 'Page Up', 'Space', 'Esc']) {
      expect(text, label).toContain(label);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    expect(await page.locator('article.reader-content').count(), 'Escape closed the sheet, not the reader').toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
