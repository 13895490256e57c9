// The journal: places not yet known to be stored when the page goes away, kept in localStorage and taken back at the next start.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Locator } from '../../../src/reader/locator';
import { clearJournal, JOURNAL_KEY, journalPlaces, readJournal, takeJournal } from '../../../src/storage/journal';
import { createPositionWriter } from '../../../src/storage/position-writer';
import { indexWorks } from '../../../src/storage/validate';
import { place, works } from './helpers';

afterEach(() => vi.restoreAllMocks());

const index = indexWorks(works);

/** A localStorage stand-in; `full` refuses writes, `blocked` throws on every call. */
function storage(initial?: string, opts: { full?: boolean; blocked?: boolean } = {}) {
  const items = new Map<string, string>(initial === undefined ? [] : [[JOURNAL_KEY, initial]]);
  const guard = () => {
    if (opts.blocked) throw new DOMException('blocked', 'SecurityError');
  };
  return {
    items,
    getItem: (k: string) => (guard(), items.get(k) ?? null),
    setItem: (k: string, v: string) => {
      guard();
      if (opts.full) throw new DOMException('full', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k: string) => (guard(), void items.delete(k)),
  };
}

describe('journal', () => {
  it('keeps places and gives back the valid ones', () => {
    const s = storage();
    journalPlaces([place({ block: 3, updatedAt: 10 }), place({ workId: 'beta', sectionId: 'b1', block: 1, updatedAt: 11 })], s);
    expect(readJournal(index, s).map((p) => [p.workId, p.block])).toEqual([
      ['alpha', 3],
      ['beta', 1],
    ]);
    clearJournal(s);
    expect(readJournal(index, s)).toEqual([]);
  });

  it('a damaged journal, or a place of no known work, is not used, and says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(readJournal(index, storage('{not json'))).toEqual([]);
    expect(readJournal(index, storage(JSON.stringify([place({ workId: 'gone' }), place({ block: 4 })]))).map((p) => p.block)).toEqual([4]);
    expect(readJournal(index, storage('{"a":1}'))).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('blocked or full storage loses nothing but the journal', () => {
    expect(() => journalPlaces([place()], storage(undefined, { full: true }))).not.toThrow();
    expect(() => journalPlaces([place()], storage(undefined, { blocked: true }))).not.toThrow();
    expect(readJournal(index, storage(undefined, { blocked: true }))).toEqual([]);
    expect(() => clearJournal(storage(undefined, { blocked: true }))).not.toThrow();
  });
});

describe('takeJournal', () => {
  it('takes a journalled place newer than the stored one, stores it, then clears the journal', async () => {
    const s = storage(JSON.stringify([place({ block: 7, updatedAt: 20 }), place({ workId: 'beta', sectionId: 'b1', block: 0, updatedAt: 5 })]));
    const put = vi.fn(async (_p: Locator) => true);
    const known = { alpha: place({ block: 2, updatedAt: 10 }), beta: place({ workId: 'beta', sectionId: 'b1', block: 2, updatedAt: 9 }) };
    const places = takeJournal(known, index, put, s);
    // The newer alpha place is taken; the older beta one is not.
    expect(places.alpha?.block).toBe(7);
    expect(places.beta?.block).toBe(2);
    expect(put.mock.calls.map(([p]) => p.block)).toEqual([7]);
    await vi.waitFor(() => expect(s.items.has(JOURNAL_KEY)).toBe(false));
  });

  it('keeps the journal for the next start when the store cannot write', async () => {
    const s = storage(JSON.stringify([place({ block: 7, updatedAt: 20 })]));
    const put = vi.fn(() => Promise.reject(new Error('disk full')));
    expect(takeJournal({}, index, put, s).alpha?.block).toBe(7);
    await Promise.resolve();
    await Promise.resolve();
    expect(s.items.has(JOURNAL_KEY)).toBe(true);
  });
});

describe('the writer journals what is not yet stored when the page leaves', () => {
  it('when the page goes away, the newest place of each work is journalled (a write in flight included); nothing while the page stays', async () => {
    let leaving = false;
    const journalled: Locator[][] = [];
    const pending: (() => void)[] = [];
    // A write that never commits until told to (the page goes away first).
    const put = vi.fn(() => new Promise<boolean>((resolve) => pending.push(() => resolve(true))));
    const writer = createPositionWriter({ putPosition: put }, { pageLeaving: () => leaving, journal: (p) => journalled.push(p) });
    writer.schedule(place({ block: 1, updatedAt: 1 }));
    pending.shift()?.();
    await vi.waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    writer.schedule(place({ block: 2, updatedAt: 2 }));
    expect(journalled).toEqual([]);
    // The page goes away while block 2's write is in flight.
    leaving = true;
    void writer.flush();
    expect(journalled.at(-1)?.map((p) => p.block)).toEqual([2]);
    // A move made while leaving is journalled at once too.
    writer.schedule(place({ workId: 'beta', sectionId: 'b1', block: 0, updatedAt: 3 }));
    expect(journalled.at(-1)?.map((p) => `${p.workId}:${p.block}`)).toEqual(['alpha:2', 'beta:0']);
  });
});
