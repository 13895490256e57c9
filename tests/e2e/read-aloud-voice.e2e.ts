/**
 * Issue 12, with a real voice: headless Chromium with --enable-speech-dispatcher speaks through
 * Debian's speech-dispatcher and espeak-ng. The sound goes to ALSA's null device (a private
 * speechd.conf in a temporary XDG config home), so no sound card is needed. Only speak() is
 * wrapped, to record each utterance's events; the voice and the app are real. Skipped, saying
 * why, when the packages are missing (`.ci/run` installs them).
 */
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWork, WORKS } from './app';
import { findChrome } from './chrome';
import { CHROME_FLAGS, newContext, startServer, trackForeignRequests, trackPageErrors, type Server } from './harness';

const NEEDED = ['/usr/bin/speech-dispatcher', '/usr/lib/speech-dispatcher-modules/sd_espeak-ng'];
const missing = NEEDED.filter((p) => !existsSync(p));
if (missing.length > 0) {
  console.log(`Skipping the real-voice read-aloud test: ${missing.join(', ')} not found (apt-get install -y speech-dispatcher espeak-ng).`);
}

describe.skipIf(missing.length > 0)('read aloud with a real voice (speech-dispatcher + espeak-ng)', () => {
  let browser: Browser | undefined;
  let server: Server | undefined;
  const home = mkdtempSync(join(tmpdir(), 'quire-speechd-'));
  const run = join(home, 'run');

  beforeAll(async () => {
    mkdirSync(join(home, 'config', 'speech-dispatcher'), { recursive: true });
    mkdirSync(run, { recursive: true, mode: 0o700 });
    writeFileSync(join(home, 'config', 'speech-dispatcher', 'speechd.conf'), 'AudioOutputMethod "alsa"\nAudioALSADevice "null"\nTimeout 5\n');
    [browser, server] = await Promise.all([
      chromium.launch({
        executablePath: findChrome(),
        headless: true,
        args: [...CHROME_FLAGS, '--enable-speech-dispatcher'],
        // speech-dispatcher is started by Chromium on first use, with this private configuration and socket.
        env: { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'), XDG_RUNTIME_DIR: run },
      }),
      startServer(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    // The speech-dispatcher this test's Chromium started (it exits by itself 5 s after its last client).
    const pidFile = join(run, 'speech-dispatcher', 'pid', 'speech-dispatcher.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 1) {
        try {
          process.kill(pid);
          // It writes its logs while it stops: wait until it is gone before removing its folder.
          for (let i = 0; i < 60; i++) {
            process.kill(pid, 0);
            await new Promise((r) => setTimeout(r, 50));
          }
        } catch {
          // Gone.
        }
      }
    }
    rmSync(home, { recursive: true, force: true });
  });

  it('lists real voices and speaks two sentences to their end events', async () => {
    if (!browser || !server) throw new Error('not started');
    const context = await newContext(browser, { reducedMotion: 'reduce' });
    const foreign = trackForeignRequests(context, new URL(server.url).origin);
    await context.addInitScript(() => {
      const seen = { texts: [] as string[], starts: [] as string[], ends: [] as string[], errors: [] as string[] };
      (window as unknown as { __voice: typeof seen }).__voice = seen;
      const speak = speechSynthesis.speak.bind(speechSynthesis);
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        seen.texts.push(u.text);
        u.addEventListener('start', () => seen.starts.push(u.text));
        u.addEventListener('end', () => seen.ends.push(u.text));
        u.addEventListener('error', (e) => seen.errors.push(e.error));
        speak(u);
      };
    });
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    await openWork(page, WORKS.long.title);
    await page.getByRole('button', { name: 'Read aloud' }).click();
    await page.waitForFunction(() => (window as unknown as { __voice: { ends: string[] } }).__voice.ends.length >= 2, null, { timeout: 60_000 }).catch(async (e: unknown) => {
      // Say what the page shows: a message from the app, or what the voice did so far.
      const state = await page.evaluate(() => JSON.stringify({ voice: (window as unknown as { __voice: unknown }).__voice, alert: document.querySelector('.read-aloud [role="alert"]')?.textContent ?? null, voices: speechSynthesis.getVoices().length }));
      throw new Error(`No two end events: ${state}`, { cause: e });
    });
    const seen = await page.evaluate(() => (window as unknown as { __voice: { texts: string[]; ends: string[]; errors: string[] } }).__voice);
    const voices = await page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.lang.startsWith('en')).length);
    const chosen = await page.getByLabel('Voice').inputValue();
    console.log(`Real voice: ${voices} English voices listed; spoke with “${chosen}”; ended: ${JSON.stringify(seen.ends.slice(0, 2))}`);
    expect(voices).toBeGreaterThan(0);
    expect(seen.ends.slice(0, 2)).toEqual(seen.texts.slice(0, 2));
    expect(seen.errors).toEqual([]);
    await page.getByRole('button', { name: 'Stop reading aloud' }).click();
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });
});
