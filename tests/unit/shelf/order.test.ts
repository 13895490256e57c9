import { describe, expect, it } from 'vitest';
import type { WorkInfo } from '../../../src/content/types';
import type { Locator } from '../../../src/reader/locator';
import { nextWork } from '../../../src/ui/end-page';
import { arrange, filterChoices, lastRead, passes, percentRead, progressOf, sectionPercent } from '../../../src/ui/shelf/order';

const work = (id: string, title: string, fandom: string, tags: string[]): WorkInfo =>
  ({
    id,
    sha256: '',
    words: 1000,
    meta: { fromText: { title, opening: '', notes: [], paragraphs: 1, words: 1000 }, addedByApp: { displayTitle: title, fandom, relationship: '', characters: [], tags, contentNotes: [], adult: false, adultReason: '' } },
    sections: [
      { id: 's1', index: 0, title: 'One', titleSource: 'app', words: 500, chars: 2500, blockCount: 5, wordsBefore: 0 },
      { id: 's2', index: 1, title: 'Two', titleSource: 'app', words: 500, chars: 2500, blockCount: 5, wordsBefore: 500 },
    ],
  }) as WorkInfo;

const at = (workId: string, totalProgression: number, updatedAt: number, sectionId = 's1', progression = 0.5): Locator => ({
  workId,
  sectionId,
  block: 0,
  offset: 0,
  quote: { before: '', text: '', after: '' },
  progression,
  totalProgression,
  updatedAt,
});

const works = [work('a', 'Work 10', 'F1', ['x']), work('b', 'Work 2', 'F2', ['x', 'y']), work('c', 'another', 'F1', ['y'])];

describe('shelf order', () => {
  it('finds the last-read work, or none', () => {
    expect(lastRead(works, {})).toBeUndefined();
    expect(lastRead(works, { a: at('a', 0.1, 5), c: at('c', 0.9, 9) })?.id).toBe('c');
  });

  it('sorts by recently read (unread after, in catalogue order), by title (numbers as numbers), by progress', () => {
    const positions = { b: at('b', 0.2, 5), c: at('c', 0.9, 9) };
    expect(arrange(works, positions, 'recent').map((w) => w.id)).toEqual(['c', 'b', 'a']);
    expect(arrange(works, {}, 'title').map((w) => w.id)).toEqual(['c', 'b', 'a']);
    expect(arrange(works, positions, 'progress').map((w) => w.id)).toEqual(['c', 'b', 'a']);
  });

  it('filters by fandom or tag, and lists what there is to filter by', () => {
    expect(arrange(works, {}, 'recent', 'fandom:F1').map((w) => w.id)).toEqual(['a', 'c']);
    expect(arrange(works, {}, 'recent', 'tag:y').map((w) => w.id)).toEqual(['b', 'c']);
    expect(passes(works[0] as WorkInfo, 'all')).toBe(true);
    expect(filterChoices(works)).toEqual({ fandoms: ['F1', 'F2'], tags: ['x', 'y'] });
  });

  it('shows progress rounded, 100% only at the end', () => {
    expect(progressOf(undefined)).toBe(0);
    expect(percentRead(at('a', 0.225, 1))).toBe(23);
    expect(percentRead(at('a', 0.996, 1))).toBe(99);
    expect(percentRead(at('a', 0.5, 1), true)).toBe(100);
  });

  it('gives each section its progress from the place', () => {
    const w = works[0] as WorkInfo;
    const p = at('a', 0.75, 1, 's2', 0.5);
    expect(w.sections.map((s) => sectionPercent(s, p, w.sections))).toEqual([100, 50]);
    expect(w.sections.map((s) => sectionPercent(s, undefined, w.sections))).toEqual([0, 0]);
  });

  it('offers the other work read last at the end, else one not started', () => {
    const [a, b, c] = works as [WorkInfo, WorkInfo, WorkInfo];
    expect(nextWork(a, works, { a: at('a', 1, 9), c: at('c', 0.3, 3) })?.id).toBe('c');
    expect(nextWork(a, works, { a: at('a', 1, 9) })?.id).toBe('b');
    expect(nextWork(c, [c], {})).toBeUndefined();
    expect(nextWork(b, works, {})?.id).toBe('a');
  });
});
