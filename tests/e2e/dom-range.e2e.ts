/** Issue 10: `rangeFor` and `placeAt` (src/reader/dom-range.ts) against the reader's real, laid-out DOM. */
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import type * as DomRange from '../../src/reader/dom-range';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from '../fixtures/content';
import { openApp, openWork, WORKS } from './app';
import { browserAndServer } from './harness';

const suite = browserAndServer();

/** The module itself, bundled as a script that defines `quireRange` (the app does not expose it). */
let script = '';
beforeAll(async () => {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: resolve(root, 'src/reader/dom-range.ts'), formats: ['iife'], name: 'quireRange' } },
  });
  const first = (Array.isArray(out) ? out[0] : out) as Rolldown.RolldownOutput;
  script = first.output[0].code;
});

describe('DOM ranges over the laid-out text', () => {
  it('a range over one block, over three, clipped to what is laid out, and null outside it; placeAt maps back', async () => {
    const { context, page } = await openApp(suite.browser, suite.server);
    await openWork(page, WORKS.short.title);
    await page.evaluate(script);
    const result = await page.evaluate(() => {
      const api = (window as unknown as { quireRange: typeof DomRange }).quireRange;
      const content = document.querySelector<HTMLElement>('article.reader-content');
      if (!content) throw new Error('no content');
      const els = [...content.querySelectorAll<HTMLElement>('[data-block]')].filter((el) => (el.textContent ?? '').length > 40);
      const [a, b, c] = els.slice(1, 4).map((el) => ({ block: Number(el.dataset.block), base: Number(el.dataset.base ?? 0), text: el.textContent ?? '' }));
      if (!a || !b || !c) throw new Error(`too few blocks: ${content.querySelectorAll('[data-block]').length}, ${els.length}`);
      const one = api.rangeFor(content, { block: a.block, offset: a.base + 3 }, { block: a.block, offset: a.base + 25 });
      // From inside one block to inside another, whatever lies between.
      const between = [...content.querySelectorAll<HTMLElement>('[data-block]')]
        .filter((el) => Number(el.dataset.block) > a.block && Number(el.dataset.block) < c.block)
        .map((el) => el.textContent ?? '')
        .join('');
      const three = api.rangeFor(content, { block: a.block, offset: a.base + 10 }, { block: c.block, offset: c.base + 7 });
      const blocks = [...content.querySelectorAll<HTMLElement>('[data-block]')];
      const lastEl = blocks[blocks.length - 1] as HTMLElement;
      const last = Number(lastEl.dataset.block);
      // Running past the laid-out window: only the laid-out part.
      const clipped = api.rangeFor(content, { block: last, offset: Number(lastEl.dataset.base ?? 0) }, { block: last + 50, offset: 0 });
      const outside = api.rangeFor(content, { block: last + 10, offset: 0 }, { block: last + 20, offset: 0 });
      const empty = api.rangeFor(content, { block: a.block, offset: 5 }, { block: a.block, offset: 5 });
      const back = one && api.placeAt(one.startContainer, one.startOffset);
      const backEnd = three && api.placeAt(three.endContainer, three.endOffset);
      return {
        one: one?.toString(),
        oneExpected: a.text.slice(3, 25),
        three: three?.toString(),
        threeExpected: a.text.slice(10) + between + c.text.slice(0, 7),
        clipped: clipped?.toString(),
        clippedExpected: lastEl.textContent,
        outside,
        empty,
        back,
        backExpected: { block: a.block, offset: a.base + 3 },
        backEnd,
        backEndExpected: { block: c.block, offset: c.base + 7 },
        outsideContent: api.placeAt(document.body, 0),
      };
    });
    expect(result.one).toBe(result.oneExpected);
    expect(result.three).toBe(result.threeExpected);
    expect(result.clipped).toBe(result.clippedExpected);
    expect(result.outside).toBeNull();
    expect(result.empty).toBeNull();
    expect(result.back).toEqual(result.backExpected);
    expect(result.backEnd).toEqual(result.backEndExpected);
    expect(result.outsideContent).toBeNull();
    await context.close();
  });
});
