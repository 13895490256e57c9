// @ts-check
/**
 * `npm run bench`: the reader's speed and memory in headless Chromium on the production
 * build, plus the search benchmark (bench/search.ts) in Node. Prints a table beside the
 * targets and writes bench/results/latest.json. It reports; it never fails on a missed
 * target, only when the harness itself could not run. See bench/README.md.
 *
 * Options: --no-build reuses an existing dist-bench/; --only <work id> measures one work.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { installBench } from './in-page.mjs';
import { storageBench } from './storage.mjs';

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('./in-page.mjs').TurnRun} TurnRun */
/** @typedef {import('./in-page.mjs').RelayoutSample} RelayoutSample */
/** @typedef {import('./in-page.mjs').JumpSample} JumpSample */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist-bench');
const RESULTS = join(ROOT, 'bench', 'results', 'latest.json');

const VIEWPORTS = [
  { name: 'phone', width: 412, height: 915 },
  { name: 'tablet', width: 1024, height: 1366 },
];
const WORKS = ['making-it-work', 'untitled-alec-realised', 'bench-million'];
const TIMED_TURNS = 50;
const HEAP_TURNS = 200;
/** Font sizes set one after another from the default 18 px (the range is 14..32). */
const FONT_SIZES = [20, 22, 19, 24, 18, 21];
const JUMP_TO = 900; // of the scrubber's 0..1000

/** The issues' targets, in ms (heap in MB). */
const TARGETS = { openMs: 100, turnP95Ms: 16, relayoutMs: 50, jumpMs: 50, heapMB: 10, searchMs: 50 };

const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

/**
 * Runs a command from the project root; resolves with its stdout, rejects with its output on failure.
 * @param {string} command
 * @param {string[]} argv
 * @param {Record<string, string>} [env]
 * @returns {Promise<string>}
 */
function run(command, argv, env = {}) {
  return new Promise((done, fail) => {
    const child = spawn(command, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) done(out);
      else fail(new Error(`\`${command} ${argv.join(' ')}\` exited with ${code}\n${out}\n${err}`));
    });
  });
}

/** The system Chromium: CHROME_PATH, else Debian's /usr/bin/chromium (as tests/e2e/chrome.ts). */
function findChrome() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p) => typeof p === 'string' && p !== '');
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the benchmark. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
        `or set CHROME_PATH to a Chrome or Chromium binary. Checked: ${candidates.join(', ')}`,
    );
  }
  return found;
}

/** @param {number[]} xs @param {number} q 0..1, nearest rank */
function quantile(xs, q) {
  const sorted = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
/** @param {number} x @param {number} [digits] */
const round = (x, digits = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

/**
 * Calls a method of the in-page API (bench/in-page.mjs).
 * @param {Page} page
 * @param {string} name
 * @param {unknown[]} argv
 * @returns {Promise<any>}
 */
function call(page, name, ...argv) {
  return page.evaluate(([n, a]) => {
    const api = /** @type {any} */ (globalThis).__quireBench;
    return api[/** @type {string} */ (n)](.../** @type {unknown[]} */ (a));
  }, /** @type {[string, unknown[]]} */ ([name, argv]));
}

/** Makes sure the reader's controls show (they hide while reading). @param {Page} page */
async function showControls(page) {
  if ((await page.locator('.reader').getAttribute('data-controls')) === 'hidden') await page.keyboard.press('m');
  await page.locator('.reader[data-controls="shown"]').waitFor();
}

/**
 * JS heap in use after a full garbage collection, in MB.
 * @param {import('playwright-core').CDPSession} cdp
 */
async function heapMB(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/** @param {import('playwright-core').CDPSession} cdp @returns {Promise<Record<string, number>>} */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * Everything measured for one work at one viewport, in a fresh browser context.
 * @param {Browser} browser
 * @param {string} url
 * @param {{ name: string, width: number, height: number }} viewport
 * @param {string} workId
 */
async function measure(browser, url, viewport, workId) {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: 1,
    // No service worker: its precaching (all 140-odd files of this build) would compete for the CPU.
    serviceWorkers: 'block',
    // Page turns without the 180 ms slide: the turned page is the next frame painted.
    reducedMotion: 'reduce',
  });
  /** @type {string[]} */
  const errors = [];
  try {
    await context.addInitScript(installBench);
    let page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const watch = (/** @type {Page} */ p) => {
      p.on('pageerror', (e) => errors.push(String(e)));
      p.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
    };
    watch(page);

    // Once through the door: passes the adult notice (remembered on this device) and warms the
    // HTTP cache with the first section's chunk the same way for every work.
    await page.goto(url);
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    await page.evaluate((id) => (location.hash = `#/read/${encodeURIComponent(id)}`), workId);
    const cont = page.getByRole('button', { name: 'Continue' });
    const ready = page.locator('article.reader-content[data-place-block] [data-block]').first();
    await Promise.race([cont.waitFor(), ready.waitFor()]);
    if (await cont.isVisible()) await cont.click();
    await ready.waitFor();

    // A new document on the library, then open the work from it.
    await page.goto(url);
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const openMs = /** @type {number} */ (await call(page, 'open', workId));
    const heapOpenMB = await heapMB(cdp);

    const before = await metrics(cdp);
    const { samples: turns, longFrames } = /** @type {TurnRun} */ (await call(page, 'turns', TIMED_TURNS));
    const after = await metrics(cdp);
    await call(page, 'turns', HEAP_TURNS - TIMED_TURNS);
    const heapTurnsMB = await heapMB(cdp);

    await showControls(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.locator('dialog[open]').waitFor();
    /** @type {RelayoutSample[]} */
    const relayouts = [];
    for (const size of FONT_SIZES) relayouts.push(await call(page, 'fontSize', size));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('dialog[open]') === null);

    await showControls(page);
    await page.locator('#scrubber').waitFor();
    const jump = /** @type {JumpSample} */ (await call(page, 'scrub', JUMP_TO));

    // Start: a new page loaded straight on the work (warm HTTP cache, saved place), to first page painted.
    await page.close();
    page = await context.newPage();
    watch(page);
    await page.goto(`${url}#/read/${encodeURIComponent(workId)}`);
    const startMs = /** @type {number} */ (await page.evaluate(() => /** @type {any} */ (globalThis).__quireBench.startPainted));

    const ms = turns.map((t) => t.ms);
    const perTurn = (/** @type {string} */ name, scale = 1000) => round((((after[name] ?? 0) - (before[name] ?? 0)) * scale) / turns.length, 2);
    return {
      viewport: viewport.name,
      work: workId,
      openMs: round(openMs),
      startMs: round(startMs),
      turn: {
        count: turns.length,
        medianMs: round(quantile(ms, 0.5)),
        p95Ms: round(quantile(ms, 0.95)),
        maxMs: round(Math.max(...ms)),
        handlerMedianMs: round(quantile(turns.map((t) => t.handlerMs), 0.5), 2),
        renderMedianMs: round(quantile(turns.map((t) => t.renderMs), 0.5), 2),
        crossSection: turns.filter((t) => t.crossed).map((t) => round(t.ms)),
        backwards: turns.filter((t) => t.key === 'ArrowLeft').length,
        // Chromium's own counters over the 50 turns (CDP Performance.getMetrics), per turn.
        perTurn: {
          scriptMs: perTurn('ScriptDuration'),
          styleMs: perTurn('RecalcStyleDuration'),
          layoutMs: perTurn('LayoutDuration'),
          taskMs: perTurn('TaskDuration'),
          layouts: perTurn('LayoutCount', 1),
          styleRecalcs: perTurn('RecalcStyleCount', 1),
        },
        longFrames,
        samplesMs: ms.map((x) => round(x, 2)),
      },
      relayout: {
        medianMs: round(quantile(relayouts.map((r) => r.ms), 0.5)),
        maxMs: round(Math.max(...relayouts.map((r) => r.ms))),
        unanchored: relayouts.filter((r) => !r.anchored).length,
        placeKept: relayouts.every((r) => r.placeKept),
        samples: relayouts.map((r, i) => ({ fontSize: FONT_SIZES[i], ms: round(r.ms), anchored: r.anchored })),
      },
      jump: { ms: round(jump.ms), from: jump.from, to: jump.to },
      heap: { afterOpenMB: round(heapOpenMB, 2), after200TurnsMB: round(heapTurnsMB, 2) },
      errors,
    };
  } finally {
    await context.close();
  }
}

/** Queries typed into the library's "Search all works" panel; the first builds the indexes. */
const BROWSER_QUERIES = ['lantern', 'quiet harbour', 'walked slowly', 'the'];

/**
 * Search in the app (phone viewport): the library's search panel, through the app's worker.
 * @param {Browser} browser
 * @param {string} url
 */
async function browserSearch(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1, serviceWorkers: 'block', reducedMotion: 'reduce' });
  try {
    await context.addInitScript(installBench);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(url);
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('input.search-input').waitFor();
    /** @type {{ query: string, ms: number | null, status: string }[]} */
    const queries = [];
    for (const query of BROWSER_QUERIES) {
      const r = /** @type {{ ms: number, status: string }} */ (await call(page, 'search', query));
      queries.push({ query, ms: round(r.ms), status: r.status });
    }
    return { scope: 'all works', firstQueryBuildsIndexes: true, queries };
  } finally {
    await context.close();
  }
}

/** Bundles bench/search.ts with rolldown and runs it in Node; returns its JSON. */
async function searchBench() {
  const out = join(tmpdir(), `quire-search-bench-${process.pid}.mjs`);
  try {
    await run('npx', ['rolldown', 'bench/search.ts', '--platform', 'node', '--format', 'esm', '-o', out]);
    return JSON.parse(await run(process.execPath, [out]));
  } finally {
    await rm(out, { force: true });
  }
}

/** @param {number | null} value @param {number} target @param {string} [text] */
function cell(value, target, text) {
  if (value === null) return 'n/a';
  return `${text ?? String(value)}${value <= target ? '' : ' ✗'}`;
}

/** @param {Awaited<ReturnType<typeof measure>>[]} rows */
function printTable(rows) {
  const header = ['viewport', 'work', 'open ms', 'start ms', 'turn med / p95 ms', 'relayout ms', 'jump ms', 'heap MB (open → 200 turns)'];
  const target = ['target', '', `< ${TARGETS.openMs}`, '', `p95 ≤ ${TARGETS.turnP95Ms}`, `< ${TARGETS.relayoutMs}`, `< ${TARGETS.jumpMs}`, `< ${TARGETS.heapMB}`];
  const body = rows.map((r) => [
    r.viewport,
    r.work,
    cell(r.openMs, TARGETS.openMs),
    String(r.startMs),
    cell(r.turn.p95Ms, TARGETS.turnP95Ms, `${r.turn.medianMs} / ${r.turn.p95Ms}`),
    cell(r.relayout.medianMs, TARGETS.relayoutMs, `${r.relayout.medianMs} (max ${r.relayout.maxMs})${r.relayout.unanchored ? ` ANCHOR LOST ${r.relayout.unanchored}/${FONT_SIZES.length}` : ''}${r.relayout.placeKept ? '' : ' PLACE MOVED'}`),
    cell(r.jump.ms, TARGETS.jumpMs),
    cell(r.heap.after200TurnsMB, TARGETS.heapMB, `${r.heap.afterOpenMB} → ${r.heap.after200TurnsMB}`),
  ]);
  const all = [header, target, ...body];
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  const line = (/** @type {string[]} */ row) => row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(header));
  console.log(line(target));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
  console.log('✗ = target missed. open: library → first page painted; start: page load on #/read/<id> → first page painted.');
  console.log('\nPer turn (median; Chromium counters are means over the 50 timed turns):');
  for (const r of rows) {
    const t = r.turn;
    console.log(
      `  ${r.viewport.padEnd(6)} ${r.work.padEnd(24)} handler ${t.handlerMedianMs} ms, render ${t.renderMedianMs} ms; ` +
        `script ${t.perTurn.scriptMs}, style ${t.perTurn.styleMs}, layout ${t.perTurn.layoutMs} ms (${t.perTurn.layouts} layouts); ` +
        `max ${t.maxMs} ms${t.crossSection.length ? `, into a new section: ${t.crossSection.join(', ')} ms` : ''}`,
    );
    const worst = [...t.longFrames].sort((a, b) => b.ms - a.ms)[0];
    if (worst) {
      console.log(
        `         longest frame ${worst.ms} ms (of ${t.longFrames.length} over 50 ms): script ${worst.scriptMs} ms (forced style+layout ${worst.forcedLayoutMs}), ` +
          `frame style+layout+paint ${worst.styleLayoutMs} ms; ${worst.scripts.join('; ')}`,
      );
    }
  }
}

/** @param {any} search @param {any} inBrowser */
function printSearch(search, inBrowser) {
  console.log(`\nSearch (Node ${process.version}, bench/search.ts: ${search.words} words, ${search.sections} sections; index built in ${search.indexBuildMs} ms):`);
  for (const q of search.queries) {
    const text = `  ${JSON.stringify(q.query).padEnd(26)} median ${String(q.medianMs).padStart(6)} ms, worst ${String(q.worstMs).padStart(6)} ms  (${q.total} matches)`;
    console.log(`${text}${q.medianMs < TARGETS.searchMs ? '' : ' ✗'}`);
  }
  console.log(`  target < ${TARGETS.searchMs} ms (✗ on the median; the worst of ${search.runsPerQuery} runs shows GC and a shared CPU).`);
  if (inBrowser.error) {
    console.log(`  In the app: not measured (${inBrowser.error}).`);
    return;
  }
  console.log('In the app (phone, library "Search all works", through the worker; typed → results painted; the first query builds the indexes):');
  for (const q of inBrowser.queries) {
    console.log(`  ${JSON.stringify(q.query).padEnd(26)} ${String(q.ms).padStart(7)} ms${q.ms !== null && q.ms < TARGETS.searchMs ? '' : ' ✗'}  (${q.status})`);
  }
}

async function main() {
  const started = Date.now();
  const chrome = findChrome();
  if (!noBuild || !existsSync(join(DIST, 'index.html'))) {
    console.log('Building the app with the benchmark work into dist-bench/ …');
    await run('npx', ['vite', 'build'], { QUIRE_BENCH: '1', QUIRE_DIST: DIST });
  }
  console.log('Search benchmark (Node) …');
  const search = await searchBench();

  const server = await serve({ root: DIST, host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: chrome,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  /** @type {Awaited<ReturnType<typeof measure>>[]} */
  const rows = [];
  /** @type {{ viewport: string, work: string, error: string }[]} */
  const failures = [];
  try {
    for (const viewport of VIEWPORTS) {
      for (const work of WORKS.filter((w) => !only || w === only)) {
        process.stdout.write(`Reader: ${viewport.name} ${work} … `);
        const t = Date.now();
        try {
          rows.push(await measure(browser, server.url, viewport, work));
          console.log(`${((Date.now() - t) / 1000).toFixed(1)} s`);
        } catch (e) {
          console.log('FAILED');
          failures.push({ viewport: viewport.name, work, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
        }
      }
    }
    /** @type {Awaited<ReturnType<typeof browserSearch>> | { error: string }} */
    let inBrowser;
    process.stdout.write('Search in the app … ');
    try {
      inBrowser = await browserSearch(browser, server.url);
      console.log('done');
    } catch (e) {
      // The search panel is young: a change in its markup should not sink the whole run.
      inBrowser = { error: e instanceof Error ? e.message : String(e) };
      console.log('not measured');
    }
    const chromiumVersion = browser.version();
    console.log('');
    if (rows.length > 0) printTable(rows);
    printSearch(search, inBrowser);
    for (const r of rows) if (r.errors.length) console.log(`\nPage errors (${r.viewport} ${r.work}):\n  ${r.errors.join('\n  ')}`);
    for (const f of failures) console.error(`\nHarness failure (${f.viewport} ${f.work}):\n${f.error}`);

    const cpu = cpus();
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? '', totalMemGB: round(totalmem() / 2 ** 30), platform: `${platform()} ${release()}`, node: process.version, chromium: chromiumVersion },
      method: {
        build: 'QUIRE_BENCH=1 vite build → dist-bench/, served by scripts/serve.mjs',
        browser: 'headless system Chromium, --disable-gpu, deviceScaleFactor 1, service workers blocked, prefers-reduced-motion: reduce',
        painted: 'action started in a requestAnimationFrame callback; end = a MessageChannel message posted from a rAF callback of the first frame whose state shows the result (runs after that frame’s style, layout and paint)',
        heap: 'CDP HeapProfiler.collectGarbage then Runtime.getHeapUsage().usedSize',
        turns: `${TIMED_TURNS} timed (ArrowRight keydown dispatched on document.body; ArrowLeft once the end is reached), then up to ${HEAP_TURNS} in all before the heap`,
        fontSizes: FONT_SIZES,
        jumpTo: JUMP_TO / 1000,
      },
      targets: TARGETS,
      reader: rows,
      failures,
      search: { node: search, inBrowser },
      seconds: round((Date.now() - started) / 1000),
    };
    /** @type {any} */ (report).storage = await storageBench(browser, server.url);
    await mkdir(dirname(RESULTS), { recursive: true });
    await writeFile(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nWrote ${RESULTS.slice(ROOT.length + 1)} (${report.seconds} s in all).`);
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
