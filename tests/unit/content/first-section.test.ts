// The first page's section at boot: which one is fetched before storage has opened.
import { describe, expect, it } from 'vitest';
import { firstSection } from '../../../src/content/first-section';
import type { SectionInfo, WorkInfo } from '../../../src/content/types';

const info = (id: string, index: number): SectionInfo => ({ id, index, title: id, titleSource: 'app', words: 1, chars: 1, blockCount: 1, wordsBefore: 0 });
const work = { id: 'w', sections: [info('a', 0), info('b', 1), info('c', 2)] } as WorkInfo;
const empty = { id: 'e', sections: [] as SectionInfo[] } as WorkInfo;

describe('firstSection', () => {
  it('takes a passage link’s section, else the hinted one, else the first', () => {
    expect(firstSection([work], 'w', 'c', { w: 'b' })).toEqual({ workId: 'w', sectionId: 'c' });
    expect(firstSection([work], 'w', undefined, { w: 'b' })).toEqual({ workId: 'w', sectionId: 'b' });
    expect(firstSection([work], 'w', undefined, {})).toEqual({ workId: 'w', sectionId: 'a' });
  });

  it('ignores a link or a hint naming a section the work does not have', () => {
    expect(firstSection([work], 'w', 'zzz', { w: 'gone' })).toEqual({ workId: 'w', sectionId: 'a' });
  });

  it('fetches nothing for an unknown work or a work without sections', () => {
    expect(firstSection([work, empty], 'nope', undefined, {})).toBeNull();
    expect(firstSection([work, empty], 'e', undefined, {})).toBeNull();
    expect(firstSection([work], undefined, undefined, {})).toBeNull();
  });
});
