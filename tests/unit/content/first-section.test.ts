// The first page's section at boot: which one is fetched before storage has opened, and the mirror that remembers it.
import { describe, expect, it } from 'vitest';
import { createSectionMirror, firstSection, readSectionHints, SECTION_MIRROR_KEY } from '../../../src/content/first-section';
import type { SectionInfo, WorkInfo } from '../../../src/content/types';

const info = (id: string, index: number): SectionInfo => ({ id, index, title: id, titleSource: 'app', words: 1, chars: 1, blockCount: 1, wordsBefore: 0 });
const work = { id: 'w', sections: [info('a', 0), info('b', 1), info('c', 2)] } as WorkInfo;
const empty = { id: 'e', sections: [] as SectionInfo[] } as WorkInfo;

/** A localStorage stand-in that records writes, and can refuse them (quota) or hold garbage. */
function storage(initial?: string, full = false) {
  const items = new Map<string, string>(initial === undefined ? [] : [[SECTION_MIRROR_KEY, initial]]);
  const writes: string[] = [];
  return {
    writes,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      writes.push(v);
      items.set(k, v);
    },
  };
}

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

describe('readSectionHints', () => {
  it('reads the mirror, and takes anything unreadable as no hint', () => {
    expect(readSectionHints(storage('{"w":"b","x":3}'))).toEqual({ w: 'b' });
    expect(readSectionHints(storage('not json'))).toEqual({});
    expect(readSectionHints(storage('["w"]'))).toEqual({});
    expect(readSectionHints(storage())).toEqual({});
    expect(readSectionHints(undefined)).toEqual({});
  });
});

describe('createSectionMirror', () => {
  it('writes only when a work’s section changes, not on every place', () => {
    const s = storage();
    const mirror = createSectionMirror(s);
    mirror({ w: { sectionId: 'a' } });
    mirror({ w: { sectionId: 'a' } });
    mirror({ w: { sectionId: 'b' }, v: undefined });
    expect(s.writes).toEqual(['{"w":"a"}', '{"w":"b"}']);
    expect(readSectionHints(s)).toEqual({ w: 'b' });
  });

  it('starts from what is stored, so an unchanged start writes nothing', () => {
    const s = storage('{"w":"c"}');
    createSectionMirror(s)({ w: { sectionId: 'c' } });
    expect(s.writes).toEqual([]);
  });

  it('loses nothing but the hint when storage refuses the write', () => {
    const mirror = createSectionMirror(storage(undefined, true));
    expect(() => mirror({ w: { sectionId: 'b' } })).not.toThrow();
  });
});
