import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../src/annotations/types';
import { checkHighlight, checkTombstone } from '../../../src/storage/highlights';
import { openStore } from '../../../src/storage/store';
import type { ExportFile, ReadingStore } from '../../../src/storage/types';
import { channelName, freshIdb, place, plant, problems, works } from './helpers';

let clock = 1_000;
const now = () => clock;

function mark(over: Partial<Highlight> = {}): Highlight {
  return {
    id: 'h1', workId: 'alpha', sectionId: 'a1',
    start: { block: 2, offset: 0 }, end: { block: 2, offset: 6 },
    quote: { before: 'it was ', text: 'a dark', after: ' night' },
    colour: 'yellow', note: '', createdAt: 100, updatedAt: 100,
    ...over,
  };
}

const bookmark = (id: string, updatedAt = 100) => ({ id, workId: 'alpha', locator: place(), snippet: 'a dark', createdAt: 1, updatedAt });

const backends = {
  IndexedDB: () => ({ indexedDB: freshIdb() }),
  memory: () => ({ indexedDB: undefined }),
};

describe.each(Object.entries(backends))('highlights over %s', (_name, backend) => {
  const open = (extra = {}) => openStore({ works, channelName: channelName(), now, ...backend(), ...extra });

  it('are listed per work and changed by a newer put', async () => {
    const store = await open();
    await store.putHighlight(mark());
    await store.putHighlight(mark({ id: 'h2', workId: 'beta', sectionId: 'b1' }));
    await store.putHighlight(mark({ note: 'Yes.', updatedAt: 200 }));
    expect(await store.listHighlights('alpha')).toEqual([mark({ note: 'Yes.', updatedAt: 200 })]);
    expect((await store.listHighlights('beta')).map((h) => h.id)).toEqual(['h2']);
  });

  it('a delete leaves a tombstone: gone from the list, in the export, and an older export does not bring it back', async () => {
    const store = await open();
    await store.putHighlight(mark());
    const older = await store.exportData();
    expect(older.highlights).toEqual([mark()]);
    clock = 5_000;
    await store.deleteHighlight('h1');
    expect(await store.listHighlights('alpha')).toEqual([]);
    const file = await store.exportData();
    expect(file.highlights).toEqual([]);
    expect(file.tombstones).toEqual([{ id: 'highlight:h1', kind: 'highlight', recordId: 'h1', workId: 'alpha', deletedAt: 5_000 }]);
    const result = await store.importData(older);
    expect(result).toMatchObject({ ok: true, merged: { highlights: 0 } });
    expect(await store.listHighlights('alpha')).toEqual([]);
  });

  it('undo (the highlight written again, newer than its deletion) brings it back', async () => {
    const store = await open();
    await store.putHighlight(mark());
    clock = 6_000;
    await store.deleteHighlight('h1');
    await store.putHighlight(mark({ updatedAt: 6_001 }));
    expect(await store.listHighlights('alpha')).toEqual([mark({ updatedAt: 6_001 })]);
  });

  it('bookmarks too: deleted ones stay deleted through an older import', async () => {
    const store = await open();
    await store.putBookmark(bookmark('m1'));
    await store.putBookmark(bookmark('m2'));
    const older = await store.exportData();
    clock = 7_000;
    await store.deleteBookmark('m1');
    expect(await store.importData(older)).toMatchObject({ ok: true, merged: { bookmarks: 0 } });
    expect((await store.listBookmarks('alpha')).map((b) => b.id)).toEqual(['m2']);
  });

  it('an imported deletion removes the older copy kept here', async () => {
    const here = await open();
    await here.putHighlight(mark());
    await here.putBookmark(bookmark('m1'));
    const elsewhere = await open();
    await elsewhere.importData(await here.exportData());
    clock = 8_000;
    await elsewhere.deleteHighlight('h1');
    await elsewhere.deleteBookmark('m1');
    const result = await here.importData(await elsewhere.exportData());
    expect(result).toMatchObject({ ok: true, merged: { tombstones: 2 } });
    expect(await here.listHighlights('alpha')).toEqual([]);
    expect(await here.listBookmarks('alpha')).toEqual([]);
    expect((await here.exportData()).highlights).toEqual([]);
  });

  it('a deletion dated more than a day ahead of this clock is taken as made now (a later undo still wins)', async () => {
    const store = await open();
    clock = 10_000;
    const file = await store.exportData();
    const ahead = { ...file, highlights: [mark()], tombstones: [{ id: 'highlight:h9', kind: 'highlight' as const, recordId: 'h9', deletedAt: clock + 30 * 86_400_000 }] };
    expect(await store.importData(ahead)).toMatchObject({ ok: true });
    expect((await store.exportData()).tombstones).toEqual([{ id: 'highlight:h9', kind: 'highlight', recordId: 'h9', deletedAt: 10_000 }]);
    await store.putHighlight(mark({ id: 'h9', updatedAt: 10_001 }));
    expect((await store.listHighlights('alpha')).map((h) => h.id).sort()).toEqual(['h1', 'h9']);
  });

  it('a file made before highlights (no such lists) still imports; a damaged highlight refuses the file', async () => {
    const store = await open();
    const file = await store.exportData();
    const { highlights: _h, tombstones: _t, ...old } = file;
    expect(await store.importData({ ...old, bookmarks: [bookmark('m9')] })).toMatchObject({ ok: true, merged: { bookmarks: 1 } });
    const damaged: ExportFile = { ...file, highlights: [{ ...mark(), colour: 'purple' } as unknown as Highlight] };
    expect(await store.importData(damaged)).toEqual({
      ok: false,
      message: 'This reading-data file is damaged: highlights[0]: colour is not one of yellow, green, blue, pink. Nothing was changed.',
    });
  });
});

describe('highlights read from disk are validated', () => {
  it('damaged or unknown-work records are left out and reported', async () => {
    const idb = freshIdb();
    const seen = problems();
    const store: ReadingStore = await openStore({ works, indexedDB: idb, channelName: channelName(), onProblem: seen.onProblem });
    await store.putHighlight(mark());
    store.close();
    await plant(idb, 'highlights', [
      { value: { ...mark({ id: 'bad' }), start: { block: -1, offset: 0 } } },
      { value: mark({ id: 'ghost', sectionId: 'nowhere' }) },
    ]);
    const again = await openStore({ works, indexedDB: idb, channelName: channelName(), onProblem: seen.onProblem });
    expect((await again.listHighlights('alpha')).map((h) => h.id)).toEqual(['h1']);
    expect(seen.list.map((p) => `${p.store} ${p.key}: ${p.reason}`)).toEqual([
      'highlights bad: start or end is not { block, offset } counts',
      'highlights ghost: unknown section "nowhere" in "alpha"',
    ]);
  });

  it('writes of malformed highlights are refused as bugs', async () => {
    const store = await openStore({ works, indexedDB: freshIdb(), channelName: channelName() });
    await expect(store.putHighlight(mark({ end: { block: 2, offset: 0 } }))).rejects.toThrow(TypeError);
  });

  it.each([
    [{ ...mark(), quote: { before: '', text: '', after: '' } }, 'quote is not { before, text, after } strings with text'],
    [{ ...mark(), note: 3 }, 'note is not a string'],
    [{ ...mark(), updatedAt: Number.NaN }, 'createdAt or updatedAt is not a finite number'],
  ])('checkHighlight refuses %#', (raw, reason) => {
    expect(checkHighlight(raw)).toEqual({ ok: false, reason });
  });

  it('checkTombstone wants <kind>:<recordId> and a time', () => {
    expect(checkTombstone({ id: 'highlight:x', kind: 'highlight', recordId: 'x', deletedAt: 1 })).toMatchObject({ ok: true });
    expect(checkTombstone({ id: 'highlight:y', kind: 'highlight', recordId: 'x', deletedAt: 1 })).toEqual({ ok: false, reason: 'id is not <kind>:<recordId>' });
    expect(checkTombstone({ id: 'stat:x', kind: 'stat', recordId: 'x', deletedAt: 1 })).toEqual({ ok: false, reason: 'kind is not one of highlight, bookmark' });
  });
});
