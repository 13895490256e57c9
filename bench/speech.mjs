// @ts-check
/**
 * Read-aloud benchmark (issue 12), on the 1M-word work: the time from "Read aloud" to the
 * first utterance queued, and the cost of a page turn made by the voice. Runs inside
 * `npm run bench` (one line in run.mjs) or alone:
 *
 *   node bench/speech.mjs             # builds dist-bench/ if missing, then measures
 *   node bench/speech.mjs --no-build  # reuses dist-bench/
 *
 * A scripted speechSynthesis (added with addInitScript) records when each utterance is
 * queued and lets the benchmark end them one by one; voices are listed at once, so the time
 * is the app's, not a speech engine's. Reports only; never fails on a number.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist-bench');
const WORK = 'bench-million';
const STARTS = 7;
const TURNS = 30;

/** The in-page stand-in: records queue times, ends utterances when told. Self-contained (sent as source). */
function installSpeechBench() {
  const queued = /** @type {number[]} */ ([]);
  const queue = /** @type {any[]} */ ([]);
  let current = /** @type {any} */ (null);
  const fire = (/** @type {any} */ u, /** @type {string} */ type, extra = {}) => u[`on${type}`]?.(Object.assign(new Event(type), extra));
  const play = () => {
    if (current || queue.length === 0) return;
    current = queue[0];
    fire(current, 'start');
  };
  class Utterance extends EventTarget {
    constructor(text = '') {
      super();
      this.text = text;
      this.lang = '';
      this.rate = 1;
      this.voice = null;
    }
  }
  const voices = [{ voiceURI: 'bench-en', name: 'Bench English', lang: 'en-GB', localService: true, default: true }];
  const synth = Object.assign(new EventTarget(), {
    getVoices: () => voices,
    speak(/** @type {any} */ u) {
      queued.push(performance.now());
      queue.push(u);
      play();
    },
    cancel() {
      queue.length = 0;
      current = null;
    },
    pause() {},
    resume() {},
    speaking: false,
    pending: false,
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true, writable: true });
  const painted = () =>
    new Promise((done) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  const where = () => {
    const a = document.querySelector('article.reader-content');
    return a ? `${a.getAttribute('data-place-section')}|${a.getAttribute('data-place-block')}|${a.getAttribute('data-place-offset')}` : '';
  };
  const transform = () => /** @type {HTMLElement | null} */ (document.querySelector('.reader-content'))?.style.transform ?? '';
  /** @type {any} */ (globalThis).__speechBench = {
    queued,
    /** Clicks "Read aloud"; ms to the first utterance queued. */
    async start() {
      const before = queued.length;
      const button = /** @type {HTMLButtonElement} */ ([...document.querySelectorAll('button')].find((b) => b.getAttribute('title')?.startsWith('Read aloud')));
      const t0 = performance.now();
      button.click();
      for (let i = 0; i < 500 && queued.length === before; i++) await new Promise((r) => setTimeout(r, 2));
      return queued.length > before ? (queued[before] ?? 0) - t0 : Number.NaN;
    },
    /** Ends the current utterance (the next starts); ms to the first frame painted after, and whether the page turned. */
    async step() {
      const place = where();
      const shift = transform();
      const done = queue.shift();
      current = null;
      const t0 = performance.now();
      if (done) fire(done, 'end');
      play();
      // Up to three frames: a sentence on the same page changes nothing on screen.
      for (let f = 0; f < 3; f++) {
        const t = /** @type {number} */ (await painted());
        if (transform() !== shift || (where() !== place && where().split('|')[0] !== place.split('|')[0])) return { ms: t - t0, turned: true };
      }
      return { ms: Number.NaN, turned: false };
    },
  };
}

/** @param {number[]} xs @param {number} q */
const quantile = (xs, q) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN) : Number.NaN;
};
const round = (/** @type {number} */ x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);

/**
 * Measures read-aloud on the bench work in a fresh context of `browser` against the build at `url`.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 */
export async function speechBench(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1, serviceWorkers: 'block', reducedMotion: 'reduce' });
  try {
    await context.addInitScript(installSpeechBench);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${url}#/read/${WORK}`);
    const cont = page.getByRole('button', { name: 'Continue' });
    const ready = page.locator('article.reader-content[data-place-block] [data-block]').first();
    await Promise.race([cont.waitFor(), ready.waitFor()]);
    if (await cont.isVisible()) await cont.click();
    await ready.waitFor();
    const starts = [];
    for (let i = 0; i < STARTS; i++) {
      starts.push(/** @type {number} */ (await page.evaluate(() => /** @type {any} */ (globalThis).__speechBench.start())));
      await page.getByRole('button', { name: 'Stop reading aloud' }).click();
    }
    await page.evaluate(() => /** @type {any} */ (globalThis).__speechBench.start());
    /** @type {number[]} */
    const turns = [];
    let steps = 0;
    while (turns.length < TURNS && steps < TURNS * 40) {
      steps++;
      const r = /** @type {{ ms: number, turned: boolean }} */ (await page.evaluate(() => /** @type {any} */ (globalThis).__speechBench.step()));
      if (r.turned) turns.push(r.ms);
    }
    return {
      work: WORK,
      viewport: 'phone 412×915',
      firstUtterance: { coldMs: round(starts[0] ?? Number.NaN), warmMedianMs: round(quantile(starts.slice(1), 0.5)), samplesMs: starts.map(round) },
      turnWhileSpeaking: { count: turns.length, sentences: steps, medianMs: round(quantile(turns, 0.5)), p95Ms: round(quantile(turns, 0.95)), maxMs: round(Math.max(...turns)) },
    };
  } finally {
    await context.close();
  }
}

/** One line for run.mjs's output. @param {Awaited<ReturnType<typeof speechBench>>} r */
export function speechLine(r) {
  const f = r.firstUtterance;
  const t = r.turnWhileSpeaking;
  return `Read aloud (${r.work}, ${r.viewport}): "Read aloud" → first utterance queued ${f.coldMs} ms cold, ${f.warmMedianMs} ms warm (median of ${f.samplesMs.length - 1}); page turn by the voice median ${t.medianMs} / p95 ${t.p95Ms} / max ${t.maxMs} ms over ${t.count} turns (${t.sentences} sentences).`;
}

/** Runs a command from the project root. @param {string} command @param {string[]} argv @param {Record<string, string>} env */
function run(command, argv, env) {
  return new Promise((done, fail) => {
    const child = spawn(command, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(undefined) : fail(new Error(`${command} exited with ${code}`))));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--no-build') || !existsSync(join(DIST, 'index.html'))) await run('npx', ['vite', 'build'], { QUIRE_BENCH: '1', QUIRE_DIST: DIST });
  const server = await serve({ root: DIST, host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const result = await speechBench(browser, server.url);
    console.log(speechLine(result));
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    await server.close();
  }
}
