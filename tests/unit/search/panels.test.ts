import { describe, expect, test } from 'vitest';
import type { SectionInfo } from '../../../src/content/types';
import { describeResults, formatPercent } from '../../../src/search/format';
import { highlightParts } from '../../../src/search/highlight';
import { searchSections } from '../../../src/search/search';
import type { Bookmark } from '../../../src/storage/types';
import { snippetStart, sortBookmarks } from '../../../src/ui/bookmarks-panel/order';
import { workSections, WORKS } from './fixtures';

const making = workSections(WORKS.making);

describe('highlightParts', () => {
  test('splits a block around a hit so the parts join back to the original text', () => {
    const results = searchSections("hadn't already", WORKS.making, making);
    const hit = results.groups[0]?.hits[0];
    const text = making.find((s) => s.id === hit?.sectionId)?.blocks[hit?.block ?? -1]?.text ?? '';
    const parts = highlightParts(text, hit?.offset ?? -1, hit?.length ?? 0);
    expect(parts.match).toBe("hadn't already");
    expect(parts.before + parts.match + parts.after).toBe(text);
  });

  test('clamps a stale offset instead of throwing or losing text', () => {
    expect(highlightParts('short', 3, 50)).toEqual({ before: 'sho', match: 'rt', after: '' });
    expect(highlightParts('short', 99, 2)).toEqual({ before: 'short', match: '', after: '' });
    expect(highlightParts('short', -4, 2)).toEqual({ before: '', match: '', after: 'short' });
  });
});

describe('panel wording', () => {
  test('percentages round down and stay within 0–100', () => {
    expect(formatPercent(0.4299)).toBe('42%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(1.7)).toBe('100%');
    expect(formatPercent(Number.NaN)).toBe('0%');
  });

  test('the status says how many matches, where, and when the list is capped', () => {
    expect(describeResults(searchSections('a', WORKS.making, making))).toBe('Type at least 2 characters to search.');
    expect(describeResults(searchSections('zqzq', WORKS.making, making))).toBe('No matches for “zqzq”.');
    expect(describeResults(searchSections('Previously on', WORKS.making, making))).toBe('1 match in 1 section.');
    expect(describeResults(searchSections('the', WORKS.making, making))).toMatch(
      /^Showing the first 200 of \d{1,3},\d{3} matches\. Add words to narrow the search\.$/,
    );
  });
});

const section = (id: string, index: number): SectionInfo => ({
  id, index, title: `Part ${index + 1}`, titleSource: 'app', words: 10, chars: 50, blockCount: 5, wordsBefore: index * 10,
});

const bookmark = (id: string, sectionId: string, block: number, offset: number, createdAt = 0): Bookmark => ({
  id,
  workId: 'w',
  snippet: `snippet ${id}`,
  createdAt,
  updatedAt: createdAt,
  locator: {
    workId: 'w', sectionId, block, offset, quote: { before: '', text: '', after: '' }, progression: 0, totalProgression: 0, updatedAt: 0,
  },
});

describe('bookmarks panel helpers', () => {
  test('lists bookmarks in reading order, unknown sections last', () => {
    const sections = [section('a', 0), section('b', 1)];
    const sorted = sortBookmarks(
      [bookmark('4', 'gone', 0, 0), bookmark('3', 'b', 0, 0), bookmark('2', 'a', 2, 5), bookmark('1', 'a', 2, 1)],
      sections,
    );
    expect(sorted.map((b) => b.id)).toEqual(['1', '2', '3', '4']);
  });

  test('names a remove button by the first words of the snippet', () => {
    expect(snippetStart('“Aren’t you going to call the doctor?” The Omega asked')).toBe('“Aren’t you going to call the doctor?”…');
    expect(snippetStart('  The End.  ')).toBe('The End.');
    expect(snippetStart('')).toBe('(no text)');
  });
});
