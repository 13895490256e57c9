// @ts-check
/**
 * The benchmark's in-page side, added with `context.addInitScript({ content: initScript(kind) })`.
 * Each function here is sent as source text (not as a closure), so each is self-contained and
 * talks to the others only through globals:
 * - `installTiming()` → `globalThis.__benchTiming`: "painted" timing shared by both readers;
 * - `installQuireBench()` → `globalThis.__quireBench` (`installBench`: both, as one init script): drives Quire the way a user does (key events,
 *   the settings range, the scrubber, the search input);
 * - `installFoliateBench()` → `globalThis.__foliateBench`: drives foliate-js's `<foliate-view>`
 *   through its API (`renderer.next()`, `goToFraction`, `renderer.setStyles`), from the
 *   `globalThis.__foliate` the side-by-side page (foliate-page.mjs) publishes.
 *
 * "Just after a frame painted": a message posted from inside a requestAnimationFrame
 * callback runs after that frame's style, layout, paint and commit, which Chromium does in
 * the same main-thread task as the rAF callbacks. Actions start inside a rAF callback (as
 * rAF-aligned input would), so an action whose work all fits in the frame being produced
 * is measured as that work alone; one that needs more frames (an async section load) is
 * measured to the first frame that shows its result.
 */

/**
 * @typedef {{ ms: number, handlerMs: number, renderMs: number, crossed: boolean, newWindow: boolean, key: string }} TurnSample
 * One page turn: total to painted, of which the key handler (sync) and the microtasks after
 * it (the Preact render); `crossed` when it moved into another section, `newWindow` when the
 * laid-out text changed during the turn (a new window or section laid out on the critical path).
 * @typedef {{ ms: number, scriptMs: number, forcedLayoutMs: number, styleLayoutMs: number, scripts: string[] }} LongFrame
 * @typedef {{ samples: TurnSample[], longFrames: LongFrame[] }} TurnRun
 * @typedef {{ ms: number, anchored: boolean, placeKept: boolean }} RelayoutSample
 * @typedef {{ ms: number, from: string, to: string, crossed: boolean }} JumpSample
 * @typedef {{ name: string, bytes: number, transfer: number, end: number }} Resource
 */

/** Installs `globalThis.__benchTiming`. Runs in the page. */
export function installTiming() {
  /** Resolves with performance.now() when a message posted now is delivered. */
  const message = () =>
    /** @type {Promise<number>} */ (
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve(performance.now());
        };
        channel.port2.postMessage(null);
      })
    );
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const timing = {
    frame,
    /**
     * performance.now() just after the first painted frame in which `done()` holds.
     * `inFrame`: the caller is inside a rAF callback, so the frame now being produced counts.
     * @param {() => boolean} done @param {boolean} inFrame @param {number} [timeout]
     */
    async paintedWhen(done, inFrame, timeout = 5000) {
      const start = performance.now();
      if (!inFrame) await frame();
      for (;;) {
        const t = await message();
        if (done()) return t;
        if (t - start > timeout) throw new Error(`not painted within ${timeout} ms`);
        await frame();
      }
    },
    /** Runs `action` inside the next frame's rAF callback. @template T @param {() => Promise<T>} action @returns {Promise<T>} */
    atFrameStart: (action) => new Promise((resolve, reject) => requestAnimationFrame(() => action().then(resolve, reject))),
    /** The document and every resource that finished by `t` (ms since navigation start). @param {number} t */
    resourcesUntil(t) {
      const entries = /** @type {PerformanceResourceTiming[]} */ ([...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]);
      return entries.filter((e) => e.responseEnd <= t).map((e) => ({ name: e.name, bytes: e.encodedBodySize, transfer: e.transferSize, end: Math.round(e.responseEnd) }));
    },
  };
  Object.defineProperty(globalThis, '__benchTiming', { value: timing });
}

/** Installs `globalThis.__quireBench`. Runs in the page, after installTiming. */
export function installQuireBench() {
  const timing = /** @type {any} */ (globalThis).__benchTiming;
  const { paintedWhen, atFrameStart } = timing;
  const NO_MOVE_MS = 600;
  const LATE_ANCHOR_MS = 500;
  const article = () => document.querySelector('article.reader-content');
  /** @param {string} name */
  const attr = (name) => article()?.getAttribute(name) ?? '';
  const place = () => `${attr('data-place-section')}|${attr('data-place-block')}|${attr('data-place-offset')}`;

  /** The reader shows a section, laid out as pages (the paginator sizes the article). */
  const readerReady = () => {
    const a = /** @type {HTMLElement | null} */ (article());
    return a !== null && a.hasAttribute('data-place-block') && a.querySelector('[data-block]') !== null && a.style.width !== '';
  };

  /** True when character `offset` of block `block` has its centre inside the reader's viewport. @param {number} block @param {number} offset */
  const onScreen = (block, offset) => {
    const viewport = document.querySelector('.reader-viewport');
    const el = /** @type {HTMLElement | null} */ (document.querySelector(`.reader-content [data-block="${block}"]`));
    if (!viewport || !el) return false;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let rest = offset - Number(el.dataset.base ?? 0);
    if (rest < 0) return false;
    /** @type {Text | null} */
    let node = null;
    while (walker.nextNode()) {
      const text = /** @type {Text} */ (walker.currentNode);
      if (rest < text.length) {
        node = text;
        break;
      }
      rest -= text.length;
    }
    let rect;
    if (node) {
      while (rest < node.data.length - 1 && /\s/.test(node.data[rest] ?? '')) rest++;
      const range = document.createRange();
      range.setStart(node, rest);
      range.setEnd(node, rest + 1);
      rect = range.getBoundingClientRect();
    } else {
      rect = el.getBoundingClientRect();
    }
    const box = viewport.getBoundingClientRect();
    const cx = rect.left + rect.width / 2;
    const cy = rect.top + rect.height / 2;
    return cx >= box.left && cx <= box.right && cy >= box.top && cy <= box.bottom;
  };

  /** One key press, timed; null when the place did not move (the end of the work). @param {string} key @returns {Promise<TurnSample | null>} */
  const turnOnce = (key) =>
    atFrameStart(async () => {
      const before = place();
      const section = attr('data-place-section');
      let renderedAt = 0;
      let newWindow = false;
      const a = article();
      const observer = new MutationObserver(() => (newWindow = true));
      if (a) observer.observe(a, { childList: true, subtree: true });
      const t0 = performance.now();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      const t1 = performance.now();
      void Promise.resolve()
        .then(() => undefined)
        .then(() => undefined)
        .then(() => {
          renderedAt = performance.now();
        });
      try {
        const t = await paintedWhen(() => place() !== before, true, NO_MOVE_MS);
        return { ms: t - t0, handlerMs: t1 - t0, renderMs: Math.max(0, renderedAt - t1), crossed: attr('data-place-section') !== section, newWindow, key };
      } catch {
        return null;
      } finally {
        observer.disconnect();
      }
    });

  const startPainted = location.hash.startsWith('#/read/') ? paintedWhen(readerReady, false, 30_000) : null;
  startPainted?.catch(() => undefined);

  const api = {
    startPainted,
    resourcesUntil: timing.resourcesUntil,

    /** From the library: ms from setting the hash to the first painted frame with the reader laid out. @param {string} workId */
    open(workId) {
      const t0 = performance.now();
      location.hash = `#/read/${encodeURIComponent(workId)}`;
      return paintedWhen(readerReady, false).then((/** @type {number} */ t) => t - t0);
    },

    /** `count` page turns (ArrowRight; ArrowLeft once the end is reached), `pauseMs` apart (from one painted turn to the next press). @param {number} count @param {number} [pauseMs] @returns {Promise<TurnRun>} */
    async turns(count, pauseMs = 0) {
      /** @type {TurnSample[]} */
      const samples = [];
      /** @type {LongFrame[]} */
      const longFrames = [];
      /** @param {PerformanceEntryList} entries */
      const collect = (entries) => {
        for (const entry of entries) {
          const e = /** @type {PerformanceEntry & { styleAndLayoutStart: number, scripts: { duration: number, forcedStyleAndLayoutDuration: number, invoker: string, sourceFunctionName: string }[] }} */ (entry);
          const scripts = [...e.scripts].sort((x, y) => y.duration - x.duration);
          longFrames.push({
            ms: Math.round(e.duration),
            scriptMs: Math.round(scripts.reduce((sum, x) => sum + x.duration, 0)),
            forcedLayoutMs: Math.round(scripts.reduce((sum, x) => sum + x.forcedStyleAndLayoutDuration, 0)),
            styleLayoutMs: Math.round(e.styleAndLayoutStart > 0 ? e.startTime + e.duration - e.styleAndLayoutStart : 0),
            scripts: scripts.slice(0, 3).map((x) => `${x.invoker} ${x.sourceFunctionName || '(anonymous)'} ${Math.round(x.duration)} ms`),
          });
        }
      };
      const observer = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? new PerformanceObserver((list) => collect(list.getEntries())) : null;
      observer?.observe({ type: 'long-animation-frame' });
      let key = 'ArrowRight';
      let stuck = 0;
      while (samples.length < count) {
        const sample = await turnOnce(key);
        if (sample) {
          samples.push(sample);
          stuck = 0;
          if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
        } else {
          if (++stuck > 1) throw new Error(`the reader does not turn pages (place ${place()})`);
          key = key === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
        }
      }
      if (observer) {
        collect(observer.takeRecords());
        observer.disconnect();
      }
      return { samples, longFrames };
    },

    /** Sets the settings panel's "Font size" range (the panel must be open). @param {number} size @returns {Promise<RelayoutSample>} */
    fontSize(size) {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Font size');
      const input = label ? /** @type {HTMLInputElement | null} */ (document.getElementById(label.htmlFor)) : null;
      const a = /** @type {HTMLElement | null} */ (article());
      if (!input || !a) return Promise.reject(new Error('no "Font size" input or no reader on screen'));
      return atFrameStart(async () => {
        const before = place();
        const block = Number(attr('data-place-block'));
        const offset = Number(attr('data-place-offset'));
        const fontBefore = getComputedStyle(a).fontSize;
        let restyled = false;
        const observer = new MutationObserver(() => (restyled = true));
        observer.observe(a, { attributes: true, attributeFilter: ['style'] });
        const t0 = performance.now();
        input.value = String(size);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        try {
          const laidOut = () => restyled && getComputedStyle(a).fontSize !== fontBefore;
          const tLaid = await paintedWhen(laidOut, true);
          if (onScreen(block, offset)) return { ms: tLaid - t0, anchored: true, placeKept: place() === before };
          const tAnchored = await paintedWhen(() => onScreen(block, offset), false, LATE_ANCHOR_MS).catch(() => Number.NaN);
          const anchored = !Number.isNaN(tAnchored);
          return { ms: (anchored ? tAnchored : tLaid) - t0, anchored, placeKept: place() === before };
        } finally {
          observer.disconnect();
        }
      });
    },

    /** Sets the scrubber ("Position in work", 0..1000) and fires 'input' and 'change'. @param {number} value @returns {Promise<JumpSample>} */
    scrub(value) {
      const input = /** @type {HTMLInputElement | null} */ (document.getElementById('scrubber'));
      if (!input) return Promise.reject(new Error('no scrubber on screen'));
      return atFrameStart(async () => {
        const from = place();
        const section = attr('data-place-section');
        const t0 = performance.now();
        input.value = String(value);
        // As the browser does at the end of a drag or a key step: 'input', then 'change'.
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        const t = await paintedWhen(() => place() !== from && readerReady(), true);
        return { ms: t - t0, from, to: place(), crossed: attr('data-place-section') !== section };
      });
    },

    /** Types `query` into the open search panel's input; ms to the first painted frame showing its results ('' clears it). @param {string} query */
    search(query) {
      const input = /** @type {HTMLInputElement | null} */ (document.querySelector('input.search-input'));
      const statusEl = () => document.querySelector('.search-status');
      const status = () => statusEl()?.textContent ?? '';
      if (!input) return Promise.reject(new Error('no search input on screen'));
      return atFrameStart(async () => {
        const t0 = performance.now();
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // The panel marks the status line with the query whose results it shows.
        const shown = () => (query === '' ? status().startsWith('Type at least') : statusEl()?.getAttribute('data-query') === query || status().startsWith('Search failed'));
        const t = await paintedWhen(shown, true, 20_000);
        return { ms: t - t0, status: status(), hitsShown: document.querySelectorAll('.search-hit').length };
      });
    },

    place,
  };
  Object.defineProperty(globalThis, '__quireBench', { value: api });
}

/** Installs `globalThis.__foliateBench`. Runs in the side-by-side page, after installTiming. */
export function installFoliateBench() {
  const timing = /** @type {any} */ (globalThis).__benchTiming;
  const { paintedWhen, atFrameStart } = timing;
  /** What foliate-page.mjs publishes: the view, and a count and the last detail of its relocate events. */
  const state = () => /** @type {any} */ (globalThis).__foliate;
  const ready = () => state()?.relocations > 0;
  const startPainted = location.pathname.startsWith('/__foliate/') ? paintedWhen(ready, false, 30_000) : null;
  startPainted?.catch(() => undefined);

  /** Runs a navigation and times it to the first painted frame after a relocate to a new place. @param {() => Promise<unknown>} go */
  const navigate = async (go) => {
    await state().busy;
    return atFrameStart(async () => {
      const s = state();
      const count = s.relocations;
      const from = s.cfi;
      const index = s.index;
      const loads = s.loads;
      const t0 = performance.now();
      const done = go();
      // foliate-js's paginator stays locked 100 ms after a turn; the next action waits for it.
      s.busy = done;
      const t = await paintedWhen(() => s.relocations > count && s.cfi !== from, true, 3000).catch(() => Number.NaN);
      await done;
      return { ms: t - t0, crossed: s.index !== index, newWindow: s.loads > loads, moved: !Number.isNaN(t) };
    });
  };

  const api = {
    startPainted,
    resourcesUntil: timing.resourcesUntil,
    /** `count` page turns (renderer.next(); prev() once the end is reached), `pauseMs` apart (foliate-js itself stays locked 100 ms after each). @param {number} count @param {number} [pauseMs] */
    async turns(count, pauseMs = 0) {
      const samples = [];
      let forward = true;
      let stuck = 0;
      while (samples.length < count) {
        const r = state().view.renderer;
        if (forward && r.atEnd) forward = false;
        else if (!forward && r.atStart) forward = true;
        const sample = await navigate(() => (forward ? r.next() : r.prev()));
        if (sample.moved) {
          samples.push({ ms: sample.ms, crossed: sample.crossed, newWindow: sample.newWindow, key: forward ? 'next' : 'prev' });
          stuck = 0;
          if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
        } else {
          if (++stuck > 1) throw new Error('foliate-js does not turn pages');
          forward = !forward;
        }
      }
      return { samples, longFrames: [] };
    },
    /** goToFraction. @param {number} fraction */
    async jump(fraction) {
      const s = state();
      const from = s.cfi;
      const r = await navigate(() => s.view.goToFraction(fraction));
      return { ms: r.ms, from, to: s.cfi, crossed: r.crossed };
    },
    /** Font size through renderer.setStyles, to the painted frame after foliate re-anchors (its relocate). @param {number} size */
    fontSize(size) {
      return atFrameStart(async () => {
        const s = state();
        const count = s.relocations;
        const t0 = performance.now();
        s.view.renderer.setStyles(s.css(size));
        const t = await paintedWhen(() => s.relocations > count, true, 2000).catch(() => Number.NaN);
        return { ms: t - t0, anchored: !Number.isNaN(t), placeKept: true };
      });
    },
  };
  Object.defineProperty(globalThis, '__foliateBench', { value: api });
}

/** The init script for a context: the timing core, then the driver for `kind`. @param {'quire' | 'foliate'} kind */
export function initScript(kind) {
  return `(${installTiming.toString()})();\n(${(kind === 'quire' ? installQuireBench : installFoliateBench).toString()})();\n`;
}

/** The init script for a Quire page, ready for `context.addInitScript(installBench)` (as bench/storage.mjs uses it). */
export const installBench = { content: initScript('quire') };
