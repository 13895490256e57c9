/**
 * A scripted stand-in for the device's speech synthesis and screen wake lock, injected before
 * the app loads (addInitScript). It records each utterance the app asks for and plays it on
 * timers (start, a boundary per word, end), like Chrome's queue; at each boundary and just
 * before each end it samples what the page shows: the `read-aloud` highlight's text and
 * whether any of it is inside the reader's viewport. It never touches the app's code.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface StandInOptions {
  /** Milliseconds per character spoken (a boundary per word). */
  msPerChar?: number;
  /** Shortest utterance, ms. */
  minMs?: number;
  /** Voices the device lists (after a voiceschanged, as Chrome does). */
  voices?: { voiceURI: string; name: string; lang: string; localService: boolean; default: boolean }[];
}

/** One sample of the page while an utterance was speaking. */
export interface Sample {
  at: 'boundary' | 'end';
  charIndex: number;
  /** The highlight's text, or null when there is none. */
  highlight: string | null;
  /** Some of the highlight is inside the reader's viewport. */
  highlightOnScreen: boolean;
  place: string;
}

/** An utterance as the stand-in saw it. */
export interface Spoken {
  text: string;
  voiceURI: string | null;
  rate: number;
  lang: string;
  /** interrupted: it was speaking when cancelled; cancelled: it was waiting in the queue. */
  state: 'queued' | 'speaking' | 'ended' | 'interrupted' | 'cancelled';
  /** Its start event was sent. */
  started: boolean;
  samples: Sample[];
}

export const DEFAULT_VOICES = [
  { voiceURI: 'cloud-en-us', name: 'Cloud English', lang: 'en-US', localService: false, default: true },
  { voiceURI: 'device-en-gb', name: 'Device English', lang: 'en-GB', localService: true, default: true },
  { voiceURI: 'device-de', name: 'Device German', lang: 'de-DE', localService: true, default: true },
];

/** Installs the stand-in in every page of a context (call before the first page opens). */
export async function installSpeechStandIn(context: BrowserContext, options: StandInOptions = {}): Promise<void> {
  await context.addInitScript(
    (o) => {
      const log: Spoken[] = [];
      const wake: string[] = [];
      const control = { hold: false, heartbeat: 0, cancels: 0 };
      type U = EventTarget & {
        text: string;
        lang: string;
        rate: number;
        voice: { voiceURI: string } | null;
        onstart: ((e: Event) => void) | null;
        onend: ((e: Event) => void) | null;
        onerror: ((e: Event) => void) | null;
        onboundary: ((e: Event) => void) | null;
        record?: Spoken;
      };
      const fire = (u: U, type: string, extra: Record<string, unknown> = {}) => {
        const event = Object.assign(new Event(type), extra);
        const handler = (u as unknown as Record<string, ((e: Event) => void) | null>)[`on${type}`];
        handler?.call(u, event);
        u.dispatchEvent(event);
      };
      const sample = (u: U, at: Sample['at'], charIndex: number) => {
        const hl = (CSS as unknown as { highlights?: Map<string, Iterable<Range>> }).highlights?.get('read-aloud');
        const ranges = hl ? [...hl] : [];
        const viewport = document.querySelector('.reader-viewport')?.getBoundingClientRect();
        const onScreen = ranges.some((r) =>
          [...r.getClientRects()].some((b) => viewport !== undefined && b.width > 0 && b.right > viewport.left + 1 && b.left < viewport.right - 1 && b.bottom > viewport.top + 1 && b.top < viewport.bottom - 1),
        );
        const a = document.querySelector('article.reader-content');
        const place = a ? `${a.getAttribute('data-place-section')}:${a.getAttribute('data-place-block')}:${a.getAttribute('data-place-offset')}` : '';
        u.record?.samples.push({ at, charIndex, highlight: ranges.length > 0 ? ranges.map((r) => r.toString()).join('') : null, highlightOnScreen: onScreen, place });
      };
      const queue: U[] = [];
      let current: U | null = null;
      let timer = 0;
      // Waits while the test holds the voice, then runs `step`.
      const later = (ms: number, step: () => void) => {
        timer = window.setTimeout(function go() {
          if (control.hold) timer = window.setTimeout(go, 10);
          else step();
        }, ms);
      };
      const play = () => {
        if (current || queue.length === 0) return;
        const u = queue[0] as U;
        current = u;
        if (u.record) u.record.state = 'speaking';
        const words = [...u.text.matchAll(/\S+/g)].map((m) => m.index ?? 0);
        const total = Math.max(o.minMs, u.text.length * o.msPerChar);
        const per = total / Math.max(1, words.length + 1);
        later(0, () => {
          if (u.record) u.record.started = true;
          fire(u, 'start');
          let i = 0;
          const next = () => {
            if (current !== u) return;
            if (i < words.length) {
              const charIndex = words[i++] as number;
              sample(u, 'boundary', charIndex);
              fire(u, 'boundary', { charIndex, charLength: 0, name: 'word', elapsedTime: 0 });
              later(per, next);
              return;
            }
            sample(u, 'end', u.text.length);
            queue.shift();
            current = null;
            if (u.record) u.record.state = 'ended';
            fire(u, 'end');
            play();
          };
          later(per, next);
        });
      };
      class Utterance extends EventTarget {
        text: string;
        lang = '';
        rate = 1;
        pitch = 1;
        volume = 1;
        voice: { voiceURI: string } | null = null;
        onstart = null;
        onend = null;
        onerror = null;
        onboundary = null;
        onpause = null;
        onresume = null;
        onmark = null;
        constructor(text = '') {
          super();
          this.text = text;
        }
      }
      let voicesLoaded = false;
      const synth = Object.assign(new EventTarget(), {
        onvoiceschanged: null,
        get speaking() {
          return current !== null;
        },
        get pending() {
          return queue.length > (current ? 1 : 0);
        },
        paused: false,
        getVoices() {
          if (!voicesLoaded) {
            // Chrome lists no voices at first and sends voiceschanged once they are known.
            window.setTimeout(() => {
              voicesLoaded = true;
              synth.dispatchEvent(new Event('voiceschanged'));
            }, 30);
            return [];
          }
          return o.voices;
        },
        speak(u: U) {
          u.record = { text: u.text, voiceURI: u.voice?.voiceURI ?? null, rate: u.rate, lang: u.lang, state: 'queued', started: false, samples: [] };
          log.push(u.record);
          queue.push(u);
          play();
        },
        cancel() {
          control.cancels++;
          window.clearTimeout(timer);
          const dropped = queue.splice(0);
          const was = current;
          current = null;
          for (const u of dropped) {
            if (u.record) u.record.state = u === was ? 'interrupted' : 'cancelled';
            window.setTimeout(() => fire(u, 'error', { error: u === was ? 'interrupted' : 'canceled' }), 0);
          }
        },
        pause() {
          throw new Error('The stand-in does not pause: the app must not rely on speechSynthesis.pause().');
        },
        resume() {},
      });
      Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true, writable: true });
      // A screen wake lock that records each request and release.
      Object.defineProperty(navigator, 'wakeLock', {
        configurable: true,
        value: {
          request(type: string) {
            wake.push(`request ${type}`);
            const sentinel = Object.assign(new EventTarget(), {
              type,
              released: false,
              onrelease: null,
              release() {
                if (!sentinel.released) {
                  sentinel.released = true;
                  wake.push('release');
                  sentinel.dispatchEvent(new Event('release'));
                }
                return Promise.resolve();
              },
            });
            return Promise.resolve(sentinel);
          },
        },
      });
      window.setInterval(() => control.heartbeat++, 20);
      (window as unknown as { __speech: unknown }).__speech = { log, wake, control };
    },
    { msPerChar: options.msPerChar ?? 1.5, minMs: options.minMs ?? 120, voices: options.voices ?? DEFAULT_VOICES },
  );
}

/** What the stand-in recorded so far. */
export function spoken(page: Page): Promise<Spoken[]> {
  return page.evaluate(() => (window as unknown as { __speech: { log: Spoken[] } }).__speech.log.map((s) => ({ ...s, samples: [...s.samples] })));
}

/** The wake lock's requests and releases so far. */
export function wakeLog(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __speech: { wake: string[] } }).__speech.wake]);
}

/** Holds (true) or lets go of (false) the voice: while held nothing starts, ends or reaches a word. */
export function holdVoice(page: Page, hold: boolean): Promise<void> {
  return page.evaluate((h) => void ((window as unknown as { __speech: { control: { hold: boolean } } }).__speech.control.hold = h), hold);
}

/** Waits until `count` utterances have ended. */
export async function waitForEnded(page: Page, count: number, timeout = 60_000): Promise<void> {
  await page.waitForFunction((n) => (window as unknown as { __speech: { log: Spoken[] } }).__speech.log.filter((s) => s.state === 'ended').length >= n, count, { timeout });
}

/** Waits until the stand-in's heartbeat (one per 20 ms of page time) has gone on by `beats`. */
export async function waitForBeats(page: Page, beats: number): Promise<void> {
  const start = await page.evaluate(() => (window as unknown as { __speech: { control: { heartbeat: number } } }).__speech.control.heartbeat);
  await page.waitForFunction((s) => (window as unknown as { __speech: { control: { heartbeat: number } } }).__speech.control.heartbeat >= s, start + beats);
}
