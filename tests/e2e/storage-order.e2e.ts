/**
 * Issue 11: a wrong clock or a file dated in the future never holds the reader's place back.
 * The page's clock is moved with an init script over Date.now (an offset kept in localStorage,
 * so it holds across reloads and can be put right while the page is open).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openWork, type Place, place, placeKey, press, showControls, storedPosition, waitForPlace, WORKS } from './app';
import { browserAndServer, newContext, trackPageErrors } from './harness';

const suite = browserAndServer();
const DAY = 24 * 60 * 60 * 1000;
const OFFSET_KEY = 'quire-e2e-clock-offset';


/** A context whose pages read Date.now() plus the offset stored under OFFSET_KEY. */
async function contextWithClock(): Promise<BrowserContext> {
  const context = await newContext(suite.browser);
  await context.addInitScript((name: string) => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + Number(localStorage.getItem(name) ?? 0);
  }, OFFSET_KEY);
  return context;
}

const setOffset = (page: Page, ms: number) => page.evaluate(([name, value]) => localStorage.setItem(name, String(value)), [OFFSET_KEY, ms] as const);

async function turns(page: Page, n: number): Promise<Place> {
  let p = await place(page);
  for (let i = 0; i < n; i++) p = await press(page, 'ArrowRight');
  return p;
}

async function waitForStored(page: Page, p: Place): Promise<void> {
  await expect.poll(async () => placeKey(await storedPosition(page, WORKS.long.id)), { timeout: 5_000 }).toBe(placeKey(p));
}

describe('storage: places ordered by something a wrong clock cannot break', () => {
  it('clock a day ahead, read; clock corrected, read on, reload: the later place is shown', async () => {
    const context = await contextWithClock();
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(suite.server.url);
    await setOffset(page, DAY);
    await page.reload();
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    expect(await page.evaluate(() => Date.now() - new Date().getTime())).toBeGreaterThan(DAY - 60_000);

    await openWork(page, WORKS.long.title);
    const ahead = await turns(page, 3);
    await waitForStored(page, ahead);

    // The clock is put right while reading; the reader reads on.
    await setOffset(page, 0);
    const later = await turns(page, 4);
    await waitForStored(page, later);

    await page.reload();
    expect(placeKey(await waitForPlace(page))).toBe(placeKey(later));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a file dated 2100: imported with a message naming the dates; the next turns still save', async () => {
    const context = await contextWithClock();
    const page = await context.newPage();
    await page.goto(suite.server.url);
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    await openWork(page, WORKS.long.title);
    const start = await turns(page, 2);
    await waitForStored(page, start);

    // The stored record, moved a page on and dated 2100, as another device's export.
    const stored = await page.evaluate(
      (id) =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          const open = indexedDB.open('quire');
          open.onerror = () => reject(new Error('open failed'));
          open.onsuccess = () => {
            const get = open.result.transaction('positions').objectStore('positions').get(id);
            get.onsuccess = () => {
              open.result.close();
              resolve(get.result as Record<string, unknown>);
            };
          };
        }),
      WORKS.long.id,
    );
    const y2100 = Date.UTC(2100, 0, 1, 12);
    const file = {
      format: 'quire-reading-data',
      version: 1,
      exportedAt: y2100,
      positions: [{ ...stored, offset: 0, updatedAt: y2100, seq: y2100 }],
      settings: null,
      acknowledgements: [],
      speedSamples: [{ workId: WORKS.long.id, words: 250, ms: 60_000, updatedAt: y2100 + DAY }],
      bookmarks: [],
    };
    const path = join(tmpdir(), `quire-e2e-2100-${process.pid}-${Date.now()}.json`);
    await writeFile(path, JSON.stringify(file));

    await showControls(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('Import reading data').setInputFiles(path);
    const result = dialog.locator('.reading-data__import-result');
    await expect.poll(() => result.textContent(), { timeout: 5_000 }).toMatch(/^Imported .*2100-01-01, 2100-01-02/);
    // The storage note says it too, wherever the reader is.
    await expect.poll(() => page.locator('.storage-note').textContent(), { timeout: 5_000 }).toMatch(/dated in the future \(2100-01-01, 2100-01-02\)/);
    const stamped = await readFile(path, 'utf8');
    expect(stamped).toContain(String(y2100)); // the file itself is not rewritten
    await rm(path);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Reading on: every turn saves.
    const p1 = await press(page, 'ArrowRight');
    await waitForStored(page, p1);
    const p2 = await turns(page, 3);
    await waitForStored(page, p2);
    await page.reload();
    expect(placeKey(await waitForPlace(page))).toBe(placeKey(p2));
    await context.close();
  });
});
