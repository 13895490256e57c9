/**
 * Issue 4: the settings panel, themes and fonts, against the production build.
 * Each setting visibly changes the page, survives a reload and keeps the first text on
 * screen; every theme passes axe colour contrast; fonts come from the app's origin; a
 * cold start with a dark theme stored never paints a light frame.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVisible, panelReady, place } from './app';
import { launchBrowser, newContext, startServer, trackForeignRequests, trackPageErrors, type Server } from './harness';

const WORK = 'making-it-work';
const THEMES = ['Light', 'Sepia', 'Dark', 'Black', 'Match system'] as const;
const PALETTE_BG: Record<string, string> = { light: '#fbf8f1', sepia: '#f4ecd8', dark: '#1b1c20', black: '#000000' };

let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openSettings(page: Page) {
  const button = page.getByRole('button', { name: 'Settings', exact: true });
  // The reader hides its bars while reading; "m" (or a tap) brings them back.
  if (!(await button.isVisible())) await page.keyboard.press('m');
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  return panelReady(page, 'Settings');
}

async function closeSettings(page: Page) {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Settings' }).waitFor({ state: 'detached' });
}

function htmlState(page: Page) {
  return page.evaluate(() => {
    // The reading variables are set where they are used (the reader's text, the library's title), not on <html>.
    const screen = document.querySelector<HTMLElement>('.reader-page, .brand');
    return {
      theme: document.documentElement.dataset.theme,
      columns: document.documentElement.dataset.columns,
      pageTurn: document.documentElement.dataset.pageTurn,
      themeColor: document.querySelector<HTMLMetaElement>('meta[name="theme-color"]:not([media])')?.content,
      fontSize: screen?.style.getPropertyValue('--reader-font-size'),
      fontFamily: screen?.style.getPropertyValue('--reader-font-family'),
    };
  });
}

/** Waits until a stored settings change has been written (the state coalesces writes). */
async function settle(page: Page) {
  await page.evaluate(() => new Promise((done) => setTimeout(done, 600)));
}

describe('the settings panel', () => {
  let context: BrowserContext;
  let page: Page;
  let foreign: string[];
  let errors: string[];

  beforeAll(async () => {
    context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    foreign = trackForeignRequests(context, new URL(server.url).origin);
    page = await context.newPage();
    errors = trackPageErrors(page);
    await page.goto(server.url);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('names every control as the issue asks, with native inputs', async () => {
    const dialog = await openSettings(page);
    for (const name of ['Font', 'Paragraphs', 'Theme', 'Columns', 'Page turns']) {
      expect(await dialog.getByRole('group', { name, exact: true }).getByRole('radio').count(), name).toBeGreaterThan(1);
    }
    for (const name of ['Font size', 'Line spacing', 'Margins']) expect(await dialog.getByRole('slider', { name, exact: true }).count(), name).toBe(1);
    for (const name of ['Justify', 'Smart punctuation']) expect(await dialog.getByRole('checkbox', { name, exact: true }).count(), name).toBe(1);
    expect(await dialog.getByRole('button', { name: 'Reset', exact: true }).count()).toBe(1);
    await closeSettings(page);
  });

  it('closes on Escape and gives focus back to the Settings button', async () => {
    await openSettings(page);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Settings' }).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Settings');
  });

  it.each(THEMES)('the %s theme paints the page, sets theme-color and passes axe colour contrast', async (label) => {
    const dialog = await openSettings(page);
    await dialog.getByRole('radio', { name: label, exact: true }).check();
    const state = await htmlState(page);
    const expected = label === 'Match system' ? 'light' : label.toLowerCase();
    expect(state.theme).toBe(expected);
    expect(state.themeColor).toBe(PALETTE_BG[expected]);
    // With the panel open and with it closed: both must pass.
    const open = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(open.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
    await closeSettings(page);
    const closed = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(closed.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
  });

  it('has no axe violations at all with the panel open', async () => {
    await openSettings(page);
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await closeSettings(page);
  });

  it('loads every bundled font from the app itself', async () => {
    const dialog = await openSettings(page);
    // The font choices show in their own faces, so opening the panel loads them all.
    await page.evaluate(() => document.fonts.ready);
    const faces = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/['"]/g, '')));
    for (const family of ['Literata', 'Atkinson Hyperlegible Next', 'OpenDyslexic']) expect(faces).toContain(family);
    const fontUrls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.woff2')));
    expect(fontUrls.length).toBeGreaterThanOrEqual(3);
    for (const url of fontUrls) expect(new URL(url).origin).toBe(new URL(server.url).origin);
    await dialog.getByRole('button', { name: 'Reset' }).click();
    await closeSettings(page);
    expect(foreign).toEqual([]);
  });

  it('survives a reload: every setting comes back from storage', async () => {
    let dialog = await openSettings(page);
    await dialog.getByRole('radio', { name: 'Sepia' }).check();
    await dialog.getByRole('radio', { name: 'Atkinson Hyperlegible Next' }).check();
    await dialog.getByRole('slider', { name: 'Font size' }).fill('24');
    await dialog.getByRole('slider', { name: 'Line spacing' }).fill('1.8');
    await dialog.getByRole('slider', { name: 'Margins' }).fill('40');
    await dialog.getByRole('checkbox', { name: 'Justify' }).check();
    await dialog.getByRole('radio', { name: 'Spaced' }).check();
    await dialog.getByRole('radio', { name: 'Two' }).check();
    await dialog.getByRole('radio', { name: 'None' }).check();
    await dialog.getByRole('checkbox', { name: 'Smart punctuation' }).uncheck();
    await closeSettings(page);
    await settle(page);
    await page.reload();
    dialog = await openSettings(page);
    expect(await dialog.getByRole('radio', { name: 'Sepia' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: 'Atkinson Hyperlegible Next' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('slider', { name: 'Font size' }).inputValue()).toBe('24');
    expect(await dialog.getByRole('slider', { name: 'Line spacing' }).inputValue()).toBe('1.8');
    expect(await dialog.getByRole('slider', { name: 'Margins' }).inputValue()).toBe('40');
    expect(await dialog.getByRole('checkbox', { name: 'Justify' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: 'Spaced' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: 'Two' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: 'None' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Smart punctuation' }).isChecked()).toBe(false);
    expect(await htmlState(page)).toMatchObject({ theme: 'sepia', columns: 'two', pageTurn: 'none', fontSize: '1.5rem' });

    await dialog.getByRole('button', { name: 'Reset' }).click();
    expect(await dialog.getByRole('radio', { name: 'Literata' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('slider', { name: 'Font size' }).inputValue()).toBe('18');
    expect(await htmlState(page)).toMatchObject({ columns: 'auto', pageTurn: 'slide', fontSize: '1.125rem' });
    await closeSettings(page);
    expect(errors).toEqual([]);
  });
});

describe('first paint', () => {
  it('a cold start with a dark theme stored never paints a light frame', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    const dialog = await openSettings(page);
    await dialog.getByRole('radio', { name: 'Dark' }).check();
    await closeSettings(page);
    await settle(page);
    await page.close();

    // A new page in the same profile: record the theme and background at the first
    // animation frame (before the first paint) and every theme <html> ever carries.
    await context.addInitScript(() => {
      const w = window as unknown as { __seen: string[]; __firstFrame: string };
      w.__seen = [];
      // <html> may not exist yet when this runs: watch the whole document.
      new MutationObserver((records) => {
        for (const record of records) if (record.target === document.documentElement) w.__seen.push(document.documentElement.dataset.theme ?? '(removed)');
      }).observe(document, { attributes: true, attributeFilter: ['data-theme'], subtree: true });
      requestAnimationFrame(() => {
        w.__firstFrame = `${document.documentElement.dataset.theme} ${getComputedStyle(document.documentElement).backgroundColor}`;
      });
    });
    const cold = await context.newPage();
    await cold.goto(server.url);
    await cold.getByRole('button', { name: 'Settings', exact: true }).waitFor();
    const seen = await cold.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    const firstFrame = await cold.evaluate(() => (window as unknown as { __firstFrame: string }).__firstFrame);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['dark']));
    expect(firstFrame).toBe('dark rgb(27, 28, 32)');
    await context.close();
  });

  it('turns pages without sliding when the system asks for reduced motion', async () => {
    const context = await newContext(browser, { reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(server.url);
    const dialog = await openSettings(page);
    expect(await dialog.getByRole('radio', { name: 'Slide' }).isChecked()).toBe(true);
    expect((await htmlState(page)).pageTurn).toBe('none');
    await context.close();
  });
});

describe('in the reader', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // Reduced motion: no slide, so each check sees the page the reader reports, not one mid-turn.
    context = await newContext(browser, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    await page.goto(new URL(`#/read/${WORK}`, server.url).href);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.reader-content [data-block]').first().waitFor();
    // Move off the first page, so keeping the place means something.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  });

  afterAll(async () => {
    await context?.close();
  });

  const changes: [string, (dialog: ReturnType<Page['getByRole']>) => Promise<void>][] = [
    // Margins first: at a large font size the screen, not the measure, limits the line.
    ['Margins', (d) => d.getByRole('slider', { name: 'Margins' }).fill('30')],
    ['Font', (d) => d.getByRole('radio', { name: 'OpenDyslexic' }).check()],
    ['Font size', (d) => d.getByRole('slider', { name: 'Font size' }).fill('26')],
    ['Line spacing', (d) => d.getByRole('slider', { name: 'Line spacing' }).fill('2')],
    ['Justify', (d) => d.getByRole('checkbox', { name: 'Justify' }).check()],
    ['Paragraphs', (d) => d.getByRole('radio', { name: 'Spaced' }).check()],
    ['Theme', (d) => d.getByRole('radio', { name: 'Black' }).check()],
    ['Columns', (d) => d.getByRole('radio', { name: 'One', exact: true }).check()],
    ['Smart punctuation', (d) => d.getByRole('checkbox', { name: 'Smart punctuation' }).uncheck()],
  ];

  it.each(changes)('%s visibly changes the page and keeps the text that was first on screen', async (name, change) => {
    if (name === 'Smart punctuation') {
      // The epilogue opens with straight quotes and " - " dashes, so the change shows on its first page.
      if ((await page.locator('.reader').getAttribute('data-controls')) === 'hidden') await page.keyboard.press('m');
      await page.getByRole('button', { name: 'Contents' }).click();
      await page.getByRole('button', { name: /Epilogue/ }).click();
      await page.waitForFunction(() => document.querySelector('article.reader-content')?.getAttribute('data-place-section') === 'epilogue');
      expect(await page.locator('.reader-content').innerText()).toMatch(/Akihito['’]s scent was clearly/);
    }
    await page.evaluate(() => document.fonts.ready);
    const before = await place(page);
    expect(await isVisible(page, before)).toBe(true);
    const shotBefore = await page.locator('.reader-viewport').screenshot();
    const dialog = await openSettings(page);
    await change(dialog);
    await closeSettings(page);
    await page.evaluate(() => document.fonts.ready);
    // Re-anchoring may take a frame or two after fonts settle; wait for it, then check.
    await page.waitForFunction(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))));
    expect(await place(page)).toEqual(before);
    expect(await isVisible(page, before)).toBe(true);
    const shotAfter = await page.locator('.reader-viewport').screenshot();
    expect(shotAfter.equals(shotBefore)).toBe(false);
  });

  it('a typography change is set on the reader\'s page: nothing on <html> or on the bars and panels around it', async () => {
    // A custom property changed on <html> (or on .reader) restyles every element under it, the open panel included.
    const styles = () => page.evaluate(() => ({ html: document.documentElement.getAttribute('style'), screen: document.querySelector('.reader')?.getAttribute('style') ?? null }));
    const before = await styles();
    const dialog = await openSettings(page);
    await dialog.getByRole('slider', { name: 'Font size' }).fill('22');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.reader-content .para') as Element).fontSize === '22px');
    expect(await styles()).toEqual(before);
    expect(before.screen ?? '').not.toContain('--reader-');
    expect(await page.locator('.reader-page').evaluate((el) => (el as HTMLElement).style.getPropertyValue('--reader-font-size'))).toBe('1.375rem');
    await closeSettings(page);
  });
});

describe('WCAG 1.4.12 text spacing', () => {
  /** The spacing a reader's own stylesheet may impose (the success criterion's values). */
  const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
    p { margin-bottom: 2em !important; }`;

  /** Elements that clip their own text: their content is taller or wider than their box. */
  function clipped(page: Page): Promise<string[]> {
    return page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => {
          const style = getComputedStyle(el);
          const clips = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
          // The reader's page clips by design (columns beyond it are the next pages); skip it and sr-only text.
          if (!clips || el.closest('.reader-viewport')) return false;
          // Text hidden on purpose for screen readers only (clipped to nothing) is not clipped text.
          if (style.clipPath !== 'none' || el.closest('.visually-hidden')) return false;
          if (style.textOverflow === 'ellipsis') return false;
          return el.textContent !== null && el.textContent.trim() !== '' && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    );
  }

  it('keeps every control and the text readable, and the reader keeps its place, under a reader\'s spacing overrides', async () => {
    // The overrides come from the reader's side (a user style), so they are let past the app's CSP here.
    // Reduced motion: no slide, so the page can be checked as soon as the turn is reported.
    const context = await newContext(browser, { bypassCSP: true, reducedMotion: 'reduce' });
    await context.addInitScript((css: string) => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = css;
        document.head.append(style);
      });
    }, SPACING);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).letterSpacing)).not.toBe('normal');
    expect(await clipped(page)).toEqual([]);
    await page.getByRole('link', { name: 'Making It Work', exact: true }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.reader-content [data-block]').first().waitFor();
    let p = await place(page);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((b) => document.querySelector('article.reader-content')?.getAttribute('data-place-offset') !== String(b.offset) || document.querySelector('article.reader-content')?.getAttribute('data-place-block') !== String(b.block), p);
      p = await place(page);
    }
    expect(await isVisible(page, p)).toBe(true);
    await page.keyboard.press('m');
    await page.locator('.reader[data-controls="shown"]').waitFor();
    expect(await clipped(page)).toEqual([]);
    await context.close();
  });
});
