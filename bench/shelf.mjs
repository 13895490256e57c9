// @ts-check
/**
 * The shelf's benchmark (issue 14): a library of 2 works and one of 200 (QUIRE_LIBRARY=198),
 * each built, served and opened in headless Chromium at phone size. It reports, never asserts:
 *   - start: page load on the library to the first painted frame showing its entries;
 *   - render: from setting `location.hash = '#/'` (on "About this work") to the first painted
 *     frame with the shelf's entries, 10 times: median and worst, in ms and in frames, plus
 *     Chromium's script / style / layout time per render (CDP Performance.getMetrics);
 *   - the main bundle (raw and gzip) of each build, and how much of its growth from 2 to 200
 *     is the catalogue entries themselves (bench/shelf-sizes.ts).
 * Run alone with `node bench/shelf.mjs` (`--no-build` reuses dist-shelf-*), or by `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'bench', 'results', 'shelf.json');
const LIBRARIES = [
  { name: '2 works', generated: 0, dist: join(ROOT, 'dist-shelf-2') },
  { name: '200 works', generated: 198, dist: join(ROOT, 'dist-shelf-200') },
];
const RENDERS = 10;
/** The shelf draws this many entries at once (src/ui/shelf BATCH); the rest follow on scroll. */
const FIRST_BATCH = 24;

/** @param {string} command @param {string[]} argv @param {Record<string, string>} [env] @returns {Promise<string>} */
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

/** @param {number[]} xs @param {number} q */
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
};
const round = (/** @type {number} */ x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** The main bundle: the entry chunk index.html loads and the chunks it preloads (what the first screen needs). @param {string} dist */
function mainBundle(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  let bytes = 0;
  let gzip = 0;
  for (const f of files) {
    const b = readFileSync(join(dist, f));
    bytes += b.length;
    gzip += gzipSync(b).length;
  }
  return { files, bytes, gzip };
}

/** Everything measured for one library. @param {import('playwright-core').Browser} browser @param {string} url @param {number} expected */
async function measure(browser, url, expected) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1, serviceWorkers: 'block', reducedMotion: 'reduce' });
  try {
    // On load: performance.now() after the first painted frame that shows the shelf's entries.
    await context.addInitScript((want) => {
      const w = /** @type {any} */ (globalThis);
      w.__shelfStart = new Promise((resolve) => {
        const poll = () =>
          requestAnimationFrame(() => {
            if (document.querySelectorAll('.shelf-entry').length >= want) {
              const c = new MessageChannel();
              c.port1.onmessage = () => resolve(performance.now());
              c.port2.postMessage(null);
            } else poll();
          });
        poll();
      });
    }, Math.min(expected, FIRST_BATCH));
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    const startMs = /** @type {number} */ (await page.evaluate(() => /** @type {any} */ (globalThis).__shelfStart));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    /** @type {{ ms: number, frames: number }[]} */
    const renders = [];
    const before = await metrics();
    for (let i = 0; i < RENDERS; i++) {
      await page.evaluate(() => (location.hash = '#/about/untitled-alec-realised'));
      await page.locator('.about-work').waitFor();
      renders.push(
        await page.evaluate(
          (want) =>
            new Promise((resolve, reject) => {
              const message = () =>
                /** @type {Promise<number>} */ (
                  new Promise((r) => {
                    const c = new MessageChannel();
                    c.port1.onmessage = () => r(performance.now());
                    c.port2.postMessage(null);
                  })
                );
              const frame = () => new Promise((r) => requestAnimationFrame(r));
              requestAnimationFrame(async () => {
                const start = performance.now();
                location.hash = '#/';
                for (let frames = 1; frames < 600; frames++) {
                  const t = await message();
                  if (document.querySelectorAll('.shelf-entry').length >= want && !document.querySelector('.about-work')) return resolve({ ms: t - start, frames });
                  await frame();
                }
                reject(new Error('the library never painted'));
              });
            }),
          Math.min(expected, FIRST_BATCH),
        ),
      );
    }
    const after = await metrics();
    const per = (/** @type {string} */ k) => round((((after[k] ?? 0) - (before[k] ?? 0)) * 1000) / (RENDERS * 2), 2);
    const entries = await page.locator('.shelf-entry').count();
    const ms = renders.map((r) => r.ms);
    return {
      startMs: round(startMs),
      render: { medianMs: round(quantile(ms, 0.5)), worstMs: round(Math.max(...ms)), frames: renders.map((r) => r.frames), samplesMs: ms.map((x) => round(x, 2)) },
      perNavigation: { scriptMs: per('ScriptDuration'), styleMs: per('RecalcStyleDuration'), layoutMs: per('LayoutDuration') },
      entriesDrawn: entries,
      errors,
    };
  } finally {
    await context.close();
  }
}

/** Builds (unless asked not to), measures both libraries, prints a table and writes bench/results/shelf.json. */
export async function shelfBench({ build = true } = {}) {
  const sizesOut = join(tmpdir(), `quire-shelf-sizes-${process.pid}.mjs`);
  await run('npx', ['rolldown', 'bench/shelf-sizes.ts', '--platform', 'node', '--format', 'esm', '-o', sizesOut]);
  const chrome = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
  if (!chrome) throw new Error('No Chromium for the shelf benchmark: set CHROME_PATH.');
  const browser = await chromium.launch({ executablePath: chrome, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
  /** @type {any[]} */
  const rows = [];
  try {
    for (const lib of LIBRARIES) {
      if (build || !existsSync(join(lib.dist, 'index.html'))) {
        process.stdout.write(`Shelf: building ${lib.name} … `);
        await run('npx', ['vite', 'build', '--emptyOutDir', '--logLevel', 'error'], { QUIRE_DIST: lib.dist, QUIRE_LIBRARY: String(lib.generated), NODE_ENV: 'production' });
        console.log('done');
      }
      const sizes = JSON.parse(await run(process.execPath, [sizesOut, String(lib.generated)]));
      const server = await serve({ root: lib.dist, host: '127.0.0.1', port: 0 });
      try {
        rows.push({ library: lib.name, works: sizes.works, bundle: mainBundle(lib.dist), catalogue: sizes, ...(await measure(browser, server.url, sizes.works)) });
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
    await rm(sizesOut, { force: true });
  }
  const [small, large] = rows;
  const growth = large.bundle.bytes - small.bundle.bytes;
  const entries = large.catalogue.catalogueBytes + large.catalogue.coversBytes - (small.catalogue.catalogueBytes + small.catalogue.coversBytes);
  console.log('\nShelf (phone 412×915; library screen from "About this work" back to "#/", 10 times):');
  for (const r of rows) {
    console.log(
      `  ${r.library.padEnd(10)} start ${String(r.startMs).padStart(6)} ms · render median ${r.render.medianMs} ms, worst ${r.render.worstMs} ms, frames ${r.render.frames.join(',')} · ` +
        `per navigation script ${r.perNavigation.scriptMs}, style ${r.perNavigation.styleMs}, layout ${r.perNavigation.layoutMs} ms · ${r.entriesDrawn} entries drawn · ` +
        `main bundle ${r.bundle.bytes} B (gzip ${r.bundle.gzip} B)`,
    );
  }
  console.log(`  main bundle 2 → 200 works: +${growth} B; catalogue + cover entries: +${entries} B; beyond them: ${growth - entries} B`);
  await mkdir(dirname(RESULTS), { recursive: true });
  await writeFile(RESULTS, `${JSON.stringify({ date: new Date().toISOString(), rows, bundleGrowth: { bytes: growth, catalogueEntries: entries, beyond: growth - entries } }, null, 2)}\n`);
  console.log(`  Wrote ${RESULTS.slice(ROOT.length + 1)}.`);
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  shelfBench({ build: !process.argv.includes('--no-build') }).catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
