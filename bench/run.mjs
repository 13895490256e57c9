// @ts-check
/**
 * `npm run bench`: Quire side by side with foliate-js, in headless Chromium on the production
 * build, plus the search engine in Node. Prints the tables and writes bench/results/latest.json.
 * It reports; it never fails on a missed goal, only when the harness itself could not run.
 * See bench/README.md.
 *
 * Options: --no-build (reuse dist-bench/), --only <work id>, --rounds <n> (default 3),
 * --viewport phone|tablet, --no-foliate, --no-search.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { initScript } from './in-page.mjs';
import { median, printBytes, printSearch, printSideBySide, quantile, round, summarise, GOALS } from './report.mjs';
import { storageBench } from './storage.mjs';
import { floorLine, floorOnce, prepareFloor } from './floor.mjs';
import { seedStorage } from './seed.mjs';

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {{ name: string, width: number, height: number }} Viewport */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist-bench');
const FOLIATE_DIR = join(DIST, '__foliate');
const RESULTS = join(ROOT, 'bench', 'results', 'latest.json');

const VIEWPORTS = [
  { name: 'phone', width: 412, height: 915 },
  { name: 'tablet', width: 1024, height: 1366 },
];
const WORKS = ['making-it-work', 'untitled-alec-realised', 'bench-million'];
const LONG_WORK = 'bench-million';
const TIMED_TURNS = 30;
/**
 * Between timed turns, from one painted page to the next press: a reader's pause (a real one is
 * seconds; foliate-js cannot turn faster, its paginator stays locked 100 ms after each turn).
 * Work done in idle time lands in it, as it does between a reader's turns.
 */
const TURN_PAUSE_MS = 100;
/**
 * From the first page painted (warm open) to the first timed press: a reader reads the first
 * page before turning it. On this 2-core machine it also lets the cold context closed just
 * before the warm open finish tearing down, which otherwise lands in the first turns.
 */
const FIRST_PAGE_READ_MS = 1000;
const HEAP_TURNS = 200;
/** Cold opens of the static floor page per round and viewport (bench/floor.mjs). */
const FLOOR_OPENS = 3;
/** Font sizes one after another from the default 18 px, ending on it (the next round starts the same). */
const FONT_SIZES = [20, 22, 19, 24, 21, 18];
/** 40 jump targets (fractions of the work), spread over it in a fixed shuffled order; the last goes back to the start. */
const JUMPS = Array.from({ length: 39 }, (_, i) => ((i * 17) % 39) / 39 + 0.01).concat([0]);
/** Typed letter by letter into the reader's search (bench-million): a common word, a rarer one, a phrase. */
const SEARCH_QUERIES = ['the', 'lantern', 'quiet harbour'];
/** A reader opens the search some time after the page shows; the index may be built in that time. */
const SEARCH_AFTER_OPEN_MS = 2000;

const args = process.argv.slice(2);
const option = (/** @type {string} */ name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const noBuild = args.includes('--no-build');
const only = option('--only');
const rounds = Math.max(1, Number(option('--rounds') ?? 3));
const viewports = VIEWPORTS.filter((v) => !option('--viewport') || v.name === option('--viewport'));
const works = WORKS.filter((w) => !only || w === only);
const apps = args.includes('--no-foliate') ? ['quire'] : ['quire', 'foliate'];

/**
 * Runs a command from the project root; resolves with its stdout.
 * @param {string} command @param {string[]} argv @param {Record<string, string>} [env]
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
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`\`${command} ${argv.join(' ')}\` exited with ${code}\n${out}\n${err}`))));
  });
}

function findChrome() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p) => typeof p === 'string' && p !== '');
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error(`No Chromium found for the benchmark. Install one (Debian/Ubuntu: \`sudo apt-get install -y chromium\`) or set CHROME_PATH. Checked: ${candidates.join(', ')}`);
  return found;
}

/** Bundles a TS entry with rolldown and runs it in Node; returns its stdout. @param {string} entry @param {string[]} argv */
async function runTs(entry, argv = []) {
  const out = join(tmpdir(), `quire-bench-${process.pid}-${entry.replace(/\W/g, '_')}.mjs`);
  try {
    await run('npx', ['rolldown', entry, '--platform', 'node', '--format', 'esm', '-o', out]);
    return await run(process.execPath, [out, ...argv]);
  } finally {
    await rm(out, { force: true });
  }
}

/** foliate-js, its page and the works as EPUBs, into dist-bench/__foliate/ (served by the same server). */
async function prepareFoliate() {
  await rm(FOLIATE_DIR, { recursive: true, force: true });
  await mkdir(FOLIATE_DIR, { recursive: true });
  const lib = join(ROOT, 'node_modules', 'foliate-js');
  await cp(lib, join(FOLIATE_DIR, 'lib'), { recursive: true, filter: (src) => !/^[/\\](tests|rollup|node_modules)([/\\]|$)/.test(src.slice(lib.length)) });
  await cp(join(ROOT, 'bench', 'foliate-page.html'), join(FOLIATE_DIR, 'index.html'));
  await cp(join(ROOT, 'bench', 'foliate-page.mjs'), join(FOLIATE_DIR, 'driver.mjs'));
  return JSON.parse(await runTs('bench/epub.ts', [join(FOLIATE_DIR, 'books')]));
}

/** Calls a method of the page's bench API. @param {Page} page @param {string} api @param {string} name @param {unknown[]} argv @returns {Promise<any>} */
function call(page, api, name, ...argv) {
  return page.evaluate(([a, n, rest]) => /** @type {any} */ (globalThis)[/** @type {string} */ (a)][/** @type {string} */ (n)](.../** @type {unknown[]} */ (rest)), /** @type {[string, string, unknown[]]} */ ([api, name, argv]));
}

/** @param {import('playwright-core').CDPSession} cdp */
async function heapMB(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/** Makes sure the reader's controls show (they hide while reading). @param {Page} page */
async function showControls(page) {
  if ((await page.locator('.reader').getAttribute('data-controls')) === 'hidden') await page.keyboard.press('m');
  await page.locator('.reader[data-controls="shown"]').waitFor();
}

/** @param {string} base @param {string} app @param {string} work */
const urlOf = (base, app, work) => (app === 'quire' ? `${base}#/read/${encodeURIComponent(work)}` : `${base}__foliate/index.html?book=${encodeURIComponent(work)}`);
const apiOf = (/** @type {string} */ app) => (app === 'quire' ? '__quireBench' : '__foliateBench');

/**
 * @param {Browser} browser @param {Viewport} viewport @param {string} app
 * @param {any} [storageState] @returns {Promise<BrowserContext>}
 */
async function newContext(browser, viewport, app, storageState) {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: 1,
    // Page turns without a slide: the turned page is the next frame painted (foliate-js is not animated either).
    reducedMotion: 'reduce',
    // foliate-js writes <style> elements and shows sections from blob: URLs, which Quire's CSP (sent by the server for every file) forbids.
    bypassCSP: app === 'foliate',
    ...(storageState ? { storageState } : {}),
  });
  await context.addInitScript({ content: initScript(app === 'quire' ? 'quire' : 'foliate') });
  return context;
}

/** Loads `url` in a new page of `context`; ms from navigation start to the first page painted. @param {BrowserContext} context @param {string} url @param {string} app */
async function openPage(context, url, app) {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  try {
    const ms = /** @type {number} */ (await page.evaluate((api) => /** @type {any} */ (globalThis)[api].startPainted, apiOf(app)));
    return { page, ms, errors };
  } catch (e) {
    const text = await page.locator('body').innerText().catch(() => '');
    throw new Error(`${url} did not show its first page: ${e instanceof Error ? e.message : e}\n  page errors: ${errors.join('; ')}\n  page text: ${text.slice(0, 300)}`);
  }
}

/** What was fetched before the first page painted: requests, bytes as served, the same files gzipped. @param {Page} page @param {number} t @param {string} app */
async function bytesBefore(page, t, app) {
  /** @type {import('./in-page.mjs').Resource[]} */
  const resources = await page.evaluate(([api, at]) => /** @type {any} */ (globalThis)[/** @type {string} */ (api)].resourcesUntil(at), /** @type {[string, number]} */ ([apiOf(app), t]));
  let gzipBytes = 0;
  for (const r of resources) {
    const path = new URL(r.name).pathname;
    const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
    gzipBytes += existsSync(file) ? gzipSync(await readFile(file), { level: 6 }).length : r.bytes;
  }
  return {
    requests: resources.length,
    bytes: resources.reduce((sum, r) => sum + r.bytes, 0),
    gzipBytes,
    // Quire's section chunks are named <work id>_<section id>-<hash>.js.
    sectionChunks: app === 'quire' ? resources.filter((r) => WORKS.some((w) => new URL(r.name).pathname.startsWith(`/assets/${w}_`))).length : undefined,
    files: resources.map((r) => `${new URL(r.name).pathname} ${r.bytes}`),
  };
}

/**
 * The figures of one reading session on a page already open (the warm page): turns, heap, jumps, re-layout.
 * `slow`: the 170 more turns and the heap (the long work), and the jumps (foliate-js's are slow in the long work).
 * @param {Page} page @param {BrowserContext} context @param {string} app @param {{ heap: boolean, jumps: boolean }} what
 */
async function interact(page, context, app, what) {
  const heap = what.heap;
  const api = apiOf(app);
  const cdp = await context.newCDPSession(page);
  await page.waitForTimeout(FIRST_PAGE_READ_MS);
  const { samples } = await call(page, api, 'turns', TIMED_TURNS, TURN_PAUSE_MS);
  const ms = samples.map((/** @type {any} */ t) => t.ms);
  const turn = {
    medianMs: round(quantile(ms, 0.5)),
    p95Ms: round(quantile(ms, 0.95)),
    maxMs: round(Math.max(...ms)),
    crossings: samples.filter((/** @type {any} */ t) => t.crossed).length,
    newWindows: samples.filter((/** @type {any} */ t) => t.newWindow).length,
    slowest: samples
      .map((/** @type {any} */ t, /** @type {number} */ i) => ({ i, ms: round(t.ms), crossed: t.crossed, newWindow: t.newWindow }))
      .sort((/** @type {any} */ a, /** @type {any} */ b) => b.ms - a.ms)
      .slice(0, 3),
    samplesMs: ms.map((/** @type {number} */ x) => round(x, 2)),
  };
  /** @type {{ afterOpenMB: number | null, after200TurnsMB: number | null, after40JumpsMB: number | null } | null} */
  let heapFigures = null;
  if (heap) {
    await call(page, api, 'turns', HEAP_TURNS - TIMED_TURNS);
    heapFigures = { afterOpenMB: null, after200TurnsMB: round(await heapMB(cdp), 2), after40JumpsMB: null };
  }
  /** @type {any[]} */
  const jumps = [];
  for (const fraction of what.jumps ? JUMPS : []) {
    if (app === 'quire') {
      await showControls(page);
      await page.locator('#scrubber').waitFor();
      jumps.push(await call(page, api, 'scrub', Math.round(fraction * 1000)));
    } else {
      jumps.push(await call(page, api, 'jump', fraction));
    }
  }
  if (heapFigures) heapFigures.after40JumpsMB = round(await heapMB(cdp), 2);
  const jumpMs = jumps.map((j) => j.ms);
  /** @type {any[]} */
  const relayouts = [];
  if (app === 'quire') {
    await showControls(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.locator('dialog[open]').waitFor();
    for (const size of FONT_SIZES) relayouts.push(await call(page, api, 'fontSize', size));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('dialog[open]') === null);
  } else {
    for (const size of FONT_SIZES) relayouts.push(await call(page, api, 'fontSize', size));
  }
  await cdp.detach();
  return {
    turn,
    jump: jumpMs.length === 0 ? null : { medianMs: round(median(jumpMs)), p95Ms: round(quantile(jumpMs, 0.95)), crossings: jumps.filter((j) => j.crossed).length, samplesMs: jumpMs.map((x) => round(x)) },
    relayout: { medianMs: round(median(relayouts.map((r) => r.ms))), unanchored: relayouts.filter((r) => !r.anchored).length, samplesMs: relayouts.map((r) => round(r.ms)) },
    heap: heapFigures,
  };
}

/**
 * A context per viewport and app whose caches are primed: Quire's service worker installed (precache done), each work opened once.
 * @param {Browser} browser @param {string} base @param {Viewport} viewport @param {string} app @param {any} seed
 */
async function primeWarm(browser, base, viewport, app, seed) {
  const context = await newContext(browser, viewport, app, app === 'quire' ? seed : undefined);
  for (const work of works) {
    const { page } = await openPage(context, urlOf(base, app, work), app);
    if (app === 'quire') await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.close();
  }
  return context;
}

/** Search as you type in the reader (phone, bench-million), in the warm context. @param {BrowserContext} context @param {string} base */
async function searchInApp(context, base) {
  const { page } = await openPage(context, urlOf(base, 'quire', LONG_WORK), 'quire');
  try {
    await page.waitForTimeout(SEARCH_AFTER_OPEN_MS);
    await showControls(page);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('input.search-input').waitFor();
    const queries = [];
    for (const query of SEARCH_QUERIES) {
      const keystrokes = [];
      for (let i = 1; i <= query.length; i++) {
        if (query.slice(0, i).trim().length < 2) continue;
        const r = await call(page, '__quireBench', 'search', query.slice(0, i));
        keystrokes.push({ typed: query.slice(0, i), ms: round(r.ms), status: r.status, hitsShown: r.hitsShown });
      }
      queries.push({ query, keystrokes });
      await call(page, '__quireBench', 'search', '');
    }
    return { queries };
  } catch (e) {
    const status = await page.locator('.search-status').innerText().catch(() => '(no status)');
    return { error: `${e instanceof Error ? e.message.split('\n')[0] : String(e)} (status: ${status})` };
  } finally {
    await page.close();
  }
}

async function main() {
  const started = Date.now();
  const loadStart = loadavg();
  console.log(`Load average at start: ${loadStart.map((x) => x.toFixed(2)).join(' ')} (${cpus().length} CPUs)`);
  const chrome = findChrome();
  if (!noBuild || !existsSync(join(DIST, 'index.html'))) {
    console.log('Building the app with the benchmark work into dist-bench/ …');
    await run('npx', ['vite', 'build'], { QUIRE_BENCH: '1', QUIRE_DIST: DIST });
  }
  const books = apps.includes('foliate') ? await prepareFoliate() : [];
  const floorPath = await prepareFloor(DIST);
  /** @type {Record<string, number[]>} cold opens of a static page, per viewport (bench/floor.mjs) */
  const floor = {};
  const search = args.includes('--no-search') ? null : JSON.parse(await runTs('bench/search.ts'));

  const server = await serve({ root: DIST, host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: chrome,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  /** @type {any[]} */
  const sessions = [];
  /** @type {any[]} */
  const failures = [];
  /** @type {any[]} */
  const searches = [];
  try {
    const base = server.url;
    const seed = await seedStorage(browser, base, works);
    /** @type {Map<string, BrowserContext>} */
    const warm = new Map();
    for (const viewport of viewports) for (const app of apps) warm.set(`${viewport.name}|${app}`, await primeWarm(browser, base, viewport, app, seed));
    for (let round_ = 1; round_ <= rounds; round_++) {
      for (const viewport of viewports) {
        // The browser's floor, in the same rounds: FLOOR_OPENS cold opens of a static page.
        for (let i = 0; i < FLOOR_OPENS; i++) (floor[viewport.name] ??= []).push(round(await floorOnce(browser, `${base}${floorPath}`, viewport)) ?? Number.NaN);
        for (const work of works) {
          process.stdout.write(`Round ${round_}: ${viewport.name} ${work} … `);
          for (const app of apps) {
            const t = Date.now();
            try {
              // Cold: a new context (empty HTTP cache, no service worker yet), from navigation to the first page painted.
              const cold = await newContext(browser, viewport, app, app === 'quire' ? seed : undefined);
              const c = await openPage(cold, urlOf(base, app, work), app);
              const bytesBeforePaint = round_ === 1 && viewport.name === 'phone' ? await bytesBefore(c.page, c.ms, app) : undefined;
              await cold.close();
              // Warm: a new page in the primed context (a home-screen launch), then a reading session on it.
              const w = await openPage(/** @type {BrowserContext} */ (warm.get(`${viewport.name}|${app}`)), urlOf(base, app, work), app);
              // foliate-js turns (100 ms lock each) and long-work jumps (a section load each) are slow: its heap and long-work jumps are round 1's.
              const slow = work === LONG_WORK && app === 'foliate' && round_ > 1;
              const figures = await interact(w.page, w.page.context(), app, { heap: work === LONG_WORK && !slow, jumps: !slow });
              await w.page.close();
              sessions.push({ round: round_, viewport: viewport.name, work, app, coldMs: round(c.ms), warmMs: round(w.ms), bytesBeforePaint, ...figures, errors: [...c.errors, ...w.errors] });
              process.stdout.write(`${app} ${((Date.now() - t) / 1000).toFixed(1)} s  `);
            } catch (e) {
              process.stdout.write(`${app} FAILED  `);
              failures.push({ round: round_, viewport: viewport.name, work, app, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
            }
          }
          console.log('');
        }
      }
      const phone = warm.get('phone|quire');
      if (search && phone && works.includes(LONG_WORK)) searches.push(await searchInApp(phone, base));
    }
    for (const context of warm.values()) await context.close();
    const chromiumVersion = browser.version();
    const loadEnd = loadavg();
    const summary = summarise(sessions);
    console.log('');
    printSideBySide(summary);
    console.log(floorLine(floor));
    printBytes(summary);
    if (search) printSearch(search, searches);
    if (works.includes('bench-million')) await import('./speech.mjs').then(async (m) => console.log(`\n${m.speechLine(await m.speechBench(browser, server.url))}`)).catch((e) => console.log(`\nRead aloud: not measured (${e instanceof Error ? e.message : e})`));
    for (const s of sessions) if (s.errors.length) console.log(`\nPage errors (round ${s.round} ${s.viewport} ${s.work} ${s.app}):\n  ${[...new Set(s.errors)].join('\n  ')}`);
    for (const f of failures) console.error(`\nHarness failure (round ${f.round} ${f.viewport} ${f.work} ${f.app}):\n${f.error}`);
    console.log(`\nLoad average at start: ${loadStart.map((x) => x.toFixed(2)).join(' ')}; at end: ${loadEnd.map((x) => x.toFixed(2)).join(' ')} (1, 5, 15 min; ${cpus().length} CPUs).`);

    const cpu = cpus();
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? '', totalMemGB: round(totalmem() / 2 ** 30), platform: `${platform()} ${release()}`, node: process.version, chromium: chromiumVersion },
      loadAverage: { start: loadStart.map((x) => round(x, 2)), end: loadEnd.map((x) => round(x, 2)) },
      options: { rounds, viewports: viewports.map((v) => v.name), works, apps },
      method: {
        build: 'QUIRE_BENCH=1 vite build → dist-bench/; foliate-js, its page and the works as EPUB (bench/epub.ts) in dist-bench/__foliate/; one server (scripts/serve.mjs) on 127.0.0.1',
        browser: 'headless system Chromium, --disable-gpu, deviceScaleFactor 1, prefers-reduced-motion: reduce; foliate-js contexts bypass the CSP (it needs inline <style> and blob: frames)',
        order: 'per round, per viewport, per work: Quire then foliate-js (A B A B …)',
        cold: 'a new browser context (Quire: storage state with the adult notices passed; no HTTP cache, no service worker) → performance.now() after the first frame painted with the first page',
        warm: 'a new page in a context primed once per viewport (Quire: service worker installed and precached, each work opened once; foliate-js: HTTP cache) → same',
        painted: 'action started in a requestAnimationFrame callback; end = a MessageChannel message posted from a rAF callback of the first frame whose state shows the result',
        turns: `${TIMED_TURNS} timed, the first ${FIRST_PAGE_READ_MS} ms after the warm open painted, ${TURN_PAUSE_MS} ms apart (Quire: ArrowRight keydown; foliate-js: renderer.next(), which stays locked 100 ms after each turn); newWindow = the laid-out text changed during the turn (Quire: DOM mutation under the article; foliate-js: a section loaded)`,
        heap: `${LONG_WORK} only: CDP HeapProfiler.collectGarbage then Runtime.getHeapUsage().usedSize after ${HEAP_TURNS} turns, then after ${JUMPS.length} jumps (foliate-js: round 1 only, its turns are slow)`,
        jumps: `Quire: the scrubber (input + change); foliate-js: goToFraction; the same ${JUMPS.length} fractions (foliate-js in ${LONG_WORK}: round 1 only, each jump loads a section)`,
        fontSizes: FONT_SIZES,
        searchAfterOpenMs: SEARCH_AFTER_OPEN_MS,
      },
      goals: GOALS,
      floor: { method: 'bench/floor.mjs: a static page with one paragraph and a stylesheet, no script; a new context; navigation → first frame painted (the cold-open timing)', samplesMs: floor },
      books,
      summary,
      sessions,
      failures,
      search: { node: search, inApp: searches },
      seconds: round((Date.now() - started) / 1000),
    };
    // The storage figures (bench/storage.mjs) come after the side-by-side; a failure there keeps the rest.
    await mkdir(dirname(RESULTS), { recursive: true });
    await writeFile(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
    try {
      /** @type {any} */ (report).storage = await storageBench(browser, server.url);
    } catch (e) {
      /** @type {any} */ (report).storage = { error: e instanceof Error ? e.message : String(e) };
      console.error(`Storage bench failed: ${e instanceof Error ? e.message : e}`);
      process.exitCode = 1;
    }
    await writeFile(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Wrote ${RESULTS.slice(ROOT.length + 1)} (${report.seconds} s in all).`);
    if (!only) await (await import('./shelf.mjs')).shelfBench({ build: !noBuild }); // issue 14: the shelf at 2 and 200 works
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
