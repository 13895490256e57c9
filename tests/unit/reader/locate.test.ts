import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadWork, toWorkInfo } from '../../../build/works-plugin';
import type { Section } from '../../../src/content/types';
import { makeLocator, placeAtFraction, quoteAt, resolveLocator, sectionAtFraction } from '../../../src/reader/locate';
import { samePlace } from '../../../src/reader/place';
import { must, root } from '../../fixtures/content';

const work = loadWork(resolve(root, 'works', 'making-it-work'), 'making-it-work');
const info = toWorkInfo(work);
const story = must(work.sections.find((s) => s.id === 'story'));

describe('makeLocator', () => {
  test('points at the character and quotes the text from there', () => {
    const block = 3;
    const text = must(story.blocks[block]).text;
    const loc = makeLocator(info, story, block, 10, 1234);
    expect(loc).toMatchObject({ workId: 'making-it-work', sectionId: 'story', block, offset: 10, updatedAt: 1234 });
    expect(loc.quote.text).toBe(text.slice(10, 10 + loc.quote.text.length));
    expect(loc.quote.before).toBe(text.slice(Math.max(0, 10 - loc.quote.before.length), 10));
  });

  test('progressions grow through the section and the work, from 0 to below 1', () => {
    const first = makeLocator(info, story, 0, 0);
    const middle = makeLocator(info, story, Math.floor(story.blocks.length / 2), 0);
    const last = makeLocator(info, story, story.blocks.length - 1, 0);
    expect(first.progression).toBe(0);
    expect(middle.progression).toBeGreaterThan(0.3);
    expect(middle.progression).toBeLessThan(0.7);
    expect(last.progression).toBeLessThan(1);
    // The story follows the recap: the work's progress starts past 0.
    expect(first.totalProgression).toBeCloseTo(story.wordsBefore / info.words, 5);
    expect(last.totalProgression).toBeGreaterThan(middle.totalProgression);
  });

  test('clamps a block or offset past the end into the section', () => {
    const loc = makeLocator(info, story, 10_000, 10_000);
    expect(loc.block).toBe(story.blocks.length - 1);
    expect(loc.offset).toBeLessThan(Math.max(1, must(story.blocks.at(-1)).text.length));
  });
});

describe('resolveLocator', () => {
  test('keeps the place when the quote still matches there', () => {
    const loc = makeLocator(info, story, 5, 20);
    expect(resolveLocator(story, loc)).toEqual({ block: 5, offset: 20 });
  });

  test('finds the quote again when the text moved (a block was inserted before it)', () => {
    const loc = makeLocator(info, story, 5, 20);
    const edited: Section = { ...story, blocks: [{ kind: 'para', text: 'A new first paragraph.' }, ...story.blocks] };
    expect(resolveLocator(edited, loc)).toEqual({ block: 6, offset: 20 });
  });

  test('a short quote that stands in many places goes to the one whose context matches', () => {
    const text = must(story.blocks[40]).text;
    const moved: Section = { ...story, blocks: [{ kind: 'para', text: 'Inserted.' }, ...story.blocks] };
    const short = { block: 40, offset: 0, quote: { before: '', text: text.slice(0, 2), after: text.slice(2, 34) } };
    expect(resolveLocator(moved, short)).toEqual({ block: 41, offset: 0 });
  });

  test('clamps into the section when neither place nor quote is found', () => {
    const stale = { block: 99_999, offset: 99_999, quote: { before: '', text: 'no such words anywhere in this text', after: '' } };
    const last = must(story.blocks.at(-1)).text;
    expect(resolveLocator(story, stale)).toEqual({ block: story.blocks.length - 1, offset: last.length - 1 });
  });
});

describe('fractions of the work (the scrubber)', () => {
  test('0 is the first section, 1 the last, 0.5 the story', () => {
    expect(sectionAtFraction(info, 0).sectionId).toBe('recap');
    expect(sectionAtFraction(info, 1).sectionId).toBe('epilogue');
    expect(sectionAtFraction(info, 0.5).sectionId).toBe('story');
  });

  test('the place at a fraction of a section moves forward with the fraction, at a word start', () => {
    expect(placeAtFraction(story, 0)).toEqual({ block: 0, offset: 0 });
    const half = placeAtFraction(story, 0.5);
    expect(half.block).toBeGreaterThan(story.blocks.length * 0.3);
    expect(half.block).toBeLessThan(story.blocks.length * 0.7);
    const text = must(story.blocks[half.block]).text;
    expect(half.offset === 0 || /\s/.test(text[half.offset - 1] ?? '')).toBe(true);
    // Within one block, a larger fraction is never an earlier place.
    const a = placeAtFraction(story, 0.5);
    const b = placeAtFraction(story, 0.5001);
    expect(b.block > a.block || (b.block === a.block && b.offset >= a.offset)).toBe(true);
    expect(placeAtFraction(story, 1).block).toBe(story.blocks.length - 1);
  });
});

test('quoteAt and samePlace', () => {
  expect(quoteAt(story, 0, 0).before).toBe('');
  const a = makeLocator(info, story, 2, 3);
  expect(samePlace(a, makeLocator(info, story, 2, 3, 99))).toBe(true);
  expect(samePlace(a, { ...a, offset: 4 })).toBe(false);
});
