/**
 * Issue 11: the app renders while IndexedDB opens. Another tab holding the database at the old
 * version, or an open() that never answers, must not leave a blank page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, openWork, type Place, place, placeKey, press, storedPosition, waitForPlace, WORKS } from './app';
import { browserAndServer, newContext, trackPageErrors } from './harness';

const suite = browserAndServer();


async function turns(page: Page, n: number): Promise<Place> {
  let p = await place(page);
  for (let i = 0; i < n; i++) p = await press(page, 'ArrowRight');
  return p;
}

/** An "old Quire" tab: opens 'quire' at version 2 (the old schema) and ignores versionchange. */
function holdOldVersion(): void {
  const request = indexedDB.open('quire', 2);
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore('positions', { keyPath: 'workId' });
    db.createObjectStore('settings');
    db.createObjectStore('acknowledgements', { keyPath: 'workId' });
    db.createObjectStore('speedSamples', { keyPath: 'id', autoIncrement: true }).createIndex('workId', 'workId');
    db.createObjectStore('bookmarks', { keyPath: 'id' }).createIndex('workId', 'workId');
  };
  request.onsuccess = () => {
    request.result.onversionchange = () => {}; // an old build that never lets go
    (globalThis as { oldQuire?: IDBDatabase }).oldQuire = request.result;
  };
}

/** An indexedDB.open() whose request never reports anything (it opens another database, unheard). */
function openNeverAnswers(): void {
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    const request = open.call(this, `${name}-unheard`, version);
    request.addEventListener = () => {};
    return request;
  };
}

describe('storage: render first, then open storage', () => {
  it('another tab holds the old version: this tab renders, says why, reads, and saves once the old tab closes', async () => {
    const context = await newContext(suite.browser, { serviceWorkers: 'block' });
    // The old tab, first: any page of the origin that isn't the app (here a 404), holding v2 open.
    const old = await context.newPage();
    await old.addInitScript(holdOldVersion);
    await old.goto(new URL('old-quire.txt', suite.server.url).href);
    await old.waitForFunction(() => 'oldQuire' in globalThis);

    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(suite.server.url);
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    const note = page.locator('.storage-note');
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toMatch(/^Quire is open in another tab with an older version: close it to finish updating/);
    expect(await axeViolations(page)).toEqual([]);

    await openWork(page, WORKS.long.title);
    const p = await turns(page, 4);
    // (No peeking into the database here: an open now would queue behind the blocked upgrade.)

    await old.close();
    await expect.poll(async () => placeKey(await storedPosition(page, WORKS.long.id)), { timeout: 10_000 }).toBe(placeKey(p));
    await expect.poll(() => note.textContent(), { timeout: 5_000 }).toBe('');
    // And from now on the place saves as usual.
    const later = await turns(page, 2);
    await expect.poll(async () => placeKey(await storedPosition(page, WORKS.long.id)), { timeout: 5_000 }).toBe(placeKey(later));
    await page.reload();
    expect(placeKey(await waitForPlace(page))).toBe(placeKey(later));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('indexedDB.open() never answers: the reader renders within the timeout, with a message, and reads on', async () => {
    const context = await newContext(suite.browser, { serviceWorkers: 'block' });
    await context.addInitScript(openNeverAnswers);
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(`${suite.server.url}#/read/${WORKS.short.id}`);
    const cont = page.getByRole('button', { name: 'Continue' });
    const article = page.locator('article.reader-content [data-block]').first();
    await Promise.race([cont.waitFor(), article.waitFor()]);
    if (await cont.isVisible()) await cont.click();
    const start = await waitForPlace(page);
    await expect.poll(() => page.locator('.storage-note').textContent(), { timeout: 5_000 }).toMatch(/storage on this device isn't answering/);
    const p = await press(page, 'ArrowRight');
    expect(placeKey(p)).not.toBe(placeKey(start));
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
