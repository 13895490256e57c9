import { describe, expect, test } from 'vitest';
import { searchSections } from '../../../src/search/search';
import { FIRST_HITS, visibleGroups } from '../../../src/search/visible';
import { workSections, WORKS } from './fixtures';

const making = workSections(WORKS.making);

describe('visibleGroups: the first screenful of hits, more on demand', () => {
  const results = searchSections('the', WORKS.making, making);

  test('keeps the first hits in reading order and says how many are left out', () => {
    const all = results.groups.flatMap((g) => g.hits);
    const { groups, hidden } = visibleGroups(results.groups, FIRST_HITS);
    expect(groups.flatMap((g) => g.hits)).toEqual(all.slice(0, FIRST_HITS));
    expect(hidden).toBe(all.length - FIRST_HITS);
    // A cut group keeps its count of every match in the section.
    expect(groups.map((g) => g.count)).toEqual(results.groups.slice(0, groups.length).map((g) => g.count));
  });

  test('a limit past the end shows everything, and no limit shows nothing', () => {
    const total = results.groups.reduce((n, g) => n + g.hits.length, 0);
    expect(visibleGroups(results.groups, total + 5)).toEqual({ groups: results.groups, hidden: 0 });
    expect(visibleGroups(results.groups, 0)).toEqual({ groups: [], hidden: total });
  });
});
