/**
 * Issue 11: a crash while flipping pages loses at most one page. A real Chromium on a persistent
 * profile is killed (SIGKILL to its whole process group) 50–300 ms after the last key, relaunched,
 * and the work reopened. A seeded generator picks each run's page count and delay: a failure
 * prints its seed and run, and replays with QUIRE_CRASH_SEED.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { random } from '../fixtures/generate-work';
import { place, press, waitForPlace, WORKS, type Place } from './app';
import { findChrome } from './chrome';
import { CHROME_FLAGS as FLAGS, startServer, type Server } from './harness';

const RUNS = 40;
const SEED = Number(process.env.QUIRE_CRASH_SEED ?? 0xc0ffee);


interface Running {
  browser: Browser;
  child: ChildProcess;
  exited: Promise<void>;
}

/**
 * Starts Chromium in its own process group (so the whole group can be killed at once, as a
 * crash or an OOM kill would) on `profile`, and connects over CDP.
 */
async function launch(profile: string): Promise<Running> {
  const child = spawn(findChrome(), ['--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, ...FLAGS, 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (found?.[1]) {
        child.stderr?.off('data', onData);
        child.stderr?.resume(); // keep draining, so Chromium never blocks on a full pipe
        resolve(found[1]);
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before listening: ${text.slice(-500)}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  return { browser, child, exited };
}

/** SIGKILL to the browser's process group, then waits until the browser process is gone. */
async function kill(running: Running): Promise<void> {
  const pid = running.child.pid;
  if (pid !== undefined) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await running.exited;
}

/** The profile's one page, phone-sized, on the long work's reader (passing the notice if it shows). */
async function openReader(running: Running, server: Server): Promise<Page> {
  const context = running.browser.contexts()[0];
  if (!context) throw new Error('no default context on the persistent profile');
  // No service worker: its precaching would compete for the CPU in every run, and has no part in this.
  await context.addInitScript(() => {
    delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 412, height: 915 });
  await page.goto(`${server.url}#/read/${WORKS.long.id}`);
  const cont = page.getByRole('button', { name: 'Continue' });
  await Promise.race([cont.waitFor(), page.locator('article.reader-content [data-block]').first().waitFor()]);
  if (await cont.isVisible()) await cont.click();
  await waitForPlace(page);
  return page;
}

const same = (a: Place, b: Place) => a.section === b.section && a.block === b.block && a.offset === b.offset;
const show = (p: Place) => `${p.section}/${p.block}/${p.offset}`;

describe(`a crash while turning pages (seed ${SEED}, ${RUNS} runs)`, () => {
  let server: Server | undefined;
  let profile = '';
  let running: Running | undefined;

  beforeAll(async () => {
    server = await startServer();
    profile = await mkdtemp(join(tmpdir(), 'quire-crash-'));
  });

  afterAll(async () => {
    if (running) await kill(running);
    await server?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('no run loses more than one page', async () => {
    if (!server) throw new Error('no server');
    const next = random(SEED);
    const results: string[] = [];
    let expected: Place | undefined;
    running = await launch(profile);
    let page = await openReader(running, server);

    for (let run = 0; run < RUNS; run++) {
      const turns = 2 + Math.floor(next() * 7); // 2–8 pages
      const delay = 50 + Math.floor(next() * 251); // 50–300 ms
      // Back up now and then, so forward runs never reach the end of the work.
      const key = run % 5 === 4 ? 'ArrowLeft' : 'ArrowRight';
      const visited: Place[] = [await place(page)];
      for (let i = 0; i < turns; i++) visited.push(await press(page, key));
      const shownAt = Date.now();
      await new Promise((r) => setTimeout(r, delay)); // the delay under test, not a wait for a condition
      const waited = Date.now() - shownAt;
      await kill(running);

      const killedAt = Date.now();
      running = await launch(profile);
      const launchedMs = Date.now() - killedAt;
      page = await openReader(running, server);
      const restored = await place(page);
      const reopenMs = Date.now() - killedAt;
      const last = visited.length - 1;
      const at = visited.findLastIndex((p) => same(p, restored));
      const lost = at < 0 ? Infinity : last - at;
      results.push(`run ${run}: ${turns} × ${key}, killed ${waited} ms after the last key (planned ${delay}): lost ${lost} (relaunched in ${launchedMs} ms, reader shown after ${reopenMs} ms)`);
      if (lost > 1) {
        expect.fail(
          `seed ${SEED}, run ${run}: lost ${lost} pages (restored ${show(restored)}, last shown ${show(visited[last] ?? restored)}; visited ${visited.map(show).join(' → ')})\n${results.join('\n')}`,
        );
      }
      expected = restored;
    }
    expect(expected).toBeDefined();
    console.log(`crash runs (seed ${SEED}):\n${results.join('\n')}`);
  }, 540_000); // about 2 min on a quiet 2-core machine, 4–5 min under heavy load
});
