// @ts-check
/**
 * The benchmark's in-page side: installed with `context.addInitScript(installBench)`, so it
 * must be self-contained (Playwright sends its source text, not its closure). It drives the
 * reader the way a user would (key events, the settings range, the scrubber) and times each
 * action from the moment it starts to just after the first frame painted with its result.
 *
 * "Just after a frame painted": a message posted from inside a requestAnimationFrame
 * callback runs after that frame's style, layout, paint and commit, which Chromium does in
 * the same main-thread task as the rAF callbacks. Actions start inside a rAF callback (as
 * rAF-aligned input would), so an action whose work all fits in the frame being produced
 * is measured as that work alone; one that needs more frames (an async section load) is
 * measured to the first frame that shows its result.
 */

/**
 * @typedef {{ ms: number, handlerMs: number, renderMs: number, crossed: boolean, key: string }} TurnSample
 * One page turn: total to painted, of which the key handler (sync) and the microtasks after
 * it (the Preact render); `crossed` when it moved into another section.
 * @typedef {{ ms: number, scriptMs: number, forcedLayoutMs: number, styleLayoutMs: number, scripts: string[] }} LongFrame
 * A frame over 50 ms during the turns (Long Animation Frames API): its script time, the
 * style and layout forced by scripts, the frame's own style and layout, and its longest scripts.
 * @typedef {{ samples: TurnSample[], longFrames: LongFrame[] }} TurnRun
 * @typedef {{ ms: number, anchored: boolean, placeKept: boolean }} RelayoutSample
 * One font-size change: ms to the first frame painted with the new size and the anchor (the
 * place's character) on screen; when the anchor is still off screen 500 ms later, ms to the
 * first frame with the new size and `anchored: false`.
 * @typedef {{ ms: number, from: string, to: string }} JumpSample
 * @typedef {object} BenchApi
 * @property {Promise<number> | null} startPainted For a page loaded on `#/read/<id>`: performance.now() (ms since navigation start) after the first painted frame with the reader laid out.
 * @property {(workId: string) => Promise<number>} open From the library: ms from setting the hash to the first painted frame with the reader laid out.
 * @property {(count: number) => Promise<TurnRun>} turns `count` page turns (ArrowRight; ArrowLeft once the end is reached).
 * @property {(size: number) => Promise<RelayoutSample>} fontSize Sets the settings panel's "Font size" range (the panel must be open).
 * @property {(value: number) => Promise<JumpSample>} scrub Sets the scrubber ("Position in work", 0..1000) and fires 'input' and 'change'.
 * @property {(query: string) => Promise<{ ms: number, status: string }>} search Types `query` into the open search panel's input; ms to the first painted frame with its results' status.
 * @property {() => string} place The reader's place as `section|block|offset`.
 */

/** Installs `globalThis.__quireBench` (see BenchApi). Runs in the page. */
export function installBench() {
  const PAINT_TIMEOUT_MS = 5000;
  const NO_MOVE_MS = 600;
  const LATE_ANCHOR_MS = 500;

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

  /**
   * performance.now() just after the first painted frame in which `done()` holds.
   * `inFrame`: the caller is inside a rAF callback, so the frame now being produced counts.
   * @param {() => boolean} done
   * @param {boolean} inFrame
   * @param {number} [timeout]
   */
  const paintedWhen = async (done, inFrame, timeout = PAINT_TIMEOUT_MS) => {
    const start = performance.now();
    if (!inFrame) await frame();
    for (;;) {
      const t = await message();
      if (done()) return t;
      if (t - start > timeout) throw new Error(`not painted within ${timeout} ms`);
      await frame();
    }
  };

  /**
   * Runs `action` at the start of the next frame (inside its rAF callback).
   * @template T
   * @param {() => Promise<T>} action
   * @returns {Promise<T>}
   */
  const atFrameStart = (action) => new Promise((resolve, reject) => requestAnimationFrame(() => action().then(resolve, reject)));

  const article = () => document.querySelector('article.reader-content');
  /** @param {string} name */
  const attr = (name) => article()?.getAttribute(name) ?? '';
  const place = () => `${attr('data-place-section')}|${attr('data-place-block')}|${attr('data-place-offset')}`;

  /** The reader shows a section, laid out as pages (the paginator sizes the article). */
  const readerReady = () => {
    const a = /** @type {HTMLElement | null} */ (article());
    return a !== null && a.hasAttribute('data-place-block') && a.querySelector('[data-block]') !== null && a.style.width !== '';
  };

  /**
   * True when character `offset` of block `block` has its centre inside the reader's viewport.
   * @param {number} block
   * @param {number} offset
   */
  const onScreen = (block, offset) => {
    const viewport = document.querySelector('.reader-viewport');
    const el = /** @type {HTMLElement | null} */ (document.querySelector(`.reader-content [data-block="${block}"]`));
    if (!viewport || !el) return false;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    // A window's first block may start part-way in, at data-base.
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

  /**
   * One key press, timed; null when the place did not move (the end of the work).
   * @param {string} key
   * @returns {Promise<TurnSample | null>}
   */
  const turnOnce = (key) =>
    atFrameStart(async () => {
      const before = place();
      const section = attr('data-place-section');
      let renderedAt = 0;
      const t0 = performance.now();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      const t1 = performance.now();
      // Queued after the render the handler scheduled (Preact renders in a microtask).
      void Promise.resolve()
        .then(() => undefined)
        .then(() => undefined)
        .then(() => {
          renderedAt = performance.now();
        });
      try {
        const t = await paintedWhen(() => place() !== before, true, NO_MOVE_MS);
        return { ms: t - t0, handlerMs: t1 - t0, renderMs: Math.max(0, renderedAt - t1), crossed: attr('data-place-section') !== section, key };
      } catch {
        return null;
      }
    });

  const startPainted = location.hash.startsWith('#/read/') ? paintedWhen(readerReady, false, 30_000) : null;
  // Read only by the cold-start measurement; never an unhandled rejection elsewhere.
  startPainted?.catch(() => undefined);

  /** @type {BenchApi} */
  const api = {
    startPainted,

    open(workId) {
      const t0 = performance.now();
      location.hash = `#/read/${encodeURIComponent(workId)}`;
      return paintedWhen(readerReady, false).then((t) => t - t0);
    },

    async turns(count) {
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
        } else {
          // The end (or start) of the work: read back the other way.
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
        // The paginator re-lays by writing the article's inline style (size, columns, transform).
        let restyled = false;
        const observer = new MutationObserver(() => {
          restyled = true;
        });
        observer.observe(a, { attributes: true, attributeFilter: ['style'] });
        const t0 = performance.now();
        input.value = String(size);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        try {
          const laidOut = () => restyled && getComputedStyle(a).fontSize !== fontBefore;
          const tLaid = await paintedWhen(laidOut, true);
          if (onScreen(block, offset)) return { ms: tLaid - t0, anchored: true, placeKept: place() === before };
          // Painted with the new size but the anchor is off screen: give a late re-anchoring a moment.
          const tAnchored = await paintedWhen(() => onScreen(block, offset), false, LATE_ANCHOR_MS).catch(() => Number.NaN);
          const anchored = !Number.isNaN(tAnchored);
          return { ms: (anchored ? tAnchored : tLaid) - t0, anchored, placeKept: place() === before };
        } finally {
          observer.disconnect();
        }
      });
    },

    scrub(value) {
      const input = /** @type {HTMLInputElement | null} */ (document.getElementById('scrubber'));
      if (!input) return Promise.reject(new Error('no scrubber on screen'));
      return atFrameStart(async () => {
        const from = place();
        const t0 = performance.now();
        input.value = String(value);
        // As the browser does at the end of a drag or a key step: 'input', then 'change'.
        // (preact/compat, loaded by the app, turns a JSX onChange on an <input> into 'input'.)
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        const t = await paintedWhen(() => place() !== from && readerReady(), true);
        return { ms: t - t0, from, to: place() };
      });
    },

    search(query) {
      const input = /** @type {HTMLInputElement | null} */ (document.querySelector('input.search-input'));
      const status = () => document.querySelector('.search-status')?.textContent ?? '';
      if (!input) return Promise.reject(new Error('no search input on screen'));
      return atFrameStart(async () => {
        const before = status();
        const t0 = performance.now();
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const shown = () => status() !== before && status() !== 'Searching…' && !status().startsWith('Type at least');
        const t = await paintedWhen(shown, true, 20_000);
        return { ms: t - t0, status: status() };
      });
    },

    place,
  };
  Object.defineProperty(globalThis, '__quireBench', { value: api });
}
