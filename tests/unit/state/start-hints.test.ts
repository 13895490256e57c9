// The start hints: what the reader's first page needs before IndexedDB has answered, mirrored to localStorage.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/settings/defaults';
import { createStartMirror, readStartHints, sectionsOf, START_HINTS_KEY } from '../../../src/state/start-hints';
import { indexWorks } from '../../../src/storage/validate';
import { place, works } from '../storage/helpers';

const index = indexWorks(works);

/** A localStorage stand-in that records writes; `full` refuses them. */
function storage(initial?: string, full = false) {
  const items = new Map<string, string>(initial === undefined ? [] : [[START_HINTS_KEY, initial]]);
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

describe('readStartHints', () => {
  it('reads back what the mirror wrote: places by work, notices passed, settings', () => {
    const s = storage();
    const p = place();
    const settings = { ...DEFAULT_SETTINGS, fontSize: 24, theme: 'dark' as const };
    createStartMirror(s)({ places: { [p.workId]: p }, acknowledged: new Set([p.workId]), settings });
    const hints = readStartHints(index, s);
    expect(hints.present).toBe(true);
    expect(hints.places).toEqual({ [p.workId]: p });
    expect([...hints.acknowledged]).toEqual([p.workId]);
    expect(hints.settings).toEqual(settings);
    expect(sectionsOf(hints.places)).toEqual({ [p.workId]: p.sectionId });
  });

  it('is no hint at all when missing, damaged, of another version, or blocked', () => {
    for (const raw of [undefined, 'not json', '[]', '{"v":2,"places":[]}', 'null']) {
      const hints = readStartHints(index, storage(raw));
      expect(hints.present, String(raw)).toBe(false);
      expect(hints.places, String(raw)).toEqual({});
      expect(hints.acknowledged.size).toBe(0);
      expect(hints.settings).toBeNull();
    }
    expect(readStartHints(index, undefined).places).toEqual({});
  });

  it('checks each part as a stored record: a place of an unknown work or section is dropped, odd settings fall back field by field', () => {
    const good = place();
    const raw = JSON.stringify({
      v: 1,
      places: [good, { ...good, workId: 'gone' }, { ...good, sectionId: 'nope' }, 'x'],
      acknowledged: [good.workId, 'gone', 3],
      settings: { fontSize: 'huge', theme: 'dark' },
    });
    const hints = readStartHints(index, storage(raw));
    expect(Object.keys(hints.places)).toEqual([good.workId]);
    expect([...hints.acknowledged]).toEqual([good.workId]);
    expect(hints.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });
});

describe('createStartMirror', () => {
  it('writes only when something changed', () => {
    const s = storage();
    const mirror = createStartMirror(s);
    const p = place();
    const source = { places: { [p.workId]: p }, acknowledged: new Set<string>(), settings: DEFAULT_SETTINGS };
    mirror(source);
    mirror({ ...source, places: { ...source.places } });
    expect(s.writes).toHaveLength(1);
    mirror({ ...source, places: { [p.workId]: { ...p, block: p.block + 1, updatedAt: p.updatedAt + 1 } } });
    expect(s.writes).toHaveLength(2);
  });

  it('a full or blocked storage loses nothing but the hint', () => {
    const mirror = createStartMirror(storage(undefined, true));
    expect(() => mirror({ places: {}, acknowledged: new Set(), settings: DEFAULT_SETTINGS })).not.toThrow();
    expect(() => createStartMirror(undefined)({ places: {}, acknowledged: new Set(), settings: DEFAULT_SETTINGS })).not.toThrow();
  });
});
