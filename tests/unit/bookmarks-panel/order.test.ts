import { describe, expect, test } from 'vitest';
import type { SectionInfo } from '../../../src/content/types';
import type { Bookmark } from '../../../src/storage/types';
import { snippetStart, sortBookmarks } from '../../../src/ui/bookmarks-panel/order';

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
