/** Issue 6: storage that never loses a reader's place, in a real browser against the production build. */
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator as PwLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, isVisible, openApp, openWork, panelReady, type Place, place, placeKey, press, showControls, storedPosition, waitForPlace, WORKS } from './app';
import { browserAndServer, trackPageErrors } from './harness';

const suite = browserAndServer();


/** Turns `n` pages, each time waiting for the reader to report the new place. */
async function turns(page: Page, n: number, k = 'ArrowRight'): Promise<Place> {
  let p = await place(page);
  for (let i = 0; i < n; i++) p = await press(page, k);
  return p;
}

/** Waits until the reader's reported place stops changing (after a burst of key presses). */
async function settled(page: Page): Promise<Place> {
  let last = placeKey(await place(page));
  for (;;) {
    await pageSettled(page);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    const now = placeKey(await place(page));
    if (now === last) return place(page);
    last = now;
  }
}

/** Waits until the page-turn animation (if any) has finished, so the page is where it will stay. */
async function pageSettled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

/** The stored settings value, straight from IndexedDB. */
function storedSettings(page: Page): Promise<{ theme?: string; fontSize?: number } | null> {
  return page.evaluate(
    () =>
      new Promise<{ theme?: string; fontSize?: number } | null>((resolve) => {
        const open = indexedDB.open('quire');
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('settings').objectStore('settings').get('current');
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { value?: { theme?: string; fontSize?: number } } | undefined)?.value ?? null);
          };
          get.onerror = () => resolve(null);
        };
      }),
  );
}

/** Waits until the stored position of a work is `p` (the debounced write landed). */
async function waitForStored(page: Page, workId: string, p: Place): Promise<void> {
  await expect.poll(async () => placeKey(await storedPosition(page, workId)), { timeout: 5_000 }).toBe(placeKey(p));
}

/** The stored record's totalProgression, for the library's "N% read". */
function storedPercent(page: Page, workId: string): Promise<number | null> {
  return page.evaluate(
    (id) =>
      new Promise<number | null>((resolve) => {
        const open = indexedDB.open('quire');
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('positions').objectStore('positions').get(id);
          get.onsuccess = () => {
            db.close();
            const v = get.result as { totalProgression?: number } | undefined;
            resolve(typeof v?.totalProgression === 'number' ? Math.round(v.totalProgression * 100) : null);
          };
          get.onerror = () => resolve(null);
        };
      }),
    workId,
  );
}

/** A new tab in `context` on the library. */
async function newTab(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(suite.server.url);
  await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
  return { page, errors };
}

/** Closes a tab the way a reader does (beforeunload, pagehide) and waits until it is gone. */
async function closeTab(page: Page): Promise<void> {
  const gone = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await gone;
}

/** Dismisses the one-time "Ready to read offline" notice if it is showing, so it covers nothing. */
async function dismissOfflineNotice(page: Page): Promise<void> {
  const ok = page.getByRole('group', { name: 'Offline reading' }).getByRole('button', { name: 'OK' });
  if (await ok.isVisible()) await ok.click();
}

/** Opens the settings panel from the library or the reader. */
async function openSettings(page: Page): Promise<PwLocator> {
  await dismissOfflineNotice(page);
  if (await page.locator('.reader').count()) await showControls(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  return panelReady(page, 'Settings');
}

async function closeSettings(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Settings' }).waitFor({ state: 'detached' });
}

/** The library's "Continue reading" link for the long work. */
const continueLink = (page: Page) => page.getByRole('link', { name: new RegExp(`^Continue reading ${WORKS.long.title}, \\d+% read$`) });

describe('storage: the place is never lost', () => {
  it('100 quick page turns, then a reload, shows the exact same place', async () => {
    const { context, page, errors } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    const start = await place(page);
    // No waiting for the reader between presses: the keys go in as fast as the browser takes them.
    for (let i = 0; i < 100; i++) await page.keyboard.press('ArrowRight');
    const p = await settled(page);
    expect(p.block > 0 || p.section !== start.section, `100 turns should move well into the work, at ${placeKey(p)}`).toBe(true);
    // Reload at once: the debounced write may not have landed yet; the pagehide flush must keep it.
    await page.reload();
    const after = await waitForPlace(page);
    expect(after).toEqual(p);
    await pageSettled(page);
    expect(await isVisible(page, p)).toBe(true);
    expect(placeKey(await storedPosition(page, WORKS.long.id))).toBe(placeKey(p));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a reload right after a page turn reopens at that page, ten times over', async () => {
    const { context, page, errors } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    let p = await place(page);
    for (let i = 0; i < 10; i++) {
      // The turn is on screen, and the page reloads at once.
      p = await press(page, 'ArrowRight');
      await page.reload();
      expect(await waitForPlace(page), `reload ${i + 1}`).toEqual(p);
    }
    await pageSettled(page);
    expect(await isVisible(page, p)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a turn whose IndexedDB write never lands before a reload is kept by the journal, and stored at the next start', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    // A stand-in for a write cut off by the page going away: once told, every put fails.
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if ((globalThis as { __cutWrites?: boolean }).__cutWrites) throw new DOMException('The write was cut off.', 'AbortError');
        return put.apply(this, args);
      };
    });
    await page.reload();
    await openWork(page, WORKS.long.title);
    const stored = await turns(page, 3);
    await waitForStored(page, WORKS.long.id, stored);
    await page.evaluate(() => void ((globalThis as { __cutWrites?: boolean }).__cutWrites = true));
    const p = await press(page, 'ArrowRight');
    expect(p).not.toEqual(stored);
    await page.reload();
    // The new page writes again: the journalled place is taken back and stored.
    expect(await waitForPlace(page)).toEqual(p);
    await waitForStored(page, WORKS.long.id, p);
    expect(await page.evaluate(() => localStorage.getItem('quire:journal'))).toBeNull();
    await context.close();
  });

  it('turning a page and closing the tab at once keeps that page', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    await turns(page, 3);
    await waitForStored(page, WORKS.long.id, await place(page));
    // The turn, then the tab closes well inside the write's debounce.
    const p = await press(page, 'ArrowRight');
    await closeTab(page);

    const { page: again, errors } = await newTab(context);
    await openWork(again, WORKS.long.title);
    expect(await place(again)).toEqual(p);
    await pageSettled(again);
    expect(await isVisible(again, p)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('two tabs on one work: the newest navigation wins, a stale tab does not overwrite it, and the other tab learns of it', async () => {
    const { context, page: a } = await openApp(suite.browser, suite.server);
    await openWork(a, WORKS.long.title);
    const a1 = await turns(a, 4);
    await waitForStored(a, WORKS.long.id, a1);

    const { page: b } = await newTab(context);
    await openWork(b, WORKS.long.title);
    expect(await place(b), 'tab B opens where tab A left off').toEqual(a1);

    // A turns on: the turn is written at once (no debounce left to wait out).
    await a.bringToFront();
    const a2 = await press(a, 'ArrowRight');
    await waitForStored(b, WORKS.long.id, a2);

    // B, still showing A's older place, reads on: B's turns are the newest navigation and win
    // (the store orders them after A's: B moved after it heard of A's place).
    await b.bringToFront();
    const b1 = await turns(b, 8);
    await waitForStored(b, WORKS.long.id, b1);
    const b1Percent = await storedPercent(b, WORKS.long.id);

    // A's library knows B's place (BroadcastChannel), not its own older one.
    await a.keyboard.press('Escape');
    await expect.poll(() => continueLink(a).getAttribute('aria-label'), { timeout: 5_000 }).toBe(`Continue reading ${WORKS.long.title}, ${b1Percent}% read`);

    // While A shows the library, B reads on: A's "N% read" follows without a reload.
    const b2 = await turns(b, 12);
    await waitForStored(b, WORKS.long.id, b2);
    const b2Percent = await storedPercent(b, WORKS.long.id);
    expect(b2Percent, 'B moved far enough for the percentage to change').not.toBe(b1Percent);
    await expect.poll(() => continueLink(a).getAttribute('aria-label'), { timeout: 5_000 }).toBe(`Continue reading ${WORKS.long.title}, ${b2Percent}% read`);

    // A closes (pagehide, hidden flush): the stored place stays B's.
    await closeTab(a);
    expect(placeKey(await storedPosition(b, WORKS.long.id))).toBe(placeKey(b2));
    await b.reload();
    expect(await waitForPlace(b)).toEqual(b2);
    await context.close();
  });
});

describe('storage: when IndexedDB is unavailable, the reader keeps reading and says so', () => {
  const cases = {
    'indexedDB throws on access': () => {
      Object.defineProperty(window, 'indexedDB', {
        configurable: true,
        get() {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        },
      });
    },
    'indexedDB.open() fails': () => {
      IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    },
  };

  for (const [name, script] of Object.entries(cases)) {
    it(`${name}: the library and the reader work, a note says the place won't be kept, no axe violations`, async () => {
      const context = await suite.browser.newContext({ viewport: { width: 412, height: 915 }, serviceWorkers: 'block' });
      await context.addInitScript(script);
      const page = await context.newPage();
      const errors = trackPageErrors(page);
      await page.goto(suite.server.url);
      await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
      const note = page.locator('.storage-note').getByText("your place won't be kept on this device");
      await note.waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await openWork(page, WORKS.long.title);
      const start = await place(page);
      const p = await turns(page, 5);
      expect(p).not.toEqual(start);
      await pageSettled(page);
      expect(await isVisible(page, p)).toBe(true);
      expect(await note.isVisible(), 'the note is still shown in the reader').toBe(true);
      expect(await axeViolations(page)).toEqual([]);

      // Within this visit the place is still remembered (in memory): back to the library and in again.
      await page.keyboard.press('Escape');
      await continueLink(page).waitFor();
      await openWork(page, WORKS.long.title);
      expect(await place(page)).toEqual(p);
      expect(errors.filter((e) => !/Quire storage/.test(e))).toEqual([]);
      await context.close();
    });
  }
});

/** Exports from the settings panel; returns the downloaded file's text. */
async function exportFrom(page: Page, dialog: PwLocator): Promise<{ text: string; path: string }> {
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export reading data' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^quire-reading-data-\d{4}-\d{2}-\d{2}\.json$/);
  const path = join(tmpdir(), `quire-e2e-${process.pid}-${Date.now()}.json`);
  await download.saveAs(path);
  return { text: await readFile(path, 'utf8'), path };
}

interface ExportedFile {
  format: string;
  positions: { workId: string; sectionId: string; block: number; offset: number }[];
  settings: { value: { theme?: string; fontSize?: number } } | null;
}

describe('storage: export, then import into a fresh profile', () => {
  it('restores the place and the settings; a foreign file gets a clear message and changes nothing', async () => {
    // The first profile: read, change settings, export.
    const first = await openApp(suite.browser, suite.server);
    let page = first.page;
    await openWork(page, WORKS.long.title);
    const p = await turns(page, 6);
    let dialog = await openSettings(page);
    await dialog.getByRole('radio', { name: 'Sepia', exact: true }).check();
    await dialog.getByRole('slider', { name: 'Font size', exact: true }).fill('24');
    // At a reader's pace: the changes have been saved before Export is pressed.
    await expect.poll(() => storedSettings(page), { timeout: 5_000 }).toMatchObject({ theme: 'sepia', fontSize: 24 });
    await waitForStored(page, WORKS.long.id, p);
    const { text, path } = await exportFrom(page, dialog);
    const file = JSON.parse(text) as ExportedFile;
    expect(file.format).toBe('quire-reading-data');
    expect(placeKey(file.positions.find((x) => x.workId === WORKS.long.id) ?? null)).toBe(placeKey(p));
    expect(file.settings?.value).toMatchObject({ theme: 'sepia', fontSize: 24 });
    await first.context.close();

    // A fresh profile: nothing read yet.
    const second = await openApp(suite.browser, suite.server);
    page = second.page;
    expect(await continueLink(page).count()).toBe(0);

    // A foreign JSON file: a clear message, nothing changed.
    const foreignPath = join(tmpdir(), `quire-e2e-foreign-${process.pid}-${Date.now()}.json`);
    await writeFile(foreignPath, JSON.stringify({ name: 'some-other-app', version: 1, positions: [] }));
    dialog = await openSettings(page);
    const result = dialog.locator('.reading-data__import-result');
    await dialog.getByLabel('Import reading data').setInputFiles(foreignPath);
    await expect.poll(() => result.textContent(), { timeout: 5_000 }).toBe("This file isn't Quire reading data. Nothing was changed.");
    expect(await dialog.getByRole('radio', { name: 'Match system', exact: true }).isChecked(), 'the theme is still the default').toBe(true);
    expect(await storedPosition(page, WORKS.long.id)).toBeNull();
    expect(await storedSettings(page)).toBeNull();

    // The exported file: the place and the settings come back.
    await dialog.getByLabel('Import reading data').setInputFiles(path);
    await expect.poll(() => result.textContent(), { timeout: 5_000 }).toMatch(/^Imported .*place.*settings/);
    expect(placeKey(await storedPosition(page, WORKS.long.id))).toBe(placeKey(p));
    expect(await storedSettings(page)).toMatchObject({ theme: 'sepia', fontSize: 24 });
    // Shown at once, in this tab, without a reload: the library offers the place, the reader opens there…
    await closeSettings(page);
    await continueLink(page).waitFor({ timeout: 5_000 });
    await openWork(page, WORKS.long.title);
    expect(await place(page)).toEqual(p);
    await pageSettled(page);
    expect(await isVisible(page, p)).toBe(true);
    // …and the settings panel shows the imported settings.
    dialog = await openSettings(page);
    await expect.poll(() => dialog.getByRole('radio', { name: 'Sepia', exact: true }).isChecked(), { timeout: 5_000 }).toBe(true);
    expect(await dialog.getByRole('slider', { name: 'Font size', exact: true }).inputValue()).toBe('24');
    expect(second.foreign).toEqual([]);
    await second.context.close();
  });

  it('an export made right after a change holds that change (pending writes are flushed first)', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    const dialog = await openSettings(page);
    await dialog.getByRole('radio', { name: 'Dark', exact: true }).check();
    const { text } = await exportFrom(page, dialog);
    expect((JSON.parse(text) as ExportedFile).settings?.value.theme).toBe('dark');
    await context.close();
  });
});

describe('an unknown work id', () => {
  it('a 100,000-character id is clipped in the message; "Back to the library" stays on screen', async () => {
    const { context, page, errors } = await openApp(suite.browser, suite.server);
    const id = 'x'.repeat(100_000);
    await page.evaluate((h) => (location.hash = h), `#/read/${id}`);
    await page.getByRole('heading', { name: 'No such work' }).waitFor();
    const text = (await page.locator('main.not-found').textContent()) ?? '';
    expect(text.length).toBeLessThan(400);
    expect(text).toContain('…');
    const back = page.getByRole('link', { name: 'Back to the library' });
    const box = await back.boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
