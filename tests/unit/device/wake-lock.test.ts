import { describe, expect, it } from 'vitest';
import { createWakeLock } from '../../../src/device/wake-lock';
import { READING_IDLE_MS, startReadingWake, type IdleClock } from '../../../src/device/reading-wake';

/** A page whose visibility the test sets, and a wake-lock API that records what it was asked. */
function fakePage(options: { refuse?: boolean } = {}) {
  const doc = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
  doc.visibilityState = 'visible';
  const log: string[] = [];
  const sentinels: (EventTarget & { released: boolean; release(): Promise<void> })[] = [];
  const wakeLock = {
    request(type: string) {
      log.push(`request ${type}`);
      if (options.refuse) return Promise.reject(new DOMException('no', 'NotAllowedError'));
      const s = Object.assign(new EventTarget(), {
        released: false,
        release() {
          if (!s.released) {
            s.released = true;
            log.push('release');
            s.dispatchEvent(new Event('release'));
          }
          return Promise.resolve();
        },
      });
      sentinels.push(s);
      return Promise.resolve(s);
    },
  };
  const setVisibility = (state: DocumentVisibilityState) => {
    doc.visibilityState = state;
    // The browser drops the lock itself when the page is hidden.
    if (state === 'hidden') for (const s of sentinels) void s.release();
    doc.dispatchEvent(new Event('visibilitychange'));
  };
  const settle = () => new Promise((done) => setTimeout(done, 0));
  return { doc: doc as unknown as Document, nav: { wakeLock } as unknown as Navigator, log, setVisibility, settle };
}

/** A clock the test moves by hand. */
function fakeClock() {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  const clock: IdleClock = {
    setTimeout: (run, ms) => (timers.set(next, { at: now + ms, run }), next++),
    clearTimeout: (id) => void timers.delete(id as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) {
      if (t.at <= now) {
        timers.delete(id);
        t.run();
      }
    }
  };
  return { clock, advance, pending: () => timers.size };
}

describe('createWakeLock', () => {
  it('says when the API is missing, and then asks nothing', () => {
    const page = fakePage();
    const lock = createWakeLock({} as Navigator, page.doc);
    expect(lock.supported).toBe(false);
    lock.hold('reading');
    lock.release('reading');
    expect(page.log).toEqual([]);
  });

  it('shares one sentinel between holders and releases it when the last one lets go', async () => {
    const page = fakePage();
    const lock = createWakeLock(page.nav, page.doc);
    expect(lock.supported).toBe(true);
    lock.hold('reading');
    lock.hold('speech');
    lock.hold('reading');
    await page.settle();
    expect(page.log).toEqual(['request screen']);
    lock.release('reading');
    expect(page.log).toEqual(['request screen']);
    lock.release('speech');
    expect(page.log).toEqual(['request screen', 'release']);
  });

  it('is dropped when hidden and asked for again when visible, only while held', async () => {
    const page = fakePage();
    const lock = createWakeLock(page.nav, page.doc);
    lock.hold('speech');
    await page.settle();
    page.setVisibility('hidden');
    page.setVisibility('visible');
    await page.settle();
    expect(page.log).toEqual(['request screen', 'release', 'request screen']);
    lock.release('speech');
    page.setVisibility('hidden');
    page.setVisibility('visible');
    await page.settle();
    expect(page.log).toEqual(['request screen', 'release', 'request screen', 'release']);
  });

  it('does not ask while hidden, and releases a grant that arrives after the last holder left', async () => {
    const page = fakePage();
    const lock = createWakeLock(page.nav, page.doc);
    page.setVisibility('hidden');
    lock.hold('reading');
    await page.settle();
    expect(page.log).toEqual([]);
    page.setVisibility('visible');
    lock.release('reading'); // before the request resolves
    await page.settle();
    expect(page.log).toEqual(['request screen', 'release']);
  });

  it('survives a refused request and tries again on the next visible', async () => {
    const page = fakePage({ refuse: true });
    const lock = createWakeLock(page.nav, page.doc);
    lock.hold('reading');
    await page.settle();
    page.setVisibility('hidden');
    page.setVisibility('visible');
    await page.settle();
    expect(page.log).toEqual(['request screen', 'request screen']);
  });

  it('dispose() releases and stops listening', async () => {
    const page = fakePage();
    const lock = createWakeLock(page.nav, page.doc);
    lock.hold('reading');
    await page.settle();
    lock.dispose();
    page.setVisibility('hidden');
    page.setVisibility('visible');
    await page.settle();
    expect(page.log).toEqual(['request screen', 'release']);
  });
});

describe('startReadingWake', () => {
  it('holds at once, releases after the idle limit, holds again on the next move', async () => {
    const page = fakePage();
    const lock = createWakeLock(page.nav, page.doc);
    const c = fakeClock();
    const wake = startReadingWake(lock, { clock: c.clock, doc: page.doc });
    await page.settle();
    expect(page.log).toEqual(['request screen']);
    c.advance(READING_IDLE_MS - 1);
    wake.activity(); // a page turn just before the limit restarts it
    c.advance(READING_IDLE_MS - 1);
    expect(page.log).toEqual(['request screen']);
    c.advance(1);
    expect(page.log).toEqual(['request screen', 'release']);
    wake.activity();
    await page.settle();
    expect(page.log).toEqual(['request screen', 'release', 'request screen']);
  });

  it('counts coming back to the page as activity, even after the limit passed while away', async () => {
    const page = fakePage();
    const lock = createWakeLock(page.nav, page.doc);
    const c = fakeClock();
    startReadingWake(lock, { clock: c.clock, doc: page.doc });
    await page.settle();
    page.setVisibility('hidden');
    c.advance(READING_IDLE_MS);
    page.setVisibility('visible');
    await page.settle();
    expect(page.log).toEqual(['request screen', 'release', 'request screen']);
  });

  it('stop() releases, clears its timer, and ignores later moves and visibility', async () => {
    const page = fakePage();
    const lock = createWakeLock(page.nav, page.doc);
    const c = fakeClock();
    const wake = startReadingWake(lock, { clock: c.clock, doc: page.doc });
    await page.settle();
    wake.stop();
    expect(c.pending()).toBe(0);
    wake.activity();
    page.setVisibility('visible');
    await page.settle();
    expect(page.log).toEqual(['request screen', 'release']);
  });

  it('leaves the speech holder alone', async () => {
    const page = fakePage();
    const lock = createWakeLock(page.nav, page.doc);
    const c = fakeClock();
    lock.hold('speech');
    const wake = startReadingWake(lock, { clock: c.clock, doc: page.doc });
    await page.settle();
    c.advance(READING_IDLE_MS);
    wake.stop();
    expect(page.log).toEqual(['request screen']);
  });
});
