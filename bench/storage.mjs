// @ts-check
/**
 * Storage figures (issue 11), in headless Chromium on a production build. Reports, never asserts.
 *
 * - writes per turn: `put`s on the `positions` store per page turn, turning as fast as pages
 *   paint and at a quick reader's pace (a turn every 150 ms);
 * - turn time while writing: keydown → first painted frame with the new place (median / p95),
 *   with IndexedDB (every turn written) and with storage in memory (no writes) for comparison;
 * - import: a 1 MB and a 2 MB reading-data file chosen in Settings → "Imported …" shown (read,
 *   parse, check, merge in one transaction, render), into a profile holding some reading.
 *
 * Alone: `node bench/storage.mjs` (uses dist-bench/ if built, else dist/: `npm run build` first).
 * From `npm run bench`: bench/run.mjs calls `storageBench(browser, url)`.
 */
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { installBench } from './in-page.mjs';

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').Page} Page */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = 'making-it-work';
const TURNS = 40;
const PACE_MS = 150;
const IMPORT_TARGET_MS = 1000;
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Counts `put`s on the positions store; runs in the page (self-contained). */
function countPositionPuts() {
  const put = IDBObjectStore.prototype.put;
  /** @type {any} */ (globalThis).__positionPuts = 0;
  /** @this {IDBObjectStore} @param {[any, IDBValidKey?]} args */
  IDBObjectStore.prototype.put = function (...args) {
    if (this.name === 'positions') /** @type {any} */ (globalThis).__positionPuts++;
    return put.apply(this, args);
  };
}

/** No IndexedDB at all: the store runs in memory (the baseline without writes). Runs in the page. */
function noIndexedDb() {
  Object.defineProperty(window, 'indexedDB', { configurable: true, value: undefined });
}

/** @param {number[]} xs @param {number} q */
function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
const round = (/** @type {number} */ x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * A context on the long work's reader, past the notice.
 * @param {Browser} browser @param {string} url @param {(() => void)[]} scripts
 */
async function openReader(browser, url, scripts) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1, serviceWorkers: 'block', reducedMotion: 'reduce' });
  await context.addInitScript(installBench);
  for (const script of scripts) await context.addInitScript(script);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${url}#/read/${WORK}`);
  const cont = page.getByRole('button', { name: 'Continue' });
  const ready = page.locator('article.reader-content[data-place-block] [data-block]').first();
  await Promise.race([cont.waitFor(), ready.waitFor()]);
  if (await cont.isVisible()) await cont.click();
  await ready.waitFor();
  return { context, page };
}

/** @param {Page} page */
const puts = (page) => page.evaluate(() => /** @type {number} */ (/** @type {any} */ (globalThis).__positionPuts ?? 0));

/**
 * Turns as fast as pages paint (the bench's timed turns); returns turn times and writes per turn.
 * @param {Page} page
 */
async function fastTurns(page) {
  const before = await puts(page);
  const run = await page.evaluate((n) => /** @type {any} */ (globalThis).__quireBench.turns(n), TURNS);
  // The last write may still be in flight: let it land before counting.
  await page.waitForTimeout(300);
  const after = await puts(page);
  /** @type {number[]} */
  const ms = run.samples.map((/** @type {{ ms: number }} */ s) => s.ms);
  return { medianMs: round(quantile(ms, 0.5)), p95Ms: round(quantile(ms, 0.95)), writesPerTurn: round((after - before) / ms.length, 2) };
}

/** Turns once every PACE_MS; returns writes per turn. @param {Page} page */
async function pacedTurns(page) {
  const before = await puts(page);
  for (let i = 0; i < TURNS; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(PACE_MS); // the pace under test
  }
  await page.waitForTimeout(300);
  return round(((await puts(page)) - before) / TURNS, 2);
}

/**
 * A reading-data file of about `bytes`: places, settings, bookmarks and speed samples.
 * @param {number} bytes @param {{ sectionId: string }} at
 */
function importFile(bytes, at) {
  const now = Date.now();
  /** @param {number} i */
  const locator = (i) => ({ workId: WORK, sectionId: at.sectionId, block: i % 40, offset: (i * 7) % 300, quote: { before: 'the words before ', text: 'the words here', after: ' the words after' }, progression: 0.3, totalProgression: 0.2, updatedAt: now - i });
  /** @param {number} n */
  const make = (n) => ({
    format: 'quire-reading-data',
    version: 1,
    exportedAt: now,
    positions: [{ ...locator(0), seq: now }],
    settings: { value: { theme: 'sepia', fontSize: 20 }, updatedAt: now - 5 },
    acknowledgements: [{ workId: WORK, updatedAt: now - 5 }],
    speedSamples: Array.from({ length: n * 3 }, (_, i) => ({ workId: WORK, words: 200 + (i % 90), ms: 55_000 + i, updatedAt: now - 10 * i })),
    bookmarks: Array.from({ length: n }, (_, i) => ({ id: `bench-${i}`, workId: WORK, locator: locator(i), snippet: `A snippet of the text at bookmark ${i}, long enough to look real.`, createdAt: now - i, updatedAt: now - i })),
  });
  const perUnit = JSON.stringify(make(100)).length / 100;
  const file = make(Math.round(bytes / perUnit));
  return { text: JSON.stringify(file), bookmarks: file.bookmarks.length, samples: file.speedSamples.length };
}

/**
 * Chooses `path` in Settings → Import; ms from the input's change event to "Imported …" shown.
 * @param {Page} page @param {string} path
 */
async function timeImport(page, path) {
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  if (!(await dialog.isVisible())) {
    if ((await page.locator('.reader').getAttribute('data-controls')) === 'hidden') await page.keyboard.press('m');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await dialog.waitFor();
  }
  const input = dialog.getByLabel('Import reading data');
  const timing = page.evaluate(
    () =>
      new Promise((done, fail) => {
        const field = document.querySelector('.reading-data input[type=file]');
        const result = document.querySelector('.reading-data__result');
        if (!field || !result) return fail(new Error('no import field'));
        let start = 0;
        field.addEventListener('change', () => (start = performance.now()), { capture: true, once: true });
        const seen = new MutationObserver(() => {
          const text = result.textContent ?? '';
          if (start > 0 && /^Imported|Nothing was changed/.test(text)) {
            seen.disconnect();
            requestAnimationFrame(() => done({ ms: performance.now() - start, text }));
          }
        });
        seen.observe(result, { childList: true, characterData: true, subtree: true });
      }),
  );
  await input.setInputFiles(path);
  return /** @type {{ ms: number, text: string }} */ (await timing);
}

/**
 * Everything above, in fresh contexts of `browser`, against the build served at `url`.
 * @param {Browser} browser @param {string} url
 */
export async function storageBench(browser, url) {
  const withIdb = await openReader(browser, url, [countPositionPuts]);
  let writing;
  let paced;
  /** @type {{ sizeMB: number, bookmarks: number, samples: number, ms: number, text: string }[]} */
  const imports = [];
  try {
    writing = await fastTurns(withIdb.page);
    paced = await pacedTurns(withIdb.page);
    const stored = await withIdb.page.evaluate(() => document.querySelector('article.reader-content')?.getAttribute('data-place-section') ?? '');
    for (const mb of [1, 2]) {
      const file = importFile(mb * 1024 * 1024, { sectionId: stored });
      const path = join(tmpdir(), `quire-bench-import-${process.pid}-${mb}.json`);
      await writeFile(path, file.text);
      try {
        const r = await timeImport(withIdb.page, path);
        imports.push({ sizeMB: round(file.text.length / 1024 / 1024, 2), bookmarks: file.bookmarks, samples: file.samples, ms: round(r.ms), text: r.text.slice(0, 120) });
      } finally {
        await rm(path, { force: true });
      }
    }
  } finally {
    await withIdb.context.close();
  }
  const inMemory = await openReader(browser, url, [noIndexedDb]);
  let memory;
  try {
    memory = await fastTurns(inMemory.page);
  } finally {
    await inMemory.context.close();
  }
  const result = { turns: TURNS, paceMs: PACE_MS, writing, pacedWritesPerTurn: paced, memory, imports, importTargetMs: IMPORT_TARGET_MS };
  printStorage(result);
  return result;
}

/** @param {{ turns: number, paceMs: number, writing: any, pacedWritesPerTurn: number, memory: any, imports: any[], importTargetMs: number }} r */
function printStorage(r) {
  console.log(`\nStorage (phone, ${WORK}, ${r.turns} turns each):`);
  console.log(`  writes per turn: ${r.writing.writesPerTurn} turning as fast as pages paint, ${r.pacedWritesPerTurn} at a turn every ${r.paceMs} ms`);
  console.log(`  turn (keydown → painted) med / p95: ${r.writing.medianMs} / ${r.writing.p95Ms} ms writing to IndexedDB; ${r.memory.medianMs} / ${r.memory.p95Ms} ms in memory (no writes)`);
  for (const i of r.imports) {
    console.log(`  import ${i.sizeMB} MB (${i.bookmarks} bookmarks, ${i.samples} samples): ${i.ms} ms${i.ms < r.importTargetMs ? '' : ' ✗'} (chosen → "${i.text.slice(0, 60)}…")`);
  }
  console.log(`  target: import < ${r.importTargetMs} ms (✗ = missed; reported, not asserted)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = [join(ROOT, 'dist-bench'), join(ROOT, 'dist')].find((d) => existsSync(join(d, 'index.html')));
  if (!root) throw new Error('No build: run `npm run build` (or `npm run bench`) first.');
  const executablePath = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
  if (!executablePath) throw new Error('No Chromium: set CHROME_PATH.');
  const server = await serve({ root, host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath, headless: true, args: FLAGS });
  try {
    await storageBench(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}
