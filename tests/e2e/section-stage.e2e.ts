/** Issue 16: the next section is laid out ahead, hidden; turning into it shows that page, with nothing rendered or laid out anew. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadWork } from '../../build/works-plugin';
import { root } from '../fixtures/content';
import { axeViolations, isVisible, openApp, openWork, place, press, showControls, WORKS } from './app';
import { browserAndServer } from './harness';

const suite = browserAndServer();
const sections = loadWork(resolve(root, 'works', WORKS.long.id), WORKS.long.id).sections;
const [first, second] = sections;

/** Waits until the hidden page holds `sectionId` from its start and is laid out (not set aside), and marks that element. */
async function waitForStaged(page: Page, sectionId: string): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const stage = document.querySelector<HTMLElement & { __staged?: string }>('article.reader-stage');
      const start = stage?.querySelector(`section[data-section="${CSS.escape(id)}"] [data-block="0"]:not([data-base])`);
      const ready = stage !== null && start !== null && start !== undefined && stage.style.display !== 'none' && stage.style.width !== '';
      if (ready) stage.__staged = id;
      return ready;
    },
    sectionId,
    { timeout: 10_000 },
  );
}

/** Waits until the hidden page holds the window that ends where the page shown starts (the window a turn back asks for), laid out. */
async function waitForStagedBefore(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const shown = document.querySelector('article.reader-content');
      const stage = document.querySelector<HTMLElement & { __staged?: string }>('article.reader-stage');
      const first = shown?.querySelector<HTMLElement>('[data-block]');
      const blocks = stage?.querySelectorAll<HTMLElement>('[data-block]');
      const last = blocks?.[blocks.length - 1];
      if (!stage || !first || !last || stage.style.display === 'none' || stage.style.width === '') return false;
      // The staged window ends just before the shown one starts (same block, cut there, or the block before).
      const at = Number(first.dataset.block);
      const ready = first.dataset.base ? Number(last.dataset.block) === at : Number(last.dataset.block) === at - 1;
      if (ready) stage.__staged = 'before';
      return ready;
    },
    null,
    { timeout: 10_000 },
  );
}

/** Waits until the hidden page holds the last block of `sectionId` (the window a turn back into that section asks for), laid out. */
async function waitForStagedEnd(page: Page, sectionId: string, lastBlock: number): Promise<void> {
  await page.waitForFunction(
    ([id, block]) => {
      const stage = document.querySelector<HTMLElement & { __staged?: string }>('article.reader-stage');
      const end = stage?.querySelector(`section[data-section="${CSS.escape(String(id))}"] [data-block="${block}"]`);
      const ready = stage !== null && end !== null && end !== undefined && stage.style.display !== 'none' && stage.style.width !== '';
      if (ready) stage.__staged = 'end';
      return ready;
    },
    [sectionId, lastBlock] as const,
    { timeout: 10_000 },
  );
}

/** Remembers the block elements the hidden page holds now. */
function rememberStagedNodes(page: Page): Promise<void> {
  return page.evaluate(() => {
    (globalThis as { __stagedNodes?: Set<Element> }).__stagedNodes = new Set(document.querySelectorAll('article.reader-stage [data-block]'));
  });
}

/** Of the block elements on screen before block `until`, how many there are, and how many are the very elements the hidden page held (none rendered anew). */
function shownFromStaged(page: Page, until: number): Promise<{ onScreen: number; staged: number }> {
  return page.evaluate((end) => {
    const held = (globalThis as { __stagedNodes?: Set<Element> }).__stagedNodes ?? new Set<Element>();
    const box = (document.querySelector('.reader-viewport') as HTMLElement).getBoundingClientRect();
    const onScreen = [...document.querySelectorAll<HTMLElement>('article.reader-content [data-block]')].filter(
      (el) => Number(el.dataset.block) < end && [...el.getClientRects()].some((r) => r.right > box.left + 1 && r.left < box.right - 1 && r.bottom > box.top + 1 && r.top < box.bottom - 1),
    );
    return { onScreen: onScreen.length, staged: onScreen.filter((el) => held.has(el)).length };
  }, until);
}

/** Counts the nodes added to or removed from the reader's viewport from now on. */
function watchRenders(page: Page): Promise<void> {
  return page.evaluate(() => {
    const g = globalThis as { __renders?: number };
    g.__renders = 0;
    new MutationObserver((records) => {
      for (const r of records) g.__renders = (g.__renders ?? 0) + r.addedNodes.length + r.removedNodes.length;
    }).observe(document.querySelector('.reader-viewport') as Node, { childList: true, subtree: true });
  });
}

describe('the next section, laid out ahead', () => {
  it('turns into the next section by showing the page staged for it: no node rendered, its first character on screen, and back again', async () => {
    if (!first || !second) throw new Error('Making It Work has fewer than two sections');
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    expect((await place(page)).section).toBe(first.id);
    await waitForStaged(page, second.id);
    // The staged page is never seen, read out or tapped.
    const hidden = await page.evaluate(() => {
      const stage = document.querySelector('article.reader-stage') as HTMLElement;
      return { visibility: getComputedStyle(stage).visibility, ariaHidden: stage.getAttribute('aria-hidden'), pointer: getComputedStyle(stage).pointerEvents };
    });
    expect(hidden).toEqual({ visibility: 'hidden', ariaHidden: 'true', pointer: 'none' });
    await watchRenders(page);
    // The first section is short: turn until the second begins.
    let at = await place(page);
    for (let i = 0; i < 20 && at.section === first.id; i++) at = await press(page, 'ArrowRight');
    expect(at).toEqual({ section: second.id, block: 0, offset: 0 });
    expect(await isVisible(page, at)).toBe(true);
    // The element shown now is the one that was staged, and nothing was rendered under the viewport for the turn.
    expect(await page.evaluate(() => (document.querySelector('article.reader-content') as { __staged?: string } | null)?.__staged)).toBe(second.id);
    expect(await page.evaluate(() => (globalThis as { __renders?: number }).__renders)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // Back across the section's start: the first section's last page, its text on screen.
    const back = await press(page, 'ArrowLeft');
    expect(back.section).toBe(first.id);
    expect(await isVisible(page, back)).toBe(true);
    await context.close();
  });

  it('turns back across the start of a window by showing the window staged before it: no node rendered, the text continuous', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    // A jump into the story lays out a window from the paragraph jumped to, not from the section's start.
    await page.getByLabel('Position in work').fill('500');
    await page.getByRole('button', { name: 'Back to where you were', exact: true }).waitFor();
    // The keys go to the page again, not to the scrubber (whose own arrow keys would jump).
    await page.locator('.reader-viewport').focus();
    const jumped = await place(page);
    expect(jumped.section).toBe(second?.id);
    const windowStart = await page.evaluate(() => Number(document.querySelector<HTMLElement>('article.reader-content [data-block]')?.dataset.block));
    expect(windowStart).toBeGreaterThan(0);
    await waitForStagedBefore(page);
    await rememberStagedNodes(page);
    // Back until the place is before the window's start: that turn is a swap.
    let at = jumped;
    for (let i = 0; i < 10 && at.block >= windowStart; i++) at = await press(page, 'ArrowLeft');
    expect(at.section).toBe(second?.id);
    expect(at.block).toBeLessThan(windowStart);
    expect(await isVisible(page, at)).toBe(true);
    expect(await page.evaluate(() => (document.querySelector('article.reader-content') as { __staged?: string } | null)?.__staged)).toBe('before');
    // What is on screen is what was laid out hidden: the same elements, none rendered for the turn.
    const shown = await shownFromStaged(page, windowStart);
    expect(shown.onScreen).toBeGreaterThan(0);
    expect(shown.staged).toBe(shown.onScreen);
    // And on again: the page after is the one left, its first character on screen.
    const on = await press(page, 'ArrowRight');
    expect(on.block >= windowStart || on.block > at.block).toBe(true);
    expect(await isVisible(page, on)).toBe(true);
    await context.close();
  });

  it('turns back into the previous section by showing its last window, staged: no node rendered, its last page on screen', async () => {
    const last = sections.at(-1);
    const before = sections.at(-2);
    if (!last || !before) throw new Error('Making It Work has fewer than two sections');
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    await showControls(page);
    await page.getByRole('button', { name: 'Contents', exact: true }).click();
    await page.getByRole('dialog', { name: 'Contents' }).getByRole('button', { name: new RegExp(last.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
    await page.waitForFunction((id) => document.querySelector('article.reader-content')?.getAttribute('data-place-section') === id, last.id);
    await page.locator('.reader-viewport').focus();
    // At the start of a section: the previous one's end is laid out hidden, as the turn back asks for it.
    await waitForStagedEnd(page, before.id, before.blockCount - 1);
    await rememberStagedNodes(page);
    await watchRenders(page);
    const back = await press(page, 'ArrowLeft');
    expect(back.section).toBe(before.id);
    expect(await isVisible(page, back)).toBe(true);
    expect(await page.evaluate(() => (document.querySelector('article.reader-content') as { __staged?: string } | null)?.__staged)).toBe('end');
    expect(await page.evaluate(() => (globalThis as { __renders?: number }).__renders)).toBe(0);
    // Its last page: the section's last block is on screen, and what is on screen was laid out hidden.
    const shown = await shownFromStaged(page, before.blockCount);
    expect(shown.onScreen).toBeGreaterThan(0);
    expect(shown.staged).toBe(shown.onScreen);
    expect(await isVisible(page, { section: before.id, block: before.blockCount - 1, offset: 0 })).toBe(true);
    await context.close();
  });

  it('after a font size change, the staged page is laid out again to it, and the turn into it still lands on its first character', async () => {
    if (!first || !second) throw new Error('Making It Work has fewer than two sections');
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    await waitForStaged(page, second.id);
    const widthBefore = await page.evaluate(() => (document.querySelector('article.reader-stage') as HTMLElement).scrollWidth);
    await showControls(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('slider', { name: 'Font size', exact: true }).fill('28');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Laid out again in idle time, to the new size: more text per line is less text per page, so more pages.
    await page.waitForFunction(
      (before) => {
        const stage = document.querySelector<HTMLElement>('article.reader-stage');
        return stage !== null && stage.style.display !== 'none' && stage.scrollWidth > before;
      },
      widthBefore,
      { timeout: 10_000 },
    );
    let at = await place(page);
    for (let i = 0; i < 40 && at.section === first.id; i++) at = await press(page, 'ArrowRight');
    expect(at).toEqual({ section: second.id, block: 0, offset: 0 });
    expect(await isVisible(page, at)).toBe(true);
    await context.close();
  });
});
