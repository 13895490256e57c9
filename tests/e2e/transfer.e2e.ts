/** The transfer code: copied in one browser profile, pasted in another, it brings the places, settings and bookmarks; a changed code writes nothing. */
import type { Locator as PwLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, openApp, openWork, panelReady, type Place, place, placeKey, press, showControls, storedPosition, waitForPlace, WORKS } from './app';
import { browserAndServer } from './harness';

const suite = browserAndServer();

/** Every record of every store of Quire's database, for "nothing was written". */
function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('quire');
        open.onerror = () => reject(new Error('cannot open'));
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const out: Record<string, unknown[]> = {};
          if (names.length === 0) {
            db.close();
            resolve(out);
            return;
          }
          const tx = db.transaction(names);
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => {
              out[name] = all.result as unknown[];
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(new Error('cannot read'));
        };
      }),
  );
}

async function openSettings(page: Page): Promise<PwLocator> {
  const ok = page.getByRole('group', { name: 'Offline reading' }).getByRole('button', { name: 'OK' });
  if (await ok.isVisible()) await ok.click();
  if (await page.locator('.reader').count()) await showControls(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  return panelReady(page, 'Settings');
}

function storedSettings(page: Page): Promise<Record<string, unknown>> {
  return dumpDatabase(page).then((d) => ((d.settings?.[0] as { value?: Record<string, unknown> } | undefined)?.value ?? {}));
}


describe('transfer code between two browser profiles', () => {
  it('copy in one, paste in the other: places, settings and bookmarks arrive; a changed code is refused and writes nothing', async () => {
    // The first profile ("Safari"): read a little, bookmark the page, change settings, copy.
    const origin = new URL(suite.server.url).origin;
    const first = await openApp(suite.browser, suite.server, { permissions: ['clipboard-read', 'clipboard-write'] });
    await first.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    let page = first.page;
    await openWork(page, WORKS.long.title);
    let p: Place = await place(page);
    for (let i = 0; i < 4; i++) p = await press(page, 'ArrowRight');
    await page.keyboard.press('b');
    await expect.poll(async () => (await dumpDatabase(page)).bookmarks?.length ?? 0, { timeout: 5_000 }).toBe(1);
    let dialog = await openSettings(page);
    await dialog.getByRole('radio', { name: 'Sepia', exact: true }).check();
    await dialog.getByRole('slider', { name: 'Font size', exact: true }).fill('24');
    await dialog.getByRole('button', { name: 'Copy my reading' }).click();
    const shown = dialog.getByLabel('Your transfer code');
    await shown.waitFor();
    const code = await shown.inputValue();
    expect(code).toMatch(/^QUIRE1:[A-Za-z0-9_-]+$/);
    expect(await dialog.getByRole('status').filter({ hasText: 'Copied your reading' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    // The code was made after the pending settings were written: it holds them.
    expect(await storedSettings(page)).toMatchObject({ theme: 'sepia', fontSize: 24 });
    expect(await axeViolations(page)).toEqual([]);
    const firstBookmarks = (await dumpDatabase(page)).bookmarks as { id: string; locator: { block: number; offset: number } }[];
    expect(first.foreign).toEqual([]);
    expect(first.errors).toEqual([]);
    await first.context.close();

    // The second profile ("the Home Screen app"): separate storage, nothing read yet.
    const second = await openApp(suite.browser, suite.server);
    page = second.page;
    // Something of its own first, so "nothing written" compares a real database.
    await openWork(page, WORKS.short.title);
    await waitForPlace(page);
    const own = await press(page, 'ArrowRight');
    await expect.poll(async () => placeKey(await storedPosition(page, WORKS.short.id)), { timeout: 5_000 }).toBe(placeKey(own));
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    dialog = await openSettings(page);
    const box = dialog.getByLabel('Paste a transfer code');
    const bringIn = dialog.getByRole('button', { name: 'Bring in this reading' });
    const status = dialog.locator('form.reading-data__transfer [role="status"]');

    // One character changed, in the middle of the data: refused, with a message, nothing written.
    const before = await dumpDatabase(page);
    const at = Math.floor(code.length / 2);
    const changed = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
    await box.fill(changed);
    await bringIn.click();
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toMatch(/damaged or incomplete.*Nothing was changed/);
    expect(await dumpDatabase(page)).toEqual(before);
    expect(await dialog.getByRole('radio', { name: 'Match system', exact: true }).isChecked()).toBe(true);
    // Cut short: refused too.
    await box.fill(code.slice(0, -5));
    await bringIn.click();
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toMatch(/damaged or incomplete/);
    expect(await dumpDatabase(page)).toEqual(before);

    // The real code: everything arrives, merged with what was here.
    await box.fill(code);
    await bringIn.click();
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toMatch(/^Imported .*place.*settings.*1 bookmark/);
    expect(placeKey(await storedPosition(page, WORKS.long.id))).toBe(placeKey(p));
    expect(placeKey(await storedPosition(page, WORKS.short.id)), 'its own place is kept').toBe(placeKey(own));
    expect(await storedSettings(page)).toMatchObject({ theme: 'sepia', fontSize: 24 });
    const bookmarks = (await dumpDatabase(page)).bookmarks as { id: string; locator: { block: number; offset: number } }[];
    expect(bookmarks.map((b) => b.id)).toEqual(firstBookmarks.map((b) => b.id));
    // Shown at once: the settings panel has the imported settings, the reader opens at the place.
    await expect.poll(() => dialog.getByRole('radio', { name: 'Sepia', exact: true }).isChecked(), { timeout: 5_000 }).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await openWork(page, WORKS.long.title);
    expect(await place(page)).toEqual(p);
    expect(second.foreign).toEqual([]);
    expect(second.errors).toEqual([]);
    await second.context.close();
  });
});
