import { describe, expect, test } from 'vitest';
import { estimateCharsPerPage, measure, wordsLeft, wordsPerPage } from '../../../src/reader/estimates';
import { makeLocator } from '../../../src/reader/locate';
import { wholeSection, windowFrom } from '../../../src/reader/window';
import { must } from '../../fixtures/content';
import { makeWork } from './fake-port';

const { work, texts } = makeWork(2, 40, 100);
const section = must(texts[0]);

describe('pages left', () => {
  test('a window that reaches the section end counts its own pages', () => {
    const l = { section, window: wholeSection(section), mode: 'paginated' as const, page: 3, pageCount: 10 };
    expect(measure(l, () => ({ block: 0, offset: 0 }), 1500).position).toEqual({ page: 3, pageCount: 10, pagesLeft: 6 });
  });

  test('past a window, pages are estimated at the rate of its full pages; the seam page counts with what follows', () => {
    // 40 blocks of 100 (one a break): the window holds blocks 0..9 in 4 pages, the last starting at block 8.
    const w = windowFrom(section, { block: 0, offset: 0 }, 900);
    expect(w.end).toEqual({ block: 10, offset: 0 });
    const m = measure({ section, window: w, mode: 'paginated', page: 0, pageCount: 4 }, () => ({ block: 8, offset: 0 }), 1500);
    // 700 characters (a break has none) over 3 full pages: about 233 a page.
    expect(m.perPage).toBeCloseTo(700 / 3);
    // Pages 1 and 2 of this window, then (200 + 3,000) characters at that rate.
    expect(m.position.pagesLeft).toBe(2 + Math.ceil(3200 / (700 / 3)));
  });

  test('one page in the window: the rate learnt before is used', () => {
    const w = windowFrom(section, { block: 0, offset: 0 }, 100);
    const m = measure({ section, window: w, mode: 'paginated', page: 0, pageCount: 1 }, () => w.start, 500);
    expect(m.perPage).toBe(500);
    expect(m.position.pagesLeft).toBe(Math.ceil(section.chars / 500));
  });

  test('scrolling has no pages left to count', () => {
    expect(measure({ section, window: wholeSection(section), mode: 'scroll', page: 0, pageCount: 1 }, () => ({ block: 0, offset: 0 }), 1500).position.pagesLeft).toBe(0);
  });
});

describe('words', () => {
  test('words on a page share the window\'s words out over its pages', () => {
    expect(wordsPerPage(section, { window: wholeSection(section), pageCount: 4 })).toBeCloseTo(section.words / 4);
  });

  test('words left in the section and in the work follow the place', () => {
    const half = makeLocator(work, section, 20, 0, 1);
    const left = wordsLeft(work, section, half);
    expect(left.section).toBeCloseTo(section.words * (1 - half.progression));
    expect(left.work).toBeCloseTo(work.words * (1 - half.totalProgression));
    expect(wordsLeft(work, undefined, null)).toEqual({ section: 0, work: work.words });
  });
});

describe('characters a page holds, guessed before any layout', () => {
  test('the whole box at half an em a character: lines across times lines down', () => {
    // 400 px at 10 px a character, 24 lines of 30 px.
    expect(estimateCharsPerPage(400, 720, 20, 30)).toBe(40 * 24);
    // Larger type holds fewer.
    expect(estimateCharsPerPage(400, 720, 40, 60)).toBe(20 * 12);
  });

  test('nothing to measure (unmounted, hidden, no type): no guess', () => {
    expect(estimateCharsPerPage(0, 720, 20, 30)).toBeUndefined();
    expect(estimateCharsPerPage(400, 720, Number.NaN, 30)).toBeUndefined();
    expect(estimateCharsPerPage(400, 720, 20, 0)).toBeUndefined();
  });
});
