import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadWork } from '../../../build/works-plugin';
import { cutWindow, endsShort, JUMP_PAGES_AHEAD, windowFor } from '../../../src/reader/navigation';
import { charsIn, reachesEnd, WINDOW_CHARS } from '../../../src/reader/window';
import { must, root } from '../../fixtures/content';

const work = loadWork(resolve(root, 'works', 'making-it-work'), 'making-it-work');
const story = must(work.sections.find((s) => s.id === 'story'));
const PER_PAGE = 1_500;

describe('the window a jump lays out', () => {
  test('starts at the paragraph jumped to and holds two pages past the place, not a whole window', () => {
    const place = { block: 120, offset: 40 };
    const w = windowFor(story, place, 'paragraph', 'paginated', WINDOW_CHARS, PER_PAGE);
    expect(w.start).toEqual({ block: 120, offset: 0 });
    const past = charsIn(story, { start: place, end: w.end });
    expect(past).toBeGreaterThanOrEqual(JUMP_PAGES_AHEAD * PER_PAGE - place.offset);
    expect(charsIn(story, w)).toBeGreaterThanOrEqual(place.offset + JUMP_PAGES_AHEAD * PER_PAGE);
    expect(charsIn(story, w)).toBeLessThan(WINDOW_CHARS);
    // No larger than it needs to be: one block fewer would hold too little.
    expect(charsIn(story, { ...w, end: { block: w.end.block - 1, offset: 0 } })).toBeLessThan(place.offset + JUMP_PAGES_AHEAD * PER_PAGE);
  });

  test('a whole window when the place is deeper into its paragraph than a window less two pages', () => {
    const place = { block: 120, offset: 40 };
    const w = windowFor(story, place, 'paragraph', 'paginated', 100, 60);
    // 40 + 2 × 60 > 100: the window asked for is the whole one (100), from the paragraph.
    expect(w).toEqual(windowFor(story, { block: 120, offset: 0 }, 'place', 'paginated', 100));
  });

  test('without a page size, a jump lays out a whole window, as opening at a place does', () => {
    const w = windowFor(story, { block: 50, offset: 0 }, 'paragraph', 'paginated');
    expect(w).toEqual(windowFor(story, { block: 50, offset: 0 }, 'place', 'paginated'));
    expect(charsIn(story, w)).toBeGreaterThanOrEqual(WINDOW_CHARS);
  });
});

describe('the window new type lays out first (cutWindow)', () => {
  const whole = windowFor(story, { block: 100, offset: 0 }, 'place', 'paginated');
  test('from the start of the place\'s paragraph when the window starts before it, to two pages past the place', () => {
    const place = { block: 120, offset: 40 };
    const w = must(cutWindow(story, whole, place, WINDOW_CHARS, PER_PAGE));
    expect(w.start).toEqual({ block: 120, offset: 0 });
    expect(charsIn(story, { start: place, end: w.end })).toBeGreaterThanOrEqual(JUMP_PAGES_AHEAD * PER_PAGE);
    expect(charsIn(story, { start: place, end: { block: w.end.block - 1, offset: 0 } })).toBeLessThan(JUMP_PAGES_AHEAD * PER_PAGE);
  });

  test('from the window\'s own start when it lies in the place\'s paragraph, so that character stays first', () => {
    const opened = windowFor(story, { block: 120, offset: 25 }, 'place', 'paginated');
    expect(must(cutWindow(story, opened, { block: 120, offset: 25 }, WINDOW_CHARS, PER_PAGE)).start).toEqual({ block: 120, offset: 25 });
    expect(must(cutWindow(story, opened, { block: 120, offset: 60 }, WINDOW_CHARS, PER_PAGE)).start).toEqual({ block: 120, offset: 25 });
  });

  test('none when it would not be less than the window laid out', () => {
    const small = windowFor(story, { block: 120, offset: 0 }, 'paragraph', 'paginated', WINDOW_CHARS, PER_PAGE);
    expect(cutWindow(story, small, { block: 120, offset: 0 }, WINDOW_CHARS, PER_PAGE)).toBeNull();
  });
});

describe('endsShort', () => {
  const w = windowFor(story, { block: 10, offset: 0 }, 'place', 'paginated');
  test('the last page of a window that stops short of its section end needs more text; any other page does not', () => {
    expect(reachesEnd(story, w)).toBe(false);
    expect(endsShort({ section: story, window: w, mode: 'paginated', page: 4, pageCount: 5 })).toBe(true);
    expect(endsShort({ section: story, window: w, mode: 'paginated', page: 3, pageCount: 5 })).toBe(false);
    expect(endsShort({ section: story, window: w, mode: 'scroll', page: 0, pageCount: 1 })).toBe(false);
  });

  test('the last page of the section is not short of anything', () => {
    const last = windowFor(story, { block: 0, offset: 0 }, 'end', 'paginated');
    expect(endsShort({ section: story, window: last, mode: 'paginated', page: 2, pageCount: 3 })).toBe(false);
  });
});
