/** Helpers that drive Quire itself in the e2e suite: open it, open a work, read where the reader is. */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { newContext, trackForeignRequests, trackPageErrors, type Server } from './harness';

export const WORKS = {
  long: { id: 'making-it-work', title: 'Making It Work' },
  short: { id: 'untitled-alec-realised', title: 'Untitled' },
} as const;

export interface Place {
  section: string;
  block: number;
  offset: number;
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  foreign: string[];
  errors: string[];
}

/** A new context and page on the library, tracking requests to other origins and page errors. */
export async function openApp(browser: Browser, server: Server, options: Parameters<typeof newContext>[1] = {}): Promise<Opened> {
  const context = await newContext(browser, options);
  const foreign = trackForeignRequests(context, new URL(server.url).origin);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
  return { context, page, foreign, errors };
}

/** Opens a work from the library by its title link, passing the adult-content notice if it shows. */
export async function openWork(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title, exact: true }).click();
  const cont = page.getByRole('button', { name: 'Continue' });
  const article = page.locator('article.reader-content');
  await Promise.race([cont.waitFor(), article.waitFor()]);
  if (await cont.isVisible()) await cont.click();
  await waitForPlace(page);
}

/** Waits until the reader shows a section and reports its place. */
export async function waitForPlace(page: Page): Promise<Place> {
  await page.locator('article.reader-content[data-place-block] [data-block]').first().waitFor();
  return place(page);
}

/** The reader's place as it reports it on the article. */
export async function place(page: Page): Promise<Place> {
  const article = page.locator('article.reader-content');
  const [section, block, offset] = await Promise.all([
    article.getAttribute('data-place-section'),
    article.getAttribute('data-place-block'),
    article.getAttribute('data-place-offset'),
  ]);
  return { section: section ?? '', block: Number(block), offset: Number(offset) };
}

/**
 * True when the character at `p` is inside the visible page (the viewport's box), checked
 * from the DOM alone: the character's own box, not the reader's idea of where it is.
 */
export function isVisible(page: Page, p: Place): Promise<boolean> {
  return page.evaluate(({ block, offset }) => {
    const viewport = document.querySelector('.reader-viewport');
    const el = document.querySelector<HTMLElement>(`.reader-content [data-block="${block}"]`);
    if (!viewport || !el) return false;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    // A block laid out from part-way in (a window's first block) starts at data-base.
    let rest = offset - Number(el.dataset.base ?? 0);
    if (rest < 0) return false;
    let node: Text | null = null;
    while (walker.nextNode()) {
      const text = walker.currentNode as Text;
      if (rest < text.length) {
        node = text;
        break;
      }
      rest -= text.length;
    }
    let rect: DOMRect;
    if (node) {
      // Skip white space, which can sit at the end of the line before.
      const content = node.data;
      while (rest < content.length - 1 && /\s/.test(content[rest] ?? '')) rest++;
      const range = document.createRange();
      range.setStart(node, rest);
      range.setEnd(node, rest + 1);
      rect = range.getBoundingClientRect();
    } else {
      rect = el.getBoundingClientRect();
    }
    const box = viewport.getBoundingClientRect();
    const cx = rect.left + rect.width / 2;
    const cy = rect.top + rect.height / 2;
    // Inside the page's box, and that box where the reader can see it (inside the window).
    const inBox = cx >= box.left && cx <= box.right && cy >= box.top && cy <= box.bottom;
    return inBox && cx >= 0 && cx <= window.innerWidth && cy >= 0 && cy <= window.innerHeight;
  }, p);
}

/** The text of the blocks that are (at least partly) on screen. */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.reader-viewport');
    if (!viewport) return '';
    const box = viewport.getBoundingClientRect();
    return [...document.querySelectorAll('.reader-content [data-block]')]
      .filter((el) =>
        [...el.getClientRects()].some((r) => r.right > box.left + 1 && r.left < box.right - 1 && r.bottom > box.top + 1 && r.top < box.bottom - 1),
      )
      .map((el) => el.textContent ?? '')
      .join('\n');
  });
}

/** Presses a key and waits for the reader to report a new place (or for a frame, when it cannot move). */
export async function press(page: Page, key: string): Promise<Place> {
  const before = await place(page);
  await page.keyboard.press(key);
  await page.waitForFunction(
    (b) => {
      const a = document.querySelector('article.reader-content');
      return a !== null && (a.getAttribute('data-place-section') !== b.section || Number(a.getAttribute('data-place-block')) !== b.block || Number(a.getAttribute('data-place-offset')) !== b.offset);
    },
    before,
    { timeout: 2_000 },
  ).catch(() => undefined);
  return place(page);
}

/** A place (the reader's or a stored one) as a string, for comparing two; null stays null. */
export const placeKey = (p: { section?: string; sectionId?: string; block: number; offset: number } | null) => p && `${p.section ?? p.sectionId}/${p.block}/${p.offset}`;

/** Every record of an IndexedDB store of the app's database, as stored ([] when it can't be read: no database, no such store). */
export function storedRecords(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve) => {
        const open = indexedDB.open('quire');
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          try {
            const all = db.transaction(name).objectStore(name).getAll();
            all.onsuccess = () => resolve(all.result);
            all.onerror = () => resolve([]);
          } catch {
            resolve([]);
          } finally {
            db.close();
          }
        };
      }),
    store,
  );
}

/** Reads the stored position of a work straight from IndexedDB. */
export async function storedPosition(page: Page, workId: string): Promise<{ sectionId: string; block: number; offset: number } | null> {
  type Stored = { workId: string } & ({ sectionId: string; block: number; offset: number } | { locator: { sectionId: string; block: number; offset: number } });
  const value = (await storedRecords(page, 'positions')).find((r): r is Stored => (r as { workId?: string }).workId === workId);
  return value ? ('locator' in value ? value.locator : value) : null;
}

/** axe-core's violations on the page as "rule: targets" lines (empty when there are none). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Makes sure the reader's controls are showing (they hide while reading). */
export async function showControls(page: Page): Promise<void> {
  if ((await page.locator('.reader').getAttribute('data-controls')) === 'hidden') await page.keyboard.press('m');
  await page.locator('.reader[data-controls="shown"]').waitFor();
}

/**
 * The panel named `title` once its content is in. A lazy panel asked for before its chunk
 * arrived opens its frame at once, `aria-busy` and saying "Loading…" (src/ui/lazy): what a test
 * then counts or reads must wait for the content, not only for the dialog.
 */
export async function panelReady(page: Page, title: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.and(page.locator('dialog:not([aria-busy])')).waitFor();
  return dialog;
}

/** The first and last characters whose boxes are on the page (white space aside), read from the DOM alone. */
export function pageSpan(page: Page): Promise<{ first: { block: number; offset: number } | null; last: { block: number; offset: number } | null; count: number; firstRendered: number }> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.reader-viewport');
    const blocks = [...document.querySelectorAll<HTMLElement>('.reader-content [data-block]')];
    const box = viewport?.getBoundingClientRect();
    let first: { block: number; offset: number } | null = null;
    let last: { block: number; offset: number } | null = null;
    let count = 0;
    const range = document.createRange();
    for (const el of blocks) {
      if (!box) break;
      const block = Number(el.dataset.block);
      let offset = Number(el.dataset.base ?? 0);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        for (let i = 0; i < node.length; i++, offset++) {
          if (/\s/.test(node.data[i] ?? '')) continue;
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const r = range.getBoundingClientRect();
          const cx = r.left + r.width / 2;
          const cy = r.top + r.height / 2;
          if (cx < box.left || cx > box.right || cy < box.top || cy > box.bottom) continue;
          first ??= { block, offset };
          last = { block, offset };
          count++;
        }
      }
    }
    return { first, last, count, firstRendered: Number(blocks[0]?.dataset.block ?? 0) };
  });
}
