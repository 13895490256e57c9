/** Issue 7: search (this work and all works), bookmarks, and the way back. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, isVisible, openApp, openWork, place, press, showControls, waitForPlace, WORKS, type Place } from './app';
import { browserAndServer } from './harness';

const suite = browserAndServer();

/** The marked search hit in the text, if it is on screen: its text. */
function highlightOnScreen(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const mark = document.querySelector('.reader-content mark.text-hit');
    const viewport = document.querySelector('.reader-viewport');
    if (!mark || !viewport) return null;
    const r = mark.getBoundingClientRect();
    const v = viewport.getBoundingClientRect();
    const inside = r.left >= v.left - 1 && r.right <= v.right + 1 && r.top >= v.top - 1 && r.bottom <= v.bottom + 1;
    return inside ? mark.textContent : null;
  });
}

/** Searches in the open search panel, waits for results and opens the first one. */
async function searchAndOpen(page: Page, query: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('searchbox').fill(query);
  const first = dialog.locator('.search-hit').first();
  await first.waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await first.click();
  await dialog.waitFor({ state: 'detached' });
}

const same = (a: Place, b: Place) => a.section === b.section && a.block === b.block && a.offset === b.offset;

describe('search', () => {
  it('finds a phrase typed with straight quotes in each work, marks it on screen, and goes back', async () => {
    const { context, page, foreign } = await openApp(suite.browser, suite.server);
    const cases = [
      // Both are written with a curly apostrophe in the source.
      { work: WORKS.short, query: "hadn't gone on an actual date", expected: 'hadn’t gone on an actual date' },
      { work: WORKS.long, query: "pressed against Asami's shoulder", expected: 'pressed against Asami’s shoulder' },
    ];
    for (const { work, query, expected } of cases) {
      await page.goto(suite.server.url);
      await openWork(page, work.title);
      const before = await press(page, 'ArrowRight');
      await showControls(page);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await searchAndOpen(page, query);
      await page.waitForFunction(() => document.querySelector('.reader-content mark.text-hit') !== null);
      expect(await highlightOnScreen(page)).toBe(expected);
      const there = await place(page);
      expect(same(there, before)).toBe(false);
      await page.getByRole('button', { name: 'Back to where you were', exact: true }).click();
      await page.waitForFunction((b) => document.querySelector('article.reader-content')?.getAttribute('data-place-block') === String(b.block), before);
      expect(await place(page)).toEqual(before);
      expect(await isVisible(page, before)).toBe(true);
    }
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('searches all works from the library and opens the hit in its work; the hit is used once', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await searchAndOpen(page, "pressed against Asami's shoulder");
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitForPlace(page);
    await page.waitForFunction(() => document.querySelector('.reader-content mark.text-hit') !== null);
    expect(await highlightOnScreen(page)).toBe('pressed against Asami’s shoulder');
    // Read on from the hit, leave with the browser's Back, come in again from the card:
    // the reader opens where the reading stopped, not at the old hit.
    let p = await place(page);
    for (let i = 0; i < 3; i++) p = await press(page, 'ArrowRight');
    await page.goBack();
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    await page.getByRole('link', { name: WORKS.long.title, exact: true }).click();
    expect(await waitForPlace(page)).toEqual(p);
    await context.close();
  });
});

describe('bookmarks', () => {
  it('bookmarks a place with B, survives a reload, and jumps back to it from the list', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    for (let i = 0; i < 5; i++) await press(page, 'ArrowRight');
    // B at once after a turn, without waiting for the page to show: it must mark the new page.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('b');
    await page.waitForFunction(() => document.querySelector('.reader-tools button[aria-pressed="true"]') !== null);
    const marked = await place(page);
    await showControls(page);
    await page.locator('button[aria-pressed="true"]', { hasText: 'Bookmark' }).waitFor();
    for (let i = 0; i < 4; i++) await press(page, 'ArrowRight');
    await page.reload();
    await waitForPlace(page);
    expect(same(await place(page), marked)).toBe(false);
    await showControls(page);
    await page.getByRole('button', { name: 'Bookmarks', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Bookmarks' });
    await dialog.locator('.bookmark-open').first().waitFor();
    expect(await dialog.locator('.bookmark-open').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.locator('.bookmark-open').first().click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction((b) => document.querySelector('article.reader-content')?.getAttribute('data-place-block') === String(b.block), marked);
    expect(await place(page)).toEqual(marked);
    expect(await isVisible(page, marked)).toBe(true);
    // And it can be removed from the list.
    await showControls(page);
    await page.getByRole('button', { name: 'Bookmarks', exact: true }).click();
    await dialog.getByRole('button', { name: /^Remove bookmark/ }).click();
    await dialog.locator('.bookmark-open').waitFor({ state: 'detached' });
    await context.close();
  });
});
