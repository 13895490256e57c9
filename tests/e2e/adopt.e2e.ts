/** Issue 10: one source of truth for the reading place. An import moves an open reader; an older place never does. */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadWork } from '../../build/works-plugin';
import { root } from '../fixtures/content';
import { isVisible, openApp, openWork, panelReady, type Place, place, placeKey, press, showControls, storedPosition, waitForPlace, WORKS } from './app';
import { browserAndServer } from './harness';

const suite = browserAndServer();
const work = loadWork(resolve(root, 'works', WORKS.long.id), WORKS.long.id);


/** A reading-data file holding one place in the long work, made at `updatedAt`. */
async function readingData(at: { sectionId: string; block: number; offset: number }, updatedAt: number): Promise<string> {
  const section = work.sections.find((s) => s.id === at.sectionId);
  const text = section?.blocks[at.block]?.text ?? '';
  const locator = {
    workId: WORKS.long.id,
    ...at,
    quote: { before: text.slice(Math.max(0, at.offset - 32), at.offset), text: text.slice(at.offset, at.offset + 48), after: text.slice(at.offset + 48, at.offset + 80) },
    progression: 0.5,
    totalProgression: 0.5,
    updatedAt,
  };
  const file = { format: 'quire-reading-data', version: 1, exportedAt: updatedAt, positions: [locator], settings: null, acknowledgements: [], speedSamples: [], bookmarks: [] };
  const path = join(tmpdir(), `quire-e2e-adopt-${process.pid}-${updatedAt}.json`);
  await writeFile(path, JSON.stringify(file));
  return path;
}

/** Imports a file from the reader's own settings panel and closes the panel. */
async function importInReader(page: Page, path: string): Promise<void> {
  await showControls(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = await panelReady(page, 'Settings');
  await dialog.getByLabel('Import reading data').setInputFiles(path);
  await expect.poll(() => dialog.locator('.reading-data__import-result').textContent(), { timeout: 5_000 }).toMatch(/^Imported/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

async function waitForStored(page: Page, p: Place): Promise<void> {
  await expect.poll(async () => placeKey(await storedPosition(page, WORKS.long.id)), { timeout: 5_000 }).toBe(placeKey(p));
}

describe('an open reader follows the app\'s place', () => {
  it('importing a newer place moves the reader there at once; the next turn goes on from there and is what a reload shows', async () => {
    const { context, page, errors } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    const before = await press(page, 'ArrowRight');
    await waitForStored(page, before);

    // Read on another device to the story's 120th paragraph, exported later than this tab's turn.
    const imported = { sectionId: 'story', block: 120, offset: 0 };
    await importInReader(page, await readingData(imported, Date.now()));
    await page.waitForFunction((k) => {
      const a = document.querySelector('article.reader-content');
      return a && `${a.getAttribute('data-place-section')}/${a.getAttribute('data-place-block')}/${a.getAttribute('data-place-offset')}` === k;
    }, placeKey(imported));
    expect(await isVisible(page, { section: 'story', block: 120, offset: 0 })).toBe(true);
    // Back to where you were offers the place the import moved the reader from.
    await page.getByRole('button', { name: 'Back to where you were', exact: true }).waitFor();

    // The next turn goes on from the imported place, and it is saved over it.
    const next = await press(page, 'ArrowRight');
    expect(next.section).toBe('story');
    expect(next.block * 10_000 + next.offset).toBeGreaterThan(120 * 10_000);
    expect(next.block).toBeLessThan(130);
    await waitForStored(page, next);
    await page.reload();
    expect(await waitForPlace(page)).toEqual(next);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an older place in an import does not move the reader, and the next turn goes on from where it was', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.long.title);
    await press(page, 'ArrowRight');
    const here = await press(page, 'ArrowRight');
    await waitForStored(page, here);

    // A place from long ago (the epilogue), older than anything read here.
    await importInReader(page, await readingData({ sectionId: 'epilogue', block: 3, offset: 0 }, 1_000));
    expect(await place(page)).toEqual(here);
    expect(await page.getByRole('button', { name: 'Back to where you were', exact: true }).count()).toBe(0);
    const next = await press(page, 'ArrowRight');
    expect(next.section).toBe(here.section);
    expect(next.block * 10_000 + next.offset).toBeGreaterThan(here.block * 10_000 + here.offset);
    await waitForStored(page, next);
    await context.close();
  });
});
