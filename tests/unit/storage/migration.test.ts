import { describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../../src/storage/db';
import { openStore } from '../../../src/storage/store';
import { channelName, createV2Stores, freshIdb, place, rawOpen, works } from './helpers';

/** The v1 schema as the first release wrote it: places without a quote, timed by savedAt; settings stored bare. */
async function plantV1(factory: IDBFactory) {
  const db = await rawOpen(factory, 1, (raw) => {
    raw.createObjectStore('positions', { keyPath: 'workId' });
    raw.createObjectStore('settings');
  });
  const tx = db.transaction(['positions', 'settings'], 'readwrite');
  await tx.objectStore('positions').put({ workId: 'alpha', sectionId: 'a2', block: 3, offset: 17, progression: 0.5, totalProgression: 0.8, savedAt: 111 });
  await tx.objectStore('positions').put({ workId: 'beta', sectionId: 'b1', block: 0, offset: 0, progression: 0, totalProgression: 0, savedAt: 222 });
  await tx.objectStore('positions').put({ workId: 'gamma', sectionId: 'g3', block: 0, offset: 9, progression: 1, totalProgression: 1, savedAt: 333 });
  await tx.objectStore('settings').put({ fontSize: 20, theme: 'sepia' }, 'current');
  await tx.done;
  db.close();
}

describe('migration v1 → current', () => {
  it('keeps every place and the settings, and adds the new stores', async () => {
    expect(DB_VERSION).toBe(3);
    const factory = freshIdb();
    await plantV1(factory);
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    expect(store.onStatus).toBeTypeOf('function');

    expect(await store.getPosition('alpha')).toEqual({
      workId: 'alpha', sectionId: 'a2', block: 3, offset: 17,
      quote: { before: '', text: '', after: '' }, progression: 0.5, totalProgression: 0.8, updatedAt: 111,
    });
    expect((await store.getPosition('beta'))?.updatedAt).toBe(222);
    expect((await store.getPosition('gamma'))?.offset).toBe(9);
    expect(await store.getSettings((raw) => raw)).toEqual({ fontSize: 20, theme: 'sepia' });

    // The new stores work.
    await store.acknowledge('alpha');
    expect(await store.isAcknowledged('alpha')).toBe(true);
    await store.addSpeedSample({ workId: 'beta', words: 300, ms: 60_000, updatedAt: 5 });
    expect(await store.getSpeedSamples()).toHaveLength(1);
    store.close();
  });

  it('stores migrated records in the current shape (savedAt gone, updatedAt set, ordered by it)', async () => {
    const factory = freshIdb();
    await plantV1(factory);
    (await openStore({ works, indexedDB: factory, channelName: channelName() })).close();
    const db = await rawOpen(factory, DB_VERSION);
    const alpha = await db.get('positions', 'alpha');
    expect(alpha).not.toHaveProperty('savedAt');
    expect(alpha.updatedAt).toBe(111);
    expect(alpha.seq).toBe(111);
    expect(await db.get('settings', 'current')).toEqual({ value: { fontSize: 20, theme: 'sepia' }, updatedAt: 0 });
    expect([...db.objectStoreNames].sort()).toEqual([
      'acknowledgements', 'bookmarks', 'highlights', 'meta', 'positions', 'settings', 'speedSamples', 'stats', 'tombstones',
    ]);
    db.close();
  });

  it('a newer place written after the migration replaces the migrated one; an older one does not', async () => {
    const factory = freshIdb();
    await plantV1(factory);
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    const base = await store.getPosition('alpha');
    if (!base) throw new Error('the migrated place is missing');
    expect(await store.putPosition({ ...base, block: 1, updatedAt: 100 })).toBe(false);
    expect((await store.getPosition('alpha'))?.block).toBe(3);
    expect(await store.putPosition({ ...base, block: 2, updatedAt: 500 })).toBe(true);
    expect((await store.getPosition('alpha'))?.block).toBe(2);
    store.close();
  });
});

/** The v2 schema as the second release wrote it, with a record in every store (and a damaged place). */
async function plantV2(factory: IDBFactory) {
  const db = await rawOpen(factory, 2, createV2Stores);
  const stores = ['positions', 'settings', 'acknowledgements', 'speedSamples', 'bookmarks'];
  const tx = db.transaction(stores, 'readwrite');
  await tx.objectStore('positions').put(place({ block: 3, updatedAt: 111 }));
  await tx.objectStore('positions').put(place({ workId: 'beta', sectionId: 'b1', block: 1, updatedAt: 222 }));
  await tx.objectStore('positions').put({ workId: 'gamma', sectionId: 'g1', block: 'x', updatedAt: 'never' });
  await tx.objectStore('settings').put({ value: { fontSize: 21 }, updatedAt: 50 }, 'current');
  await tx.objectStore('acknowledgements').put({ workId: 'alpha', updatedAt: 60 });
  await tx.objectStore('speedSamples').add({ workId: 'alpha', words: 250, ms: 60_000, updatedAt: 70 });
  await tx.objectStore('speedSamples').add({ workId: 'beta', words: 120, ms: 30_000, updatedAt: 71 });
  await tx.objectStore('bookmarks').put({ id: 'm1', workId: 'alpha', locator: place(), snippet: 'a dark', createdAt: 80, updatedAt: 80 });
  await tx.done;
  db.close();
}

describe('migration v2 → v3', () => {
  it('keeps every record, orders places by their time, and adds empty highlights, tombstones, stats and meta', async () => {
    const factory = freshIdb();
    await plantV2(factory);
    const store = await openStore({ works, indexedDB: factory, channelName: channelName(), onProblem: () => {} });
    expect(await store.getPosition('alpha')).toEqual(place({ block: 3, updatedAt: 111 }));
    expect((await store.getPosition('beta'))?.block).toBe(1);
    expect(await store.getSettings((raw) => raw)).toEqual({ fontSize: 21 });
    expect(await store.isAcknowledged('alpha')).toBe(true);
    expect(await store.getSpeedSamples()).toHaveLength(2);
    expect((await store.listBookmarks('alpha')).map((b) => b.id)).toEqual(['m1']);
    store.close();

    const db = await rawOpen(factory, DB_VERSION);
    expect((await db.getAll('positions')).map((p: { workId: string; seq: unknown }) => [p.workId, p.seq])).toEqual([
      ['alpha', 111],
      ['beta', 222],
      ['gamma', 0], // damaged: carried over (refused on read), never dropped
    ]);
    expect(await db.count('speedSamples')).toBe(2);
    expect(await db.count('bookmarks')).toBe(1);
    for (const name of ['highlights', 'tombstones', 'stats', 'meta']) expect(await db.count(name)).toBe(0);
    expect([...db.transaction('highlights').store.indexNames]).toEqual(['workId']);
    expect([...db.transaction('stats').store.indexNames]).toEqual(['day']);
    db.close();
  });

  it('a place written after the migration wins only when newer than the migrated one', async () => {
    const factory = freshIdb();
    await plantV2(factory);
    const store = await openStore({ works, indexedDB: factory, channelName: channelName(), onProblem: () => {} });
    expect(await store.putPosition(place({ block: 9, updatedAt: 100 }))).toBe(false);
    expect(await store.putPosition(place({ block: 8, updatedAt: 112 }))).toBe(true);
    expect((await store.getPosition('alpha'))?.block).toBe(8);
    store.close();
  });
});
