/** Issue 14: the shelf at phone size, "Continue reading", "About this work" against each meta.json, and every theme's contrast. */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { axeViolations, openApp, openWork, place, press, storedRecords, WORKS } from './app';
import { browserAndServer, startServer, type Server } from './harness';

const suite = browserAndServer();

interface Meta {
  fromText: { title: string | null; opening: string; notes: string[]; paragraphs: number; words: number };
  addedByApp: {
    displayTitle: string;
    displayTitleNote?: string;
    fandom: string;
    relationship: string;
    characters: string[];
    tags: string[];
    contentNotes: string[];
    adult: boolean;
    adultReason: string;
  };
  structure: { sections: { id: string; titleSource: 'text' | 'app'; title?: string }[] };
}

const meta = (id: string) => JSON.parse(readFileSync(`works/${id}/meta.json`, 'utf8')) as Meta;
const fandomOf = (id: string) => meta(id).addedByApp.fandom;
const number = new Intl.NumberFormat('en');

/** True when the element's whole box lies inside the viewport. */
async function inViewport(page: Page, el: Locator): Promise<boolean> {
  const box = await el.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
}

/** The shelf entry of a work: the article its title heads. */
const entry = (within: Page | Locator, title: string) => within.getByRole('article', { name: title, exact: true });

/** Normalises white space, as a reader of the page sees it. */
const text = async (el: Locator) => ((await el.textContent()) ?? '').replace(/\s+/g, ' ');

describe('the shelf', () => {
  it('shows both works’ titles, covers and progress within the first screen at 412×915, with no sort controls for two', async () => {
    const { context, page, foreign, errors } = await openApp(suite.browser, suite.server);
    for (const w of Object.values(WORKS)) {
      const e = entry(page, w.title);
      await expect(inViewport(page, e.getByRole('link', { name: w.title, exact: true }))).resolves.toBe(true);
      const cover = e.getByRole('img', { name: `Generated cover: title ${w.title}, fandom ${fandomOf(w.id)}`, exact: true });
      await expect(inViewport(page, cover)).resolves.toBe(true);
      await expect(inViewport(page, e.getByText('0%', { exact: true }))).resolves.toBe(true);
      await expect(inViewport(page, e.getByRole('link', { name: `Start ${w.title}`, exact: true }))).resolves.toBe(true);
      expect(await text(e)).toMatch(/\d+ min left/);
    }
    // Honest about the untitled work: its opening words stand beside the label.
    expect(await text(entry(page, WORKS.short.title))).toContain(`“${meta(WORKS.short.id).fromText.opening}”`);
    expect(await page.getByRole('combobox').count()).toBe(0);
    await page.getByRole('region', { name: 'Your reading' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('puts the last-read work first as "Continue reading", with its section and snippet, and opens it at its place', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    for (let i = 0; i < 4; i++) await press(page, 'ArrowRight');
    const here = await place(page);
    await page.keyboard.press('Escape');
    const section = page.getByRole('region', { name: 'Continue reading' });
    await section.waitFor();
    const featured = entry(section, WORKS.long.title);
    const sectionTitle = here.section === 'recap' ? 'Previously on Crossed Paths' : here.section === 'story' ? 'Story' : 'Epilogue';
    expect((await text(featured)).replace(/\u00a0/g, ' ')).toContain(sectionTitle);
    expect(await featured.locator('.entry-snippet').count()).toBe(1);
    // The snippet is the text at the place.
    const snippet = ((await featured.locator('.entry-snippet').textContent()) ?? '').replace(/^“|…”$/g, '');
    expect(snippet.length).toBeGreaterThan(10);
    // It stands before the other work.
    const order = await page.getByRole('article').evaluateAll((els) => els.map((el) => el.getAttribute('aria-labelledby')));
    expect(order[0]).toBe(`entry-${WORKS.long.id}`);
    expect(await inViewport(page, page.getByRole('link', { name: WORKS.short.title, exact: true }))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await featured.getByRole('link', { name: /^Continue reading Making It Work, \d+% read$/ }).click();
    await page.locator('article.reader-content[data-place-block] [data-block]').first().waitFor();
    await expect(place(page)).resolves.toEqual(here);
    const shown = await page.evaluate(() => document.querySelector('.reader-content')?.textContent ?? '');
    expect(shown.replace(/\s+/g, ' ')).toContain(snippet.replace(/\s+/g, ' ').trim().slice(0, 20));
    await context.close();
  });
});

describe('finishing a work', () => {
  it('reading to the end of the untitled work shows the end page, 100%, the way back and the other work', async () => {
    const { context, page, errors } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.short.title);
    const end = page.getByRole('heading', { name: 'You have reached the end' });
    for (let i = 0; i < 400 && !(await end.isVisible()); i++) await press(page, 'ArrowRight');
    await end.waitFor();
    // The last paragraph of the text is what the reader last saw.
    expect(await page.locator('.reader-content').textContent()).toContain('they met in the middle and their lips interlaced.');
    await expect(page.locator('.reader-status').textContent()).resolves.toContain('100%');
    await expect(page.getByRole('region', { name: 'You have reached the end' }).textContent()).resolves.toContain('100% read');
    await expect(page.getByRole('link', { name: `Start ${WORKS.long.title}` }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Back to the last page, then on again: the end page comes back.
    await page.getByRole('button', { name: 'Back to the last page' }).click();
    await end.waitFor({ state: 'detached' });
    await page.keyboard.press('ArrowRight');
    await end.waitFor();
    await page.getByRole('region', { name: 'You have reached the end' }).getByRole('button', { name: 'Back to library' }).click();
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    await entry(page, WORKS.short.title).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('reading statistics', () => {
  it('counts the pages read (not a skim, not a pause), keeps them across a reload, and resets', async () => {
    const { context, page, errors } = await openApp(suite.browser, suite.server);
    // The clock the app reads (Date.now) is set by the test; timers and frames run as usual.
    const t0 = Date.UTC(2026, 2, 10, 9);
    await page.clock.setFixedTime(t0);
    await openWork(page, WORKS.short.title);
    const turnAt = async (t: number) => {
      await page.clock.setFixedTime(t);
      await press(page, 'ArrowRight');
    };
    await turnAt(t0 + 30_000); // read for 30 s: counted
    await turnAt(t0 + 31_000); // 1 s: a skim, left out
    await turnAt(t0 + 31_000 + 20 * 60_000); // 20 min: a pause, left out
    await turnAt(t0 + 31_000 + 20 * 60_000 + 45_000); // 45 s: counted, a new sitting
    await page.keyboard.press('Escape');
    const stats = page.getByRole('region', { name: 'Your reading' });
    const figure = (name: string) => stats.locator('dt', { hasText: name }).locator('xpath=following-sibling::dd[1]');
    const check = async () => {
      await expect(figure('Time reading').textContent()).resolves.toBe('1 min');
      await expect(figure('Sittings').textContent()).resolves.toBe('2');
      await expect(figure('Days in a row').textContent()).resolves.toMatch(/^1 day/);
      // A page's words are an estimate with a fraction: the figure shown is rounded, the speed is
      // worked out from the stored words, so the speed expected is too (75 s of counted reading).
      const allWorks = async () => (await storedRecords(page, 'stats')).find((r): r is { workId: string; words: number; ms: number } => (r as { workId?: string }).workId === '*');
      await expect.poll(async () => (await allWorks())?.ms, { timeout: 5_000 }).toBe(75_000);
      const words = (await allWorks())?.words ?? 0;
      expect(words).toBeGreaterThan(50);
      await expect(figure('Words read').textContent()).resolves.toBe(Math.round(words).toLocaleString('en'));
      await expect(figure('Speed').textContent()).resolves.toBe(`${Math.round((words / 75) * 60)} words a minute`);
    };
    await check();
    // The chart's table: today has the minute.
    await stats.getByText('Show the numbers').click();
    await expect(stats.getByRole('row', { name: /^Mar 10 1 / }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    await check();
    // Per work, on "About this work".
    await page.goto(`${suite.server.url}#/about/${WORKS.short.id}`);
    const mine = page.getByRole('region', { name: 'Your reading of this work' });
    await expect(mine.locator('dt', { hasText: 'Sittings' }).locator('xpath=following-sibling::dd[1]').textContent()).resolves.toBe('2');
    await page.goto(`${suite.server.url}#/about/${WORKS.long.id}`);
    await expect(page.getByRole('region', { name: 'Your reading of this work' }).locator('dt', { hasText: 'Sittings' }).locator('xpath=following-sibling::dd[1]').textContent()).resolves.toBe('0');
    await page.getByRole('link', { name: 'Back to library' }).click();
    await stats.getByRole('button', { name: 'Reset reading statistics' }).click();
    await stats.getByRole('button', { name: 'Yes, reset statistics' }).click();
    await stats.getByText('Reading statistics reset.').waitFor();
    await expect(figure('Time reading').textContent()).resolves.toBe('none yet');
    await page.reload();
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    await expect(figure('Sittings').textContent()).resolves.toBe('0');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('About this work', () => {
  for (const w of Object.values(WORKS)) {
    it(`shows every fact of ${w.id}/meta.json, from the text and added by this app apart, and axe finds nothing`, async () => {
      const { context, page, errors } = await openApp(suite.browser, suite.server);
      await entry(page, w.title).getByRole('link', { name: `About this work: ${w.title}`, exact: true }).click();
      await page.getByRole('heading', { name: w.title, level: 1 }).waitFor();
      expect(new URL(page.url()).hash).toBe(`#/about/${w.id}`);
      const m = meta(w.id);
      const fromText = await text(page.getByRole('region', { name: 'From the text' }));
      const added = await text(page.getByRole('region', { name: /^Added by this app/ }));
      expect(fromText).toContain(m.fromText.title ?? 'None given');
      expect(fromText).toContain(m.fromText.opening);
      for (const note of m.fromText.notes) expect(fromText).toContain(note);
      expect(fromText).toContain(number.format(m.fromText.paragraphs));
      expect(fromText).toContain(number.format(m.fromText.words));
      const a = m.addedByApp;
      for (const fact of [a.displayTitle, a.fandom, a.relationship, ...a.characters, ...a.tags, ...a.contentNotes, a.adultReason, 'Adults only']) {
        expect(added, fact).toContain(fact);
        // Kept apart: nothing the app adds is shown as from the text (the display title aside, when the text gives the same).
        if (fact !== m.fromText.title) expect(fromText, fact).not.toContain(fact);
      }
      if (a.displayTitleNote) expect(added).toContain(a.displayTitleNote);
      const summary = await text(page.locator('.about-summary'));
      expect(summary).toMatch(/≈ [\d,]+ words · about .+ · \d+ sections?/);
      expect(summary).toContain('0% read');
      if (m.fromText.title === null) expect(summary).toContain('No title in the source');
      const sections = page.getByRole('region', { name: 'Sections' }).getByRole('listitem');
      expect(await sections.count()).toBe(m.structure.sections.length);
      for (const [i, s] of m.structure.sections.entries()) {
        const item = await text(sections.nth(i));
        if (s.titleSource === 'app') {
          expect(item).toContain(s.title ?? '');
          expect(item).toContain('named by this app');
        } else expect(item).not.toContain('named by this app');
        expect(item).toMatch(/0% read/);
      }
      await expect(page.getByRole('img', { name: `Generated cover: title ${w.title}, fandom ${a.fandom}` }).isVisible()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Back to library' }).click();
      await entry(page, w.title).waitFor();
      // Its own URL: it opens straight from a link too.
      await page.goto(`${suite.server.url}#/about/${w.id}`);
      await page.getByRole('heading', { name: w.title, level: 1 }).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('says so for an unknown work', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await page.goto(`${suite.server.url}#/about/no-such-work`);
    await page.getByRole('heading', { name: 'No such work' }).waitFor();
    await context.close();
  });
});

describe('contrast in every theme', () => {
  for (const theme of ['Light', 'Sepia', 'Dark', 'Black']) {
    it(`${theme}: the shelf, its covers and "About this work" pass axe color-contrast`, async () => {
      const { context, page } = await openApp(suite.browser, suite.server);
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: theme }).check();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Settings' }).waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme.toLowerCase());
      const contrast = async () => (await new AxeBuilder({ page }).withRules(['color-contrast']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      await page.getByRole('region', { name: 'Your reading' }).waitFor();
      expect(await contrast()).toEqual([]);
      // The covers, computed from what is painted: ink on the cover ≥ 4.5:1, the cover against the entry ≥ 3:1.
      const covers = await page.locator('svg.cover').evaluateAll((svgs) => {
        const rgb = (c: string) => {
          const m = /rgba?\((\d+), (\d+), (\d+)/.exec(c);
          return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
        };
        const lum = (c: string) => {
          const [r, g, b] = rgb(c).map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          }) as [number, number, number];
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const ratio = (a: string, b: string) => {
          const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
          return (hi + 0.05) / (lo + 0.05);
        };
        return svgs.map((svg) => {
          const bg = getComputedStyle(svg.querySelector('rect') as Element).fill;
          const ink = getComputedStyle(svg.querySelector('text') as Element).fill;
          const around = getComputedStyle(svg.closest('.shelf-entry') ?? document.body).backgroundColor;
          return { ink: ratio(ink, bg), edge: ratio(bg, around) };
        });
      });
      expect(covers).toHaveLength(2);
      for (const c of covers) {
        expect(c.ink).toBeGreaterThanOrEqual(4.5);
        expect(c.edge).toBeGreaterThanOrEqual(3);
      }
      await page.goto(`${suite.server.url}#/about/${WORKS.short.id}`);
      await page.getByRole('heading', { name: WORKS.short.title, level: 1 }).waitFor();
      expect(await contrast()).toEqual([]);
      await context.close();
    });
  }
});

describe('a library of ten', () => {
  // Its own build: the two works plus eight generated ones (QUIRE_LIBRARY, tests/fixtures/generate-library.ts).
  const dir = resolve('dist-shelf10');
  let server: Server | undefined;
  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--emptyOutDir', '--logLevel', 'error'], {
      env: { ...process.env, NODE_ENV: 'production', QUIRE_DIST: dir, QUIRE_LIBRARY: '8' },
      maxBuffer: 16 * 1024 * 1024,
    });
    server = await startServer(dir);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows all ten on the first screen at 412×915, and sorts and filters them', async () => {
    if (!server) throw new Error('no server');
    const { context, page, errors } = await openApp(suite.browser, server);
    const titles = await page.getByRole('article').evaluateAll((els) => els.map((el) => el.querySelector('h3')?.textContent ?? ''));
    expect(titles).toHaveLength(10);
    for (const title of titles) {
      const e = entry(page, title);
      await expect(inViewport(page, e.getByRole('link', { name: title, exact: true })), title).resolves.toBe(true);
      await expect(inViewport(page, e.getByRole('img', { name: /^Generated cover: title / })), title).resolves.toBe(true);
      await expect(inViewport(page, e.getByText(/^\d+%$/)), title).resolves.toBe(true);
    }
    expect(await axeViolations(page)).toEqual([]);
    // Filter by a fandom: only its works stay (generated works 3 and 6 are in fandom A).
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Generated fandom A' });
    await page.getByRole('status').filter({ hasText: '2 works shown' }).waitFor();
    expect(await page.getByRole('article').evaluateAll((els) => els.map((el) => el.querySelector('h3')?.textContent))).toEqual([
      'Generated work 3 (not a real work)',
      'Generated work 6 (not a real work)',
    ]);
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Alpha/Beta/Omega dynamics' });
    await page.getByRole('status').filter({ hasText: '2 works shown' }).waitFor();
    // Sorted by title: numbers in order (2 before 10), the bundled works among them by their names.
    await page.getByRole('combobox', { name: 'Show' }).selectOption('all');
    await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Title' });
    const sorted = await page.getByRole('article').evaluateAll((els) => els.map((el) => el.querySelector('h3')?.textContent ?? ''));
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    expect(sorted[0]).toBe('Generated work 1 (not a real work)');
    expect(errors).toEqual([]);
    await context.close();
  });
});
