import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadWork } from '../../../build/works-plugin';
import { charsAfter, charsIn, holds, reachesEnd, sectionEnd, startsSection, wholeSection, windowBefore, windowFrom } from '../../../src/reader/window';
import { must, root } from '../../fixtures/content';

const work = loadWork(resolve(root, 'works', 'making-it-work'), 'making-it-work');
const story = must(work.sections.find((s) => s.id === 'story'));

describe('windows of a long section', () => {
  test('a forward window holds at least the size asked for, ending at a block boundary', () => {
    const w = windowFrom(story, { block: 10, offset: 5 }, 5_000);
    expect(w.start).toEqual({ block: 10, offset: 5 });
    expect(w.end.offset).toBe(0);
    expect(charsIn(story, w)).toBeGreaterThanOrEqual(5_000);
    // One block fewer would be too little: the window is no larger than it needs to be.
    expect(charsIn(story, { ...w, end: { block: w.end.block - 1, offset: 0 } })).toBeLessThan(5_000);
  });

  test('a backward window ends exactly where asked, cutting its last block there', () => {
    const end = { block: 200, offset: 37 };
    const w = windowBefore(story, end, 5_000);
    expect(w.end).toEqual(end);
    expect(w.start.offset).toBe(0);
    expect(charsIn(story, w)).toBeGreaterThanOrEqual(5_000);
    expect(holds(w, { block: 200, offset: 36 })).toBe(true);
    expect(holds(w, end)).toBe(false);
  });

  test('windows laid end to end cover the section exactly once', () => {
    let w = windowFrom(story, { block: 0, offset: 0 }, 8_000);
    let covered = charsIn(story, w);
    while (!reachesEnd(story, w)) {
      w = windowFrom(story, w.end, 8_000);
      covered += charsIn(story, w);
    }
    expect(covered).toBe(story.chars);
    expect(charsAfter(story, w)).toBe(0);
  });

  test('the whole section, its start and its end', () => {
    const all = wholeSection(story);
    expect(startsSection(all)).toBe(true);
    expect(reachesEnd(story, all)).toBe(true);
    expect(charsIn(story, all)).toBe(story.chars);
    expect(sectionEnd(story)).toEqual({ block: story.blocks.length, offset: 0 });
    expect(windowFrom(story, { block: story.blocks.length - 1, offset: 0 }).end).toEqual(sectionEnd(story));
    expect(windowBefore(story, { block: 1, offset: 0 }).start).toEqual({ block: 0, offset: 0 });
  });
});
