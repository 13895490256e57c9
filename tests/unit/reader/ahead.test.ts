// The window laid out ahead of need: grows forward from the last page, is cut only at a page's first character, stays under twice a window.
import { describe, expect, it } from 'vitest';
import type { Section } from '../../../src/content/types';
import { aheadWindow, whatToStage } from '../../../src/reader/ahead';
import { prevMove } from '../../../src/reader/navigation';
import type { Place } from '../../../src/reader/place';
import { charsIn, windowBefore, windowFrom, type BlockWindow } from '../../../src/reader/window';

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

  it('does not grow while the page shown is the window’s last (reached going back): it would add text to the page being read', () => {
    const w = windowBefore(s, { block: 50, offset: 0 }, SIZE);
    const p = pages(s, w, 150);
    const last = p.pageCount - 1;
    expect(aheadWindow({ section: s, window: w, page: last, pageCount: p.pageCount, anchor: p.firstOfPage(last), firstOfPage: p.firstOfPage, windowChars: SIZE })).toBeNull();
    // One page further back, it grows again.
    expect(aheadWindow({ section: s, window: w, page: last - 1, pageCount: p.pageCount, anchor: p.firstOfPage(last - 1), firstOfPage: p.firstOfPage, windowChars: SIZE })).not.toBeNull();
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

describe('whatToStage', () => {
  const s = section(40, 1_000);
  const at = (w: BlockWindow, page: number, pageCount: number) => ({ section: s, window: w, page, pageCount, anchor: w.start, firstOfPage: () => w.start, windowChars: SIZE });
  const next = { id: 'next' };

  it('stages the next section once the window reaches this section’s end', () => {
    expect(whatToStage(at(windowFrom(s, { block: 0, offset: 0 }, 60_000), 3, 8), next)).toEqual({ section: 'next' });
  });

  it('near the start of a window that does not start the section, stages the window a turn back asks for', () => {
    const w = windowFrom(s, { block: 20, offset: 0 }, SIZE);
    const what = whatToStage(at(w, 1, 8), next);
    expect(what).toEqual({ before: windowBefore(s, w.start, SIZE) });
    // The same window prevMove asks for when turning back across the start.
    expect(prevMove({ section: s, window: w, page: 0, pageCount: 8, mode: 'paginated', sections: [s], windowChars: SIZE })).toMatchObject({ kind: 'window', window: windowBefore(s, w.start, SIZE), last: true });
  });

  it('at the section’s last window, near its end, the next section comes first', () => {
    const last = { start: { block: 38, offset: 0 }, end: { block: 40, offset: 0 } };
    expect(whatToStage(at(last, 1, 3), next)).toEqual({ section: 'next' });
    expect(whatToStage(at(last, 1, 3), undefined)).toEqual({ before: windowBefore(s, last.start, SIZE) });
  });

  it('within the first two pages of a section, stages the previous section’s end: the window a turn back into it asks for', () => {
    const prev = { id: 'prev' };
    const w = windowFrom(s, { block: 0, offset: 0 }, SIZE);
    expect(whatToStage(at(w, 0, 8), next, prev)).toEqual({ section: 'prev', last: true });
    expect(whatToStage(at(w, 1, 8), next, prev)).toEqual({ section: 'prev', last: true });
    // Further in, nothing; a whole short section near its end: the next one, reading on is likelier.
    expect(whatToStage(at(w, 2, 8), next, prev)).toBeNull();
    expect(whatToStage(at(windowFrom(s, { block: 0, offset: 0 }, 60_000), 1, 3), next, prev)).toEqual({ section: 'next' });
    // The first section of the work has none before it.
    expect(whatToStage(at(w, 0, 8), next, undefined)).toBeNull();
    // The turn back asks for that section's last page, laid out as the window ending at its end.
    const back = prevMove({ section: { ...s, index: 1 }, window: w, page: 0, pageCount: 8, mode: 'paginated', sections: [{ ...s, id: 'prev', index: 0 }, { ...s, index: 1 }], windowChars: SIZE });
    expect(back).toMatchObject({ kind: 'section', target: { sectionId: 'prev' }, last: true });
  });

  it('stages nothing mid-window, at the work’s last section, or at a section’s first window short of its end', () => {
    expect(whatToStage(at(windowFrom(s, { block: 20, offset: 0 }, SIZE), 4, 8), next)).toBeNull();
    expect(whatToStage(at(windowFrom(s, { block: 0, offset: 0 }, SIZE), 0, 8), next)).toBeNull();
    expect(whatToStage(at(windowFrom(s, { block: 0, offset: 0 }, 60_000), 3, 8), undefined)).toBeNull();
  });
});
