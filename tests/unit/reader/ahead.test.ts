// The window laid out ahead of need: grows forward from the last page, is cut only at a page's first character, stays under twice a window.
import { describe, expect, it } from 'vitest';
import type { Section } from '../../../src/content/types';
import { aheadWindow, sectionToStage } from '../../../src/reader/ahead';
import type { Place } from '../../../src/reader/place';
import { charsIn, windowFrom, type BlockWindow } from '../../../src/reader/window';

/** A section of `blocks` blocks of `chars` characters each. */
function section(blocks: number, chars: number): Section {
  const list = Array.from({ length: blocks }, (_, i) => ({ kind: 'para' as const, text: String.fromCharCode(97 + (i % 26)).repeat(chars) }));
  return { id: 's', index: 0, title: 's', titleSource: 'app', words: blocks, chars: blocks * chars, blockCount: blocks, wordsBefore: 0, blocks: list };
}

/** Pages of `perPage` characters flowing forward from the window's start, as CSS columns lay them out. */
function pages(s: Section, w: BlockWindow, perPage: number) {
  const firstOfPage = (page: number): Place => {
    let rest = page * perPage + w.start.offset;
    for (let b = w.start.block; b < s.blocks.length; b++) {
      const len = s.blocks[b]?.text.length ?? 0;
      if (rest < len) return { block: b, offset: rest };
      rest -= len;
    }
    return w.end;
  };
  return { pageCount: Math.ceil(charsIn(s, w) / perPage), firstOfPage };
}

const SIZE = 1000;

describe('aheadWindow', () => {
  const s = section(100, 100);

  it('does nothing while a window’s worth is laid out past the place, or the window reaches the end', () => {
    const w = windowFrom(s, { block: 0, offset: 0 }, SIZE);
    const p = pages(s, w, 150);
    expect(aheadWindow({ section: s, window: w, page: 0, pageCount: p.pageCount, anchor: w.start, firstOfPage: p.firstOfPage, windowChars: SIZE })).toBeNull();
    const last = windowFrom(s, { block: 95, offset: 0 }, SIZE);
    const q = pages(s, last, 150);
    expect(aheadWindow({ section: s, window: last, page: 1, pageCount: q.pageCount, anchor: q.firstOfPage(1), firstOfPage: q.firstOfPage, windowChars: SIZE })).toBeNull();
  });

  it('grows forward to where the next window, started at the last page, would end', () => {
    const w = windowFrom(s, { block: 0, offset: 0 }, SIZE);
    const p = pages(s, w, 150);
    const anchor = p.firstOfPage(1);
    const next = aheadWindow({ section: s, window: w, page: 1, pageCount: p.pageCount, anchor, firstOfPage: p.firstOfPage, windowChars: SIZE });
    expect(next?.start).toEqual(w.start);
    expect(next?.end).toEqual(windowFrom(s, p.firstOfPage(p.pageCount - 1), SIZE).end);
  });

  it('past twice a window, starts at the first character of a page no later than the one shown', () => {
    let w = windowFrom(s, { block: 0, offset: 0 }, SIZE);
    for (let step = 0; step < 12; step++) {
      const p = pages(s, w, 150);
      const page = p.pageCount - 2;
      const anchor = p.firstOfPage(page);
      const next = aheadWindow({ section: s, window: w, page, pageCount: p.pageCount, anchor, firstOfPage: p.firstOfPage, windowChars: SIZE });
      if (!next) break;
      const starts = Array.from({ length: page + 1 }, (_, k) => p.firstOfPage(k));
      expect(starts).toContainEqual(next.start);
      expect(charsIn(s, { start: next.start, end: anchor })).toBeGreaterThanOrEqual(0);
      expect(charsIn(s, next)).toBeLessThanOrEqual(2 * SIZE + 150 + 100);
      w = next;
    }
    expect(w.start.block).toBeGreaterThan(0);
  });
});

describe('sectionToStage', () => {
  const s = { blocks: [{ kind: 'para', text: 'x' }, { kind: 'para', text: 'y' }] } as Section;
  it('stages the next section once the window reaches this section’s end', () => {
    expect(sectionToStage(s, { start: { block: 1, offset: 0 }, end: { block: 2, offset: 0 } }, { id: 'next' })).toBe('next');
  });
  it('stages nothing short of the end, or at the work’s last section', () => {
    expect(sectionToStage(s, { start: { block: 0, offset: 0 }, end: { block: 1, offset: 0 } }, { id: 'next' })).toBeNull();
    expect(sectionToStage(s, { start: { block: 0, offset: 0 }, end: { block: 2, offset: 0 } }, undefined)).toBeNull();
  });
});
