/** Issue 13: highlights, notes and links to a passage, in real Chromium against the production build. */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadWork } from '../../build/works-plugin';
import { quoteFor } from '../../src/annotations/anchor';
import { encodePassage } from '../../src/annotations/link';
import { axeViolations, isVisible, openApp, openWork, panelReady, place, type Place, showControls, waitForPlace, WORKS } from './app';
import { browserAndServer, newContext, trackPageErrors } from './harness';

const suite = browserAndServer();
const work = loadWork(resolve('works', WORKS.long.id), WORKS.long.id);
const SENTENCE = 'Asami Ryuichi had not expected to meet anyone compatible with him.';

/** What CSS.highlights holds, per colour: the text of each range. */
function drawn(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const c of ['yellow', 'green', 'blue', 'pink']) out[c] = [...(CSS.highlights.get(`quire-${c}`) ?? [])].map((r) => (r as Range).toString());
    return out;
  });
}

/** The drawn ranges that have a box inside the visible page. */
function drawnOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const box = document.querySelector('.reader-viewport')?.getBoundingClientRect();
    if (!box) return [];
    return [...(CSS.highlights.get('quire-yellow') ?? [])]
      .filter((r) => [...(r as Range).getClientRects()].some((x) => x.width > 0 && x.left >= box.left - 1 && x.right <= box.right + 1 && x.top >= box.top - 1 && x.bottom <= box.bottom + 1))
      .map((r) => (r as Range).toString());
  });
}

/** Waits until the reader's page has settled (turn animations finished). */
function settled(page: Page): Promise<unknown> {
  return page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

/** Two animation frames: a handler's work (and the render it asked for) has been done. */
function frames(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Screen points at the left edge of a text's first character and the right edge of its last one, in a block. */
function endsOf(page: Page, block: number, text: string): Promise<{ from: { x: number; y: number }; to: { x: number; y: number } }> {
  return page.evaluate(
    ({ block, text }) => {
      const el = document.querySelector(`.reader-content [data-block="${block}"]`);
      const node = el?.firstChild;
      if (!(node instanceof Text)) throw new Error('no text node');
      const at = node.data.indexOf(text);
      if (at < 0) throw new Error(`"${text}" not on the page`);
      const box = (i: number) => {
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        return r.getBoundingClientRect();
      };
      const a = box(at);
      const b = box(at + text.length - 1);
      return { from: { x: a.left + 1, y: a.top + a.height / 2 }, to: { x: b.right - 1, y: b.top + b.height / 2 } };
    },
    { block, text },
  );
}

/** Selects text by dragging the mouse over it. */
async function dragSelect(page: Page, block: number, text: string): Promise<void> {
  const { from, to } = await endsOf(page, block, text);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** Every record of an IndexedDB store. */
function stored(page: Page, store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name) =>
      new Promise((done) => {
        const open = indexedDB.open('quire');
        open.onsuccess = () => {
          const get = open.result.transaction(name).objectStore(name).getAll();
          get.onsuccess = () => {
            open.result.close();
            done(get.result as Record<string, unknown>[]);
          };
        };
      }),
    store,
  );
}

/** Opens a reader panel from the header. */
async function openPanel(page: Page, tool: string, title: string) {
  await showControls(page);
  await page.getByRole('button', { name: tool, exact: true }).click();
  return panelReady(page, title);
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; path: string }> {
  const downloading = page.waitForEvent('download');
  await click();
  const d = await downloading;
  const path = join(tmpdir(), `quire-e2e-notes-${process.pid}-${Date.now()}-${d.suggestedFilename()}`);
  await d.saveAs(path);
  return { name: d.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}

const onlyYellow = (text: string) => ({ yellow: [text], green: [], blue: [], pink: [] });

describe('highlights and notes', () => {
  it('a sentence selected by mouse drag, highlighted, noted, stays on exactly its characters through font size, rotation, scroll mode and reload; deleted, it stays deleted through an older import; its Markdown link opens it after the notice', async () => {
    const { context, page, errors, foreign } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    const at = await place(page);

    // Select, then act: the toolbar shows, axe finds nothing in it; yellow.
    await dragSelect(page, 1, SENTENCE);
    const toolbar = page.getByRole('toolbar', { name: 'Selected text' });
    await toolbar.waitFor();
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(SENTENCE);
    expect(await place(page), 'a drag that makes a selection does not turn the page').toEqual(at);
    expect(await axeViolations(page)).toEqual([]);
    await toolbar.getByRole('button', { name: 'Highlight yellow' }).click();
    await toolbar.waitFor({ state: 'detached' });
    await expect.poll(() => drawn(page)).toEqual(onlyYellow(SENTENCE));
    await expect.poll(async () => (await stored(page, 'highlights')).map((h) => (h.quote as { text: string }).text)).toEqual([SENTENCE]);

    // A note, from the panel; axe finds nothing in the panel; the note marker opens it.
    let panel = await openPanel(page, 'Notes', 'Highlights and notes');
    expect(await panel.getByText(SENTENCE).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: /^Add note: Asami Ryuichi/ }).click();
    const editor = page.getByRole('dialog', { name: 'Note', exact: true });
    await editor.getByLabel('Your note').fill('Where it all starts.');
    await editor.getByRole('button', { name: 'Save note' }).click();
    await editor.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    const marker = page.getByRole('button', { name: 'Open note: Where it all starts.' });
    await marker.waitFor();
    expect(await axeViolations(page), 'with a note marker on the page').toEqual([]);
    await marker.click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Note', exact: true }).getByLabel('Your note').inputValue()).toBe('Where it all starts.');
    await page.keyboard.press('Escape');

    const check = async (what: string) => {
      await settled(page);
      await expect.poll(() => drawn(page), { message: what }).toEqual(onlyYellow(SENTENCE));
    };
    // Font size.
    await showControls(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('slider', { name: 'Font size', exact: true }).fill('26');
    await page.keyboard.press('Escape');
    await check('after a font size change');
    // Rotation: the viewport's sides swap.
    await page.setViewportSize({ width: 915, height: 412 });
    await check('after rotating');
    await page.setViewportSize({ width: 412, height: 915 });
    // Scroll mode and back.
    await showControls(page);
    await page.getByRole('button', { name: 'Scroll', exact: true }).click();
    await page.locator('.reader.scrolling').waitFor();
    await check('in scroll mode');
    await page.getByRole('button', { name: 'Scroll', exact: true }).click();
    await page.locator('.reader.paginated').waitFor();
    await check('back in paginated mode');
    await page.reload();
    await waitForPlace(page);
    await check('after a reload');

    // The Markdown export holds the quote and a link.
    panel = await openPanel(page, 'Notes', 'Highlights and notes');
    const md = await download(page, () => panel.getByRole('button', { name: 'Export as Markdown' }).click());
    expect(md.name).toBe('quire-notes-making-it-work.md');
    expect(md.text).toContain(`> ${SENTENCE}\n`);
    expect(md.text).toContain('**Note:** Where it all starts.');
    const link = /\[Open this passage in Quire\]\(([^)]+)\)/.exec(md.text)?.[1] ?? '';
    expect(link.startsWith(`${suite.server.url.replace(/\/$/, '')}/#/read/making-it-work?at=1.recap.1.0.`)).toBe(true);

    // An export that still holds the highlight; then delete it (undo is offered).
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    let settings = page.getByRole('dialog', { name: 'Settings' });
    const older = await download(page, () => settings.getByRole('button', { name: 'Export reading data' }).click());
    expect(JSON.parse(older.text).highlights).toHaveLength(1);
    await page.keyboard.press('Escape');
    panel = await openPanel(page, 'Notes', 'Highlights and notes');
    await panel.getByRole('button', { name: /^Delete highlight: Asami Ryuichi/ }).click();
    await panel.getByRole('button', { name: 'Undo' }).waitFor();
    await expect.poll(() => drawn(page)).toEqual({ yellow: [], green: [], blue: [], pink: [] });
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    // Import the older export: it stays deleted.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByLabel('Import reading data').setInputFiles(older.path);
    await expect.poll(() => settings.locator('.reading-data__import-result').textContent()).toMatch(/^Imported/);
    await page.keyboard.press('Escape');
    expect(await stored(page, 'highlights')).toEqual([]);
    expect((await stored(page, 'tombstones')).map((t) => t.kind)).toEqual(['highlight']);
    panel = await openPanel(page, 'Notes', 'Highlights and notes');
    await panel.getByText('No highlights yet.', { exact: false }).waitFor();
    expect(await drawn(page)).toEqual({ yellow: [], green: [], blue: [], pink: [] });
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();

    // The link in a fresh profile: the notice first, then that sentence on screen.
    const fresh = await newContext(suite.browser);
    const tab = await fresh.newPage();
    const tabErrors = trackPageErrors(tab);
    await tab.goto(link);
    await tab.getByRole('heading', { name: 'Adult content' }).waitFor();
    expect(await tab.locator('article.reader-content').count(), 'no text before the notice').toBe(0);
    await tab.getByRole('button', { name: 'Continue' }).click();
    const opened = await waitForPlace(tab);
    expect(opened).toEqual({ section: 'recap', block: 1, offset: 0 });
    await settled(tab);
    expect(await isVisible(tab, { section: 'recap', block: 1, offset: 0 })).toBe(true);
    expect(await isVisible(tab, { section: 'recap', block: 1, offset: SENTENCE.length - 1 })).toBe(true);
    expect(tabErrors).toEqual([]);
    await fresh.close();
  });

  it('a highlight spanning a layout window’s seam is drawn on both pages', async () => {
    const { context, page, errors } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    // Read on until a new window is laid out: its first character is a seam.
    const firstRendered = () => page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('.reader-content [data-block]');
      return `${el?.dataset.block}/${el?.dataset.base ?? 0}`;
    });
    const startWindow = await firstRendered();
    let seam: Place | null = null;
    for (let i = 0; i < 200 && !seam; i++) {
      await page.keyboard.press('ArrowRight');
      await settled(page);
      await frames(page);
      if ((await firstRendered()) !== startWindow && !(await page.locator('.reader-content [data-block="0"]').count())) seam = await place(page);
    }
    if (!seam) throw new Error('no window seam found');
    const section = work.sections.find((s) => s.id === seam.section);
    if (!section) throw new Error('unknown section');
    // 30 characters either side of the seam, in the source's own text.
    const text = (section.blocks.map((b) => b.text)).join('\n');
    const flatSeam = section.blocks.slice(0, seam.block).reduce((n, b) => n + b.text.length + 1, 0) + seam.offset;
    const toPlace = (flat: number) => {
      let b = 0;
      while (flat > (section.blocks[b]?.text.length ?? 0)) flat -= (section.blocks[b++]?.text.length ?? 0) + 1;
      return { block: b, offset: flat };
    };
    const start = toPlace(flatSeam - 30);
    const end = toPlace(flatSeam + 30);
    const quote = quoteFor(section, start, end);
    expect(quote.text).toBe(text.slice(flatSeam - 30, flatSeam + 30));
    const highlight = { id: 'seam', workId: WORKS.long.id, sectionId: section.id, start, end, quote, colour: 'yellow', note: '', createdAt: 1, updatedAt: 1 };
    await page.evaluate(
      (h) =>
        new Promise<void>((done) => {
          const open = indexedDB.open('quire');
          open.onsuccess = () => {
            const tx = open.result.transaction('highlights', 'readwrite');
            tx.objectStore('highlights').put(h);
            tx.oncomplete = () => {
              open.result.close();
              done();
            };
          };
        }),
      highlight,
    );
    await page.reload();
    expect(await waitForPlace(page)).toEqual(seam);
    await settled(page);
    // This page: the part from the seam on (the window starts there).
    const after = text.slice(flatSeam, flatSeam + 30).replace(/\n/g, '');
    const before = text.slice(flatSeam - 30, flatSeam).replace(/\n/g, '');
    await expect.poll(() => drawnOnPage(page)).toEqual([after]);
    // The page before (the window that ends at the seam): the part before it.
    await page.keyboard.press('ArrowLeft');
    await settled(page);
    await expect.poll(() => drawnOnPage(page)).toEqual([before]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the toolbar from the keyboard', () => {
  it('Tab reaches it, arrows move along it without turning the page, Enter acts, Copy gives the quote and a link, Escape dismisses it without leaving the work', async () => {
    const { context, page, errors } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    const at = await place(page);
    await dragSelect(page, 1, SENTENCE);
    const toolbar = page.getByRole('toolbar', { name: 'Selected text' });
    await toolbar.waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Highlight yellow');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Highlight green');
    await page.keyboard.press('Enter');
    await expect.poll(() => drawn(page)).toEqual({ yellow: [], green: [SENTENCE], blue: [], pink: [] });
    expect(await place(page)).toEqual(at);
    // Copy: the quote with a link back (the one passage encoding).
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.server.url).origin });
    await dragSelect(page, 1, 'Asami Ryuichi');
    await toolbar.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied the quote and a link to it.' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(new RegExp(`^“Asami Ryuichi”\\n${suite.server.url.replace(/\/$/, '')}/#/read/making-it-work\\?at=1\\.recap\\.1\\.0\\.[A-Za-z0-9_-]+$`));
    await toolbar.getByRole('button', { name: 'Highlight yellow' }).focus();
    await page.keyboard.press('Escape');
    await toolbar.waitFor({ state: 'detached' });
    expect(await page.locator('article.reader-content').count(), 'still reading').toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('links to a passage', () => {
  it('a link opens at its character with the saved place offered as Back; one that no longer resolves opens at the saved place and says so', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await settled(page);
    await frames(page);
    const saved = await place(page);
    await expect.poll(async () => {
      const all = await stored(page, 'positions');
      const p = all.find((x) => x.workId === WORKS.long.id);
      return p ? `${String(p.sectionId)}/${String(p.block)}/${String(p.offset)}` : null;
    }).toBe(`${saved.section}/${saved.block}/${saved.offset}`);
    // A good link: that character, and "Back to where you were" leads to the saved place.
    const good = encodePassage({ sectionId: 'epilogue', block: 2, offset: 0, quote: 'It amazed Asami' });
    await page.goto(`${suite.server.url}#/read/${WORKS.long.id}?at=${good}`);
    await expect.poll(() => place(page)).toEqual({ section: 'epilogue', block: 2, offset: 0 });
    await settled(page);
    expect(await isVisible(page, { section: 'epilogue', block: 2, offset: 0 })).toBe(true);
    await page.getByRole('button', { name: 'Back to where you were', exact: true }).click();
    await expect.poll(() => place(page)).toEqual(saved);
    for (const at of ['garbage', '1.story.0.999999.', '1.elsewhere.0.0.', '2.story.0.0.']) {
      await page.goto(`${suite.server.url}#/read/${WORKS.long.id}?at=${at}`);
      const alert = page.getByRole('alert').filter({ hasText: 'Quire opened this work at your saved place instead.' });
      await alert.waitFor();
      expect(await waitForPlace(page), at).toEqual(saved);
    }
    await context.close();
  });
});

describe('a selection never turns the page', () => {
  it('a swipe that ends a touch selection does not turn the page; the same swipe without one does', async () => {
    const context = await newContext(suite.browser, { hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(suite.server.url);
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    await openWork(page, WORKS.long.title);
    const cdp = await context.newCDPSession(page);
    const start = await place(page);
    const y = 500;
    const swipe = async (select: boolean) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 330, y }] });
      for (const x of [300, 250, 200, 150, 100]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
      // As when a selection handle was dragged: the gesture ends with text selected.
      if (select) {
        await page.evaluate(() => {
          const node = document.querySelector('.reader-content [data-block="1"]')?.firstChild;
          if (node) getSelection()?.setBaseAndExtent(node, 0, node, 20);
        });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await frames(page);
      await settled(page);
    };
    await swipe(true);
    expect(await place(page), 'the swipe that ended a selection did not turn').toEqual(start);
    // An edge click that clears the selection (the press collapses it before the release) starts
    // on a selection: it does nothing else either.
    expect(await page.evaluate(() => getSelection()?.isCollapsed)).toBe(false);
    await page.mouse.click(390, y);
    await frames(page);
    await settled(page);
    expect(await page.evaluate(() => getSelection()?.isCollapsed), 'the click cleared the selection').toBe(true);
    expect(await place(page), 'an edge tap that cleared a selection did not turn').toEqual(start);
    await swipe(false);
    await expect.poll(() => place(page)).not.toEqual(start);
    await context.close();
  });
});
