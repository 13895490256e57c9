import { describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../../src/storage/db';
import { openStore } from '../../../src/storage/store';
import { channelName, freshIdb, rawOpen, works } from './helpers';

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

describe('migration v1 → v2', () => {
  it('keeps every place and the settings, and adds the new stores', async () => {
    expect(DB_VERSION).toBe(2);
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

  it('stores migrated records in the v2 shape (savedAt gone, updatedAt set)', async () => {
    const factory = freshIdb();
    await plantV1(factory);
    (await openStore({ works, indexedDB: factory, channelName: channelName() })).close();
    const db = await rawOpen(factory, 2);
    const alpha = await db.get('positions', 'alpha');
    expect(alpha).not.toHaveProperty('savedAt');
    expect(alpha.updatedAt).toBe(111);
    expect(await db.get('settings', 'current')).toEqual({ value: { fontSize: 20, theme: 'sepia' }, updatedAt: 0 });
    expect([...db.objectStoreNames].sort()).toEqual(['acknowledgements', 'bookmarks', 'positions', 'settings', 'speedSamples']);
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
