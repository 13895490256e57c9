// @ts-check
/**
 * Before and after for the cold open: two builds (or one build twice), opened cold in turn,
 * A B A B …, in the same Chromium. Each open is a new context with the adult notice passed
 * (storage state from a first visit, no HTTP cache, service workers allowed as on a first
 * visit), timed from navigation to the first frame painted with the first page, as
 * `npm run bench` times its cold opens. Prints each build's median and every open.
 *
 *   node bench/ab.mjs [--tablet] <work id> <opens per build> <dist A> <dist B>
 *   e.g. node bench/ab.mjs making-it-work 14 /tmp/dist-before dist-bench
 *
 * Build each side with `QUIRE_BENCH=1 QUIRE_DIST=<dir> npx vite build` at the commit to compare.
 */
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { initScript } from './in-page.mjs';
import { median, round } from './report.mjs';
import { seedStorage } from './seed.mjs';

const args = process.argv.slice(2);
const tablet = args.includes('--tablet');
const [work = 'making-it-work', count = '10', ...dists] = args.filter((a) => a !== '--tablet');
if (dists.length < 2) {
  console.error('usage: node bench/ab.mjs [--tablet] <work id> <opens per build> <dist A> <dist B>');
  process.exit(2);
}
const servers = await Promise.all(dists.map((root) => serve({ root, host: '127.0.0.1', port: 0 })));
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
// The viewports of `npm run bench`: phone, or with --tablet, tablet.
const viewport = tablet ? { width: 1024, height: 1366 } : { width: 412, height: 915 };
try {
  const seeds = [];
  for (const s of servers) seeds.push(await seedStorage(browser, s.url, [work]));
  /** @type {number[][]} */
  const opens = dists.map(() => []);
  const loadStart = loadavg()[0] ?? 0;
  for (let i = 0; i < Number(count); i++) {
    for (let k = 0; k < dists.length; k++) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce', storageState: seeds[k] });
      await context.addInitScript({ content: initScript('quire') });
      const page = await context.newPage();
      await page.goto(`${servers[k]?.url}#/read/${encodeURIComponent(work)}`);
      opens[k]?.push(/** @type {number} */ (await page.evaluate(() => /** @type {any} */ (globalThis).__quireBench.startPainted)));
      await context.close();
    }
  }
  dists.forEach((dist, k) => console.log(`${dist}: median ${round(median(opens[k] ?? []))} ms; opens ${(opens[k] ?? []).map((x) => round(x)).join(' ')}`));
  console.log(`Load average (1 min): ${loadStart.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end (2 cores: above ~2, the machine is shared).`);
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
