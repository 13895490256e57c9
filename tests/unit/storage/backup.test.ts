import { describe, expect, it } from 'vitest';
import { checkExportFile, exportFileName, parseBackupText } from '../../../src/storage/backup';
import { openStore } from '../../../src/storage/store';
import type { ExportFile, ReadingStore } from '../../../src/storage/types';
import { channelName, freshIdb, place, works } from './helpers';

async function filled(): Promise<ReadingStore> {
  const store = await openStore({ works, indexedDB: freshIdb(), channelName: channelName(), now: () => 777 });
  await store.putPosition(place({ block: 3, updatedAt: 100 }));
  await store.putPosition(place({ workId: 'beta', sectionId: 'b1', block: 1, updatedAt: 100 }));
  await store.putSettings({ fontSize: 22, theme: 'dark' });
  await store.acknowledge('gamma');
  await store.addSpeedSample({ workId: 'alpha', words: 300, ms: 60_000, updatedAt: 10 });
  await store.putBookmark({ id: 'm1', workId: 'alpha', locator: place(), snippet: 'a dark', createdAt: 1, updatedAt: 1 });
  return store;
}

/** Everything a store holds, for before/after comparisons. */
const snapshot = async (store: ReadingStore) => {
  const file = await store.exportData();
  return { ...file, exportedAt: 0 };
};

describe('export', () => {
  it('writes every kind of record with the format and version', async () => {
    const store = await filled();
    const file = await store.exportData();
    expect(file).toMatchObject({ format: 'quire-reading-data', version: 1, exportedAt: 777 });
    expect(file.positions).toHaveLength(2);
    expect(file.settings).toEqual({ value: { fontSize: 22, theme: 'dark' }, updatedAt: 777 });
    expect(file.acknowledgements).toEqual([{ workId: 'gamma', updatedAt: 777 }]);
    expect(file.speedSamples).toEqual([{ workId: 'alpha', words: 300, ms: 60_000, updatedAt: 10 }]);
    expect(file.bookmarks).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
    store.close();
  });

  it('names the file by local date', () => {
    expect(exportFileName(new Date(2025, 0, 7, 23, 59))).toBe('quire-reading-data-2025-01-07.json');
  });
});

describe('import', () => {
  it('a good file into a fresh profile restores everything', async () => {
    const source = await filled();
    const file = JSON.parse(JSON.stringify(await source.exportData())) as unknown;
    const fresh = await openStore({ works, indexedDB: freshIdb(), channelName: channelName() });
    const result = await fresh.importData(file);
    expect(result).toEqual({ ok: true, merged: { positions: 2, settings: 1, acknowledgements: 1, speedSamples: 1, bookmarks: 1, highlights: 0, tombstones: 0 } });
    expect(await snapshot(fresh)).toEqual(await snapshot(source));
    expect((await fresh.getPosition('alpha'))?.block).toBe(3);
    expect(await fresh.getSettings((r) => r)).toEqual({ fontSize: 22, theme: 'dark' });
    // Importing the same file again changes nothing.
    expect(await fresh.importData(file)).toEqual({ ok: true, merged: { positions: 0, settings: 0, acknowledgements: 0, speedSamples: 0, bookmarks: 0, highlights: 0, tombstones: 0 } });
    source.close();
    fresh.close();
  });

  it('merges by updatedAt: newer records win, older ones are skipped', async () => {
    const store = await filled();
    const file = await store.exportData();
    file.positions = [
      place({ block: 9, updatedAt: 50 }), // older than alpha's 100
      place({ workId: 'beta', sectionId: 'b1', block: 2, updatedAt: 150 }), // newer
    ];
    file.settings = { value: { fontSize: 14 }, updatedAt: 1 }; // older
    file.bookmarks = [{ id: 'm1', workId: 'alpha', locator: place({ block: 7 }), snippet: 'x', createdAt: 1, updatedAt: 2 }];
    const result = await store.importData(file);
    expect(result).toEqual({ ok: true, merged: { positions: 1, settings: 0, acknowledgements: 0, speedSamples: 0, bookmarks: 1, highlights: 0, tombstones: 0 } });
    expect((await store.getPosition('alpha'))?.block).toBe(3);
    expect((await store.getPosition('beta'))?.block).toBe(2);
    expect(await store.getSettings((r) => r)).toEqual({ fontSize: 22, theme: 'dark' });
    expect((await store.listBookmarks('alpha'))[0]?.locator.block).toBe(7);
    store.close();
  });

  const refused: [string, (good: ExportFile) => unknown, RegExp][] = [
    ['not an object', () => 'hello', /isn't Quire reading data/],
    ['null', () => null, /isn't Quire reading data/],
    ['an array', () => [], /isn't Quire reading data/],
    ['a foreign file', () => ({ format: 'some-other-app', version: 1, positions: [] }), /isn't Quire reading data/],
    ['a newer version', (g) => ({ ...g, version: 2 }), /newer version of Quire \(format 2/],
    ['no version', (g) => ({ ...g, version: 'one' }), /no valid format version/],
    ['a bad position', (g) => ({ ...g, positions: [...g.positions, { ...place(), block: 'x' }] }), /positions\[2\]: block/],
    ['positions not a list', (g) => ({ ...g, positions: {} }), /positions is not a list/],
    ['a bad bookmark', (g) => ({ ...g, bookmarks: [{ id: 'x' }] }), /bookmarks\[0\]/],
    ['bad settings', (g) => ({ ...g, settings: { value: 1 } }), /settings: updatedAt/],
    ['a bad sample', (g) => ({ ...g, speedSamples: [{ workId: 'alpha', words: 1, ms: -1, updatedAt: 1 }] }), /speedSamples\[0\]/],
    ['a bad acknowledgement', (g) => ({ ...g, acknowledgements: [{ workId: 3 }] }), /acknowledgements\[0\]/],
    ['two places for one work', (g) => ({ ...g, positions: [...g.positions, g.positions[0]] }), /two places for "alpha"/],
  ];
  for (const [name, make, message] of refused) {
    it(`refuses ${name} with a clear message and changes nothing`, async () => {
      const store = await filled();
      const good = await store.exportData();
      const before = await snapshot(store);
      // A file whose good records would all win, so a partial write would show.
      const newer: ExportFile = {
        ...good,
        positions: good.positions.map((p) => ({ ...p, block: 0, updatedAt: 10_000 })),
        settings: { value: { fontSize: 30 }, updatedAt: 10_000 },
      };
      const result = await store.importData(make(newer));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toMatch(message);
        expect(result.message).toMatch(/Nothing was changed\.$/);
      }
      expect(await snapshot(store)).toEqual(before);
      store.close();
    });
  }

  it('names at most three problems and counts the rest', () => {
    const result = checkExportFile({
      format: 'quire-reading-data', version: 1, exportedAt: 1, settings: null,
      positions: [1, 2, 3, 4, 5], acknowledgements: [], speedSamples: [], bookmarks: [],
    });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/positions\[2\]: not an object \(and 2 more\)/) });
  });

  it('text that is not JSON gets a message', () => {
    expect(parseBackupText('{oops')).toEqual({ ok: false, message: expect.stringMatching(/isn't JSON/) });
    expect(parseBackupText('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('works in memory mode too', async () => {
    const source = await filled();
    const file = await source.exportData();
    const memory = await openStore({ works, indexedDB: undefined, channelName: channelName() });
    expect((await memory.importData(file)).ok).toBe(true);
    expect(await snapshot(memory)).toEqual(await snapshot(source));
    source.close();
    memory.close();
  });
});
