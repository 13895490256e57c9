/** Issue 2: both bundled works, end to end, in the production build. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, openApp, showControls, openWork, place, press, visibleText, WORKS } from './app';
import { browserAndServer } from './harness';

const suite = browserAndServer();

const axe = axeViolations;

/** Reads on with the keyboard until the place stops moving; returns how many turns it took. */
async function readToEnd(page: Page, limit: number): Promise<number> {
  let turns = 0;
  let last = await place(page);
  for (; turns < limit; turns++) {
    const next = await press(page, 'ArrowRight');
    if (next.section === last.section && next.block === last.block && next.offset === last.offset) break;
    last = next;
  }
  return turns;
}

describe('library and works', () => {
  it('lists both works, with app-added facts marked on their About pages, and no request leaves the origin', async () => {
    const { context, page, foreign, errors } = await openApp(suite.browser, suite.server);
    await expect(page.getByRole('link', { name: WORKS.long.title, exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: WORKS.short.title, exact: true }).isVisible()).resolves.toBe(true);
    expect(await axe(page)).toEqual([]);
    // The facts moved to each work's "About this work" page, one tap away: both kinds, kept apart.
    for (const work of [WORKS.long, WORKS.short]) {
      await page.getByRole('link', { name: `About this work: ${work.title}`, exact: true }).click();
      await page.getByRole('heading', { name: work.title, level: 1 }).waitFor();
      expect(await page.getByRole('heading', { name: /Added by this app/ }).count()).toBe(1);
      expect(await page.getByRole('heading', { name: 'From the text' }).count()).toBe(1);
      expect(await page.getByText('No title in the source').count()).toBe(work === WORKS.short ? 1 : 0);
      expect(await axe(page)).toEqual([]);
      await page.getByRole('link', { name: 'Back to library' }).click();
      await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    }
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens each work through its notice, shows its first paragraph, and reaches its last', async () => {
    const { context, page, foreign } = await openApp(suite.browser, suite.server);
    // The short work: read it through with the keyboard.
    await page.getByRole('link', { name: WORKS.short.title, exact: true }).click();
    await page.getByRole('heading', { name: 'Adult content' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('article.reader-content [data-block]').first().waitFor();
    expect(await visibleText(page)).toContain('Alec realised that despite them being together');
    expect(await axe(page)).toEqual([]);
    await readToEnd(page, 400);
    expect(await visibleText(page)).toContain('they met in the middle and their lips interlaced.');
    await page.keyboard.press('Escape');
    // The long work: its first paragraph is the recap's heading and text; its last line is "The End.".
    await openWork(page, WORKS.long.title);
    const text = await visibleText(page);
    // The heading's spaces are no-break spaces in the source.
    expect(text).toMatch(/^Previously on\s+Crossed Paths/);
    expect(text).toContain('Asami Ryuichi had not expected to meet anyone compatible with him.');
    await showControls(page);
    await page.getByRole('button', { name: 'Contents' }).click();
    await page.getByRole('button', { name: /Epilogue/ }).click();
    await page.waitForFunction(() => document.querySelector('article.reader-content')?.getAttribute('data-place-section')?.length);
    await readToEnd(page, 400);
    expect(await visibleText(page)).toContain('The End.');
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('keeps the open work on reload; the notice stays passed until reset from the library', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    expect(page.url()).toContain(`#/read/${WORKS.long.id}`);
    await page.reload();
    await page.locator('article.reader-content [data-block]').first().waitFor();
    expect(await page.getByRole('heading', { name: 'Adult content' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: WORKS.long.title, level: 1 }).isVisible()).toBe(true);
    // Back to the library with Escape, and in again: no notice.
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: WORKS.long.title, exact: true }).click();
    await page.locator('article.reader-content [data-block]').first().waitFor();
    expect(await page.getByRole('button', { name: 'Continue' }).count()).toBe(0);
    // Reset: the notice shows again.
    await page.getByRole('button', { name: 'Back to library' }).click();
    await page.getByRole('button', { name: 'Show content notices again' }).click();
    await page.getByText('each work will show its notice again').waitFor();
    await page.getByRole('link', { name: WORKS.long.title, exact: true }).click();
    await page.getByRole('heading', { name: 'Adult content' }).waitFor();
    await context.close();
  });

  it('says so for an unknown work id and offers the way back', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await page.goto(`${suite.server.url}#/read/no-such-work`);
    await page.getByRole('heading', { name: 'No such work' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByRole('link', { name: 'Back to the library' }).click();
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    await context.close();
  });
});
