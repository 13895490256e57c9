/** Issue 3: pages that turn, and a place that is never lost. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadWork } from '../../build/works-plugin';
import { root } from '../fixtures/content';
import { axeViolations, isVisible, openApp, openWork, pageSpan, panelReady, place, type Place, press, showControls, storedPosition, visibleText, waitForPlace, WORKS } from './app';
import { browserAndServer } from './harness';

const suite = browserAndServer();

async function turns(page: Page, n: number, key = 'ArrowRight'): Promise<Place> {
  let p = await place(page);
  for (let i = 0; i < n; i++) p = await press(page, key);
  return p;
}

/** Waits until the stored position of a work equals `p` (the debounced write landed). */
async function waitForStored(page: Page, workId: string, p: Place): Promise<void> {
  await expect
    .poll(async () => {
      const s = await storedPosition(page, workId);
      return s && `${s.sectionId}/${s.block}/${s.offset}`;
    }, { timeout: 5_000 })
    .toBe(`${p.section}/${p.block}/${p.offset}`);
}

async function openSettings(page: Page): Promise<void> {
  await showControls(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  await panelReady(page, 'Settings');
}

async function closePanel(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

describe('reader engine', () => {
  it('turns through the whole short work to its last paragraph and stops there', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.short.title);
    const seen = new Set<string>();
    let last = await place(page);
    for (let i = 0; i < 400; i++) {
      const next = await press(page, i % 2 === 0 ? 'ArrowRight' : 'Space');
      const key = `${next.section}/${next.block}/${next.offset}`;
      if (seen.has(key) || (next.block === last.block && next.offset === last.offset)) break;
      seen.add(key);
      // Every turn moves forward, never back.
      expect(next.block > last.block || (next.block === last.block && next.offset > last.offset)).toBe(true);
      last = next;
    }
    expect(await visibleText(page)).toContain('their lips interlaced.');
    const end = await place(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageDown');
    expect(await place(page)).toEqual(end);
    // And back again with the other keys.
    const back = await press(page, 'ArrowLeft');
    expect(back.block < end.block || back.offset < end.offset).toBe(true);
    await context.close();
  });

  it.each([
    ['one column', { width: 412, height: 915 }],
    ['two columns', { width: 1280, height: 800 }],
  ] as const)('pages follow each other with nothing skipped or repeated, across the windows a long text is laid out in (%s)', async (_name, viewport) => {
    // No slide, so what is on the page can be read as soon as the reader reports the turn.
    const { context, page } = await openApp(suite.browser, suite.server, { reducedMotion: 'reduce', viewport });
    await openWork(page, WORKS.short.title);
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
    const blocks = loadWork(resolve(root, 'works', WORKS.short.id), WORKS.short.id).sections[0]?.blocks ?? [];
    /** The next character after `p` that is not white space, in the source. */
    const nextChar = (p: { block: number; offset: number }) => {
      let { block, offset } = p;
      offset++;
      for (;;) {
        const text = blocks[block]?.text;
        if (text === undefined) return null;
        while (offset < text.length && /\s/.test(text[offset] ?? '')) offset++;
        if (offset < text.length) return { block, offset };
        block++;
        offset = 0;
      }
    };
    /** Characters that are not white space, in the source, from `a` to `b` inclusive. */
    const between = (a: { block: number; offset: number }, b: { block: number; offset: number }) => {
      let n = 0;
      for (let i = a.block; i <= b.block; i++) {
        const text = blocks[i]?.text ?? '';
        n += text.slice(i === a.block ? a.offset : 0, i === b.block ? b.offset + 1 : text.length).replace(/\s/g, '').length;
      }
      return n;
    };
    /** Every character from the page's first to its last is on it: none dropped or doubled inside. */
    const whole = (s: Awaited<ReturnType<typeof pageSpan>>) => s.first !== null && s.last !== null && s.count === between(s.first, s.last);
    let span = await pageSpan(page);
    expect(span.first).toEqual({ block: 0, offset: 0 });
    expect(whole(span)).toBe(true);
    // The footer's estimate of the pages left, to hold against the pages actually turned.
    const estimate = Number(/(\d+) pages? left in section/.exec(await page.locator('.reader-status').innerText())?.[1]);
    let windows = 0;
    let turned = 0;
    for (let turns = 0; turns < 200; turns++) {
      const before = await place(page);
      const after = await press(page, 'ArrowRight');
      if (after.block === before.block && after.offset === before.offset) break;
      const next = await pageSpan(page);
      expect(next.first, `page ${turns + 2} starts right after page ${turns + 1} ends`).toEqual(span.last && nextChar(span.last));
      expect(whole(next), `page ${turns + 2} holds every character between its first and last`).toBe(true);
      // The reader's place is the page's first character, or a scene break standing at the top of the page just before it.
      const isFirst = after.block === next.first?.block && after.offset === next.first.offset;
      const breakBefore = blocks[after.block]?.kind === 'break' && after.block + 1 === next.first?.block && next.first.offset === 0;
      expect(isFirst || breakBefore, `place ${after.block}/${after.offset} vs first ${JSON.stringify(next.first)}`).toBe(true);
      if (next.firstRendered > span.firstRendered) windows++;
      span = next;
      turned++;
    }
    expect(Math.abs(estimate - turned), `estimated ${estimate} pages left, turned ${turned}`).toBeLessThanOrEqual(Math.max(2, Math.round(turned * 0.15)));
    // The last page ends with the work's last character, and the text was laid out in more than one window.
    const lastBlock = blocks.length - 1;
    expect(span.last).toEqual({ block: lastBlock, offset: (blocks[lastBlock]?.text.trimEnd().length ?? 0) - 1 });
    expect(windows).toBeGreaterThan(0);
    // And back to the start: each page ends right before the page that was shown after it.
    for (let turns = 0; turns < 200; turns++) {
      const before = await place(page);
      const after = await press(page, 'ArrowLeft');
      if (after.block === before.block && after.offset === before.offset) break;
      const previous = await pageSpan(page);
      expect(previous.last && nextChar(previous.last), `going back, page ends right before the page after it`).toEqual(span.first);
      expect(whole(previous)).toBe(true);
      span = previous;
    }
    expect(span.first).toEqual({ block: 0, offset: 0 });
    await context.close();
  });

  it('after 20 page turns, a reload shows the same first character', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    const p = await turns(page, 20);
    expect(p.block).toBeGreaterThan(0);
    await waitForStored(page, WORKS.long.id, p);
    await page.reload();
    const after = await waitForPlace(page);
    expect(after).toEqual(p);
    expect(await isVisible(page, p)).toBe(true);
    await context.close();
  });

  it.each([
    ['with page-turn animation', 'no-preference'],
    ['with reduced motion', 'reduce'],
  ] as const)('keeps the first character on screen through font size, viewport and mode changes, without drift (%s)', async (_name, reducedMotion) => {
    const { context, page } = await openApp(suite.browser, suite.server, { reducedMotion });
    await openWork(page, WORKS.long.title);
    const start = await turns(page, 7);
    const sizes = ['22', '16', '28', '18', '24'];
    const viewports = [
      { width: 915, height: 412 },
      { width: 412, height: 915 },
    ];
    for (let i = 0; i < 10; i++) {
      if (i % 3 === 0) {
        await openSettings(page);
        await page.getByLabel('Font size').fill(sizes[i % sizes.length] as string);
        await closePanel(page);
      } else if (i % 3 === 1) {
        await page.setViewportSize(viewports[i % 2] as { width: number; height: number });
      } else {
        await showControls(page);
        await page.getByRole('button', { name: 'Scroll' }).click();
      }
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await place(page), `change ${i + 1} must not move the place`).toEqual(start);
      expect(await isVisible(page, start), `change ${i + 1} must keep the first character on screen`).toBe(true);
    }
    await context.close();
  });

  it('in scroll mode, the place follows the reader\'s own scrolling, down and back up', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    await showControls(page);
    await page.getByRole('button', { name: 'Scroll' }).click();
    const top = await place(page);
    expect(top).toEqual({ section: 'recap', block: 0, offset: 0 });
    const viewport = page.locator('.reader-viewport');
    await viewport.hover();
    await page.mouse.wheel(0, 600);
    await page.waitForFunction(() => document.querySelector('article.reader-content')?.getAttribute('data-place-block') !== '0');
    const down = await place(page);
    expect(down.block).toBeGreaterThan(0);
    expect(await isVisible(page, down)).toBe(true);
    // Back to the very top: that is the reader's doing too, even though the reader once put the page there itself.
    await page.mouse.wheel(0, -2000);
    await page.waitForFunction(() => document.querySelector('article.reader-content')?.getAttribute('data-place-block') === '0');
    expect(await place(page)).toEqual(top);
    await context.close();
  });

  it('jumps from the contents and comes back exactly with "Back to where you were"', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    const before = await turns(page, 5);
    await showControls(page);
    await page.getByRole('button', { name: 'Contents' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Epilogue/ }).click();
    await page.waitForFunction((s) => document.querySelector('article.reader-content')?.getAttribute('data-place-section') !== s, before.section);
    expect(await visibleText(page)).toContain('Asami had never planned to keep anyone');
    await page.getByRole('button', { name: 'Back to where you were', exact: true }).click();
    await page.waitForFunction((s) => document.querySelector('article.reader-content')?.getAttribute('data-place-section') === s, before.section);
    expect(await place(page)).toEqual(before);
    expect(await isVisible(page, before)).toBe(true);
    await context.close();
  });

  it('the scrubber jumps into the work, and the footer says what is left', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    await page.getByLabel('Position in work').fill('900');
    await page.getByRole('button', { name: 'Back to where you were', exact: true }).waitFor();
    const p = await place(page);
    // 90% of Making It Work's words is in its story, near the end (the epilogue is the last 9%).
    expect(p.section).toBe('story');
    const footer = await page.locator('.reader-status').innerText();
    const percent = Number(/(\d+)%/.exec(footer)?.[1]);
    expect(percent).toBeGreaterThanOrEqual(88);
    expect(percent).toBeLessThanOrEqual(91);
    expect(footer).toMatch(/left in section/);
    expect(footer).toMatch(/in work/);
    await context.close();
  });

  it('stepping the scrubber with the keyboard keeps the place from before the first step for "Back to where you were"', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    let start = await place(page);
    for (let i = 0; i < 4; i++) start = await press(page, 'ArrowRight');
    await showControls(page);
    const scrubber = page.getByLabel('Position in work');
    await scrubber.focus();
    // Each arrow key on a range input is a change: a jump of its own.
    for (let i = 0; i < 5; i++) {
      const before = await place(page);
      await scrubber.press('ArrowRight');
      await page.waitForFunction((b) => document.querySelector('article.reader-content')?.getAttribute('data-place-offset') !== String(b.offset) || document.querySelector('article.reader-content')?.getAttribute('data-place-block') !== String(b.block), before);
    }
    await page.getByRole('button', { name: 'Back to where you were', exact: true }).click();
    await page.waitForFunction((s) => document.querySelector('article.reader-content')?.getAttribute('data-place-block') === String(s.block), start);
    expect(await place(page)).toEqual(start);
    await context.close();
  });

  it('can be read from start to end with the keyboard alone, with no accessibility violations', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    // Reach the work from the library with the keyboard.
    await page.keyboard.press('Tab');
    let guard = 0;
    while (!(await page.evaluate(() => document.activeElement?.textContent === 'Making It Work')) && guard++ < 30) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    const cont = page.getByRole('button', { name: 'Continue' });
    await cont.waitFor();
    await cont.focus();
    await page.keyboard.press('Enter');
    await waitForPlace(page);
    expect(await axeViolations(page)).toEqual([]);
    let last = await place(page);
    for (let i = 0; i < 600; i++) {
      const next = await press(page, 'Space');
      if (next.section === last.section && next.block === last.block && next.offset === last.offset) break;
      last = next;
    }
    expect(await visibleText(page)).toContain('The End.');
    await context.close();
  });
});
