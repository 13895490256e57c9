import { DB_VERSION } from '../../../src/storage/db';
import { IDBDatabase as FakeIDBDatabase, IDBObjectStore as FakeIDBObjectStore, forceCloseDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../../src/storage/status';
import { handOver } from '../../../src/storage/lifecycle';
import { createPositionWriter } from '../../../src/storage/position-writer';
import { createStore, openStore } from '../../../src/storage/store';
import type { ReadingStore, StorageStatus } from '../../../src/storage/types';
import { channelName, createV2Stores, freshIdb, place, rawOpen, trackingFactory, until, works } from './helpers';

afterEach(() => vi.restoreAllMocks());

function statuses(store: { onStatus(l: (s: StorageStatus) => void): () => void }) {
  const seen: StorageStatus[] = [];
  store.onStatus((s) => seen.push(s));
  return seen;
}

describe('IndexedDB unavailable → memory, and the reader keeps reading', () => {
  it('no indexedDB at all', async () => {
    const store = await openStore({ works, indexedDB: undefined, channelName: channelName() });
    expect(statuses(store).at(-1)).toEqual({ kind: 'memory', message: MESSAGES.memory });
    expect(MESSAGES.memory).toMatch(/won't be kept on this device/);
    expect(await store.putPosition(place())).toBe(true);
    expect(await store.getPosition('alpha')).toEqual(place());
    await store.putSettings({ fontSize: 20 });
    expect(await store.getSettings((r) => r)).toEqual({ fontSize: 20 });
    store.close();
  });

  it('open throws (e.g. storage disabled)', async () => {
    const factory = freshIdb();
    factory.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    expect(statuses(store).at(-1)?.kind).toBe('memory');
    await store.putPosition(place());
    expect(await store.getPosition('alpha')).toEqual(place());
    store.close();
  });

  it('the upgrade fails → memory, and the old data is left as it was', async () => {
    const factory = freshIdb();
    const v1 = await rawOpen(factory, 1, (db) => {
      db.createObjectStore('positions', { keyPath: 'workId' });
      db.createObjectStore('settings');
    });
    await v1.put('positions', { workId: 'alpha', sectionId: 'a1', block: 1, offset: 0, progression: 0, totalProgression: 0, savedAt: 5 });
    v1.close();
    vi.spyOn(FakeIDBDatabase.prototype, 'createObjectStore').mockImplementation(() => {
      throw new DOMException('disk trouble', 'UnknownError');
    });
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    vi.restoreAllMocks();
    expect(statuses(store).at(-1)?.kind).toBe('memory');
    expect(await store.putPosition(place())).toBe(true);
    store.close();
    const after = await rawOpen(factory, 1);
    expect(after.version).toBe(1);
    expect(await after.get('positions', 'alpha')).toMatchObject({ block: 1, savedAt: 5 });
    after.close();
  });

  it('the database is newer than this code (another tab updated Quire) → memory, saying to reload', async () => {
    const factory = freshIdb();
    (await rawOpen(factory, 9, () => {})).close();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    expect(statuses(store).at(-1)).toEqual({ kind: 'memory', message: MESSAGES.newerVersion });
    store.close();
  });
});

describe('QuotaExceededError on a write', () => {
  const quota = () =>
    vi.spyOn(FakeIDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

  it('says so, keeps the place in memory, loses nothing stored, and the retry writes it', async () => {
    const factory = freshIdb();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    const seen = statuses(store);
    await store.putPosition(place({ block: 1, updatedAt: 1 }));
    await store.putSettings({ fontSize: 17 });

    const spy = quota();
    expect(await store.putPosition(place({ block: 6, updatedAt: 2 }))).toBe(true);
    await store.putSettings({ fontSize: 30 });
    expect(seen.at(-1)).toEqual({ kind: 'quota', message: MESSAGES.quota });
    // The reader still sees its newest place and settings...
    expect((await store.getPosition('alpha'))?.block).toBe(6);
    expect(await store.getSettings((r) => r)).toEqual({ fontSize: 30 });
    // ...a flush while still full changes nothing...
    await store.flush();
    expect(seen.at(-1)?.kind).toBe('quota');
    // ...and what was stored before is intact on disk.
    const other = await openStore({ works, indexedDB: factory, channelName: channelName() });
    expect((await other.getPosition('alpha'))?.block).toBe(1);
    expect(await other.getSettings((r) => r)).toEqual({ fontSize: 17 });

    spy.mockRestore();
    await store.flush();
    expect(seen.at(-1)).toEqual({ kind: 'ok' });
    expect((await other.getPosition('alpha'))?.block).toBe(6);
    expect(await other.getSettings((r) => r)).toEqual({ fontSize: 30 });
    store.close();
    other.close();
  });

  it('retries on its own timer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const factory = freshIdb();
      const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
      const seen = statuses(store);
      const spy = quota();
      await store.acknowledge('beta');
      expect(seen.at(-1)?.kind).toBe('quota');
      spy.mockRestore();
      await vi.advanceTimersByTimeAsync(60_000);
      vi.useRealTimers();
      await until(() => seen.at(-1)?.kind === 'ok');
      const other = await openStore({ works, indexedDB: factory, channelName: channelName() });
      expect(await other.isAcknowledged('beta')).toBe(true);
      store.close();
      other.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('an older place written while a newer one waits does not replace it', async () => {
    const factory = freshIdb();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    const spy = quota();
    await store.putPosition(place({ block: 7, updatedAt: 50 }));
    spy.mockRestore();
    expect(await store.putPosition(place({ block: 1, updatedAt: 40 }))).toBe(false);
    await store.flush();
    expect((await store.getPosition('alpha'))?.block).toBe(7);
    store.close();
  });

  it('an import that does not fit changes nothing and says why', async () => {
    const factory = freshIdb();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    await store.putPosition(place({ updatedAt: 1 }));
    const file = await store.exportData();
    file.positions = [place({ block: 8, updatedAt: 99 }), place({ workId: 'beta', sectionId: 'b1', block: 1, updatedAt: 99 })];
    const spy = quota();
    const result = await store.importData(file);
    spy.mockRestore();
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/enough space.*Nothing was changed/) });
    expect((await store.getPosition('alpha'))?.block).toBe(2);
    expect(await store.getPosition('beta')).toBeUndefined();
    store.close();
  });
});

describe('versions held open by other tabs', () => {
  it('blocked: an older tab that never closes → the store works in memory at once and says why; the kept writes land once it closes', async () => {
    const factory = freshIdb();
    let release = () => {};
    // An "old tab" at v2 with a place stored, ignoring versionchange until released.
    const old = await rawOpen(factory, 2, createV2Stores, () => (release = () => old.close()));
    await old.put('positions', place({ workId: 'beta', sectionId: 'b1', block: 2, updatedAt: 50 }));
    const lateOpen = vi.fn();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName(), onLateOpen: lateOpen });
    const seen = statuses(store);
    expect(seen.at(-1)).toEqual({ kind: 'blocked', message: MESSAGES.blocked });
    expect(MESSAGES.blocked).toMatch(/^Quire is open in another tab with an older version: close it to finish updating/);
    const heard: string[] = [];
    store.onPositionChange((l) => heard.push(`${l.workId}/${l.block}`));
    // Reading goes on in memory: nothing waits for the other tab.
    expect(await store.putPosition(place({ block: 6, updatedAt: 100 }))).toBe(true);
    expect((await store.getPosition('alpha'))?.block).toBe(6);
    await store.putSettings({ fontSize: 25 });
    expect(await store.getPosition('beta')).toBeUndefined(); // not readable until the upgrade
    release();
    await until(() => lateOpen.mock.calls.length === 1);
    expect(seen.at(-1)).toEqual({ kind: 'ok' });
    expect(heard).toEqual(['beta/2']); // the stored place, made known once readable
    const other = await openStore({ works, indexedDB: factory, channelName: channelName() });
    expect((await other.getPosition('alpha'))?.block).toBe(6);
    expect((await other.getPosition('beta'))?.block).toBe(2);
    expect(await other.getSettings((r) => r)).toEqual({ fontSize: 25 });
    other.close();
    store.close();
  });

  it('an open that never answers: the store carries on in memory after the timeout and says so', async () => {
    const factory = freshIdb();
    const open = factory.open.bind(factory);
    factory.open = (name: string, version?: number) => {
      const request = open(name, version);
      request.addEventListener = () => {}; // nothing it does is ever heard
      return request;
    };
    const started = Date.now();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName(), openTimeoutMs: 50 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(statuses(store).at(-1)).toEqual({ kind: 'error', message: MESSAGES.slow });
    expect(await store.putPosition(place({ block: 3 }))).toBe(true);
    expect((await store.getPosition('alpha'))?.block).toBe(3);
    expect((await store.exportData()).positions).toHaveLength(1);
    store.close();
  });

  it('createStore returns at once; operations wait for a prompt open', async () => {
    const factory = freshIdb();
    const first = await openStore({ works, indexedDB: factory, channelName: channelName() });
    await first.putPosition(place({ block: 5 }));
    first.close();
    const store = createStore({ works, indexedDB: factory, channelName: channelName() });
    const read = store.getPosition('alpha'); // asked before the open finished
    expect((await read)?.block).toBe(5);
    expect(statuses(store).at(-1)).toEqual({ kind: 'ok' });
    store.close();
  });

  it('blocking: a newer opener calls onBlocking; once the app closes, the upgrade goes ahead', async () => {
    const factory = freshIdb();
    const onBlocking = vi.fn();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName(), onBlocking });
    await store.putPosition(place());
    let upgraded = false;
    const newer = rawOpen(factory, DB_VERSION + 1, () => (upgraded = true));
    await until(() => onBlocking.mock.calls.length > 0);
    expect(upgraded).toBe(false);
    store.close();
    (await newer).close();
    expect(upgraded).toBe(true);
  });

  it("the app's onBlocking (handOver) writes the position writer's pending place before closing", async () => {
    const factory = freshIdb();
    const reload = vi.fn();
    const store: ReadingStore = createStore({
      works,
      indexedDB: factory,
      channelName: channelName(),
      onBlocking: () => void handOver(() => writer.flush(), store, reload),
    });
    const writer = createPositionWriter(store);
    await store.ready;
    writer.schedule(place({ block: 1, updatedAt: 1 })); // written at once (in flight)
    writer.schedule(place({ block: 7, updatedAt: 2 })); // waits for it: the pending place
    const newer = await rawOpen(factory, DB_VERSION + 1, () => {});
    expect((await newer.get('positions', 'alpha'))?.block).toBe(7);
    expect(reload).toHaveBeenCalledOnce();
    newer.close();
  });

  it('blocking without a hook: flushes waiting writes, then closes so the upgrade can proceed', async () => {
    const factory = freshIdb();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    const spy = vi.spyOn(FakeIDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await store.putPosition(place({ block: 5 }));
    spy.mockRestore();
    const newer = await rawOpen(factory, DB_VERSION + 1, () => {});
    expect((await newer.get('positions', 'alpha'))?.block).toBe(5);
    newer.close();
    await expect(store.getPosition('alpha')).rejects.toThrow(/closed/);
  });
});

describe('terminated', () => {
  it('the browser closes the connection → the next use reopens and nothing is lost', async () => {
    const { factory, connections } = trackingFactory();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    await store.putPosition(place({ block: 3, updatedAt: 1 }));
    expect(connections).toHaveLength(1);
    const [first] = connections;
    if (!first) throw new Error('no connection was opened');
    // fake-indexeddb's types name the class where it takes an instance.
    forceCloseDatabase(first as unknown as Parameters<typeof forceCloseDatabase>[0]);
    expect(await store.putPosition(place({ block: 4, updatedAt: 2 }))).toBe(true);
    expect(connections).toHaveLength(2);
    expect((await store.getPosition('alpha'))?.block).toBe(4);
    store.close();
  });

  it('a connection closed before its close event arrived is reopened too', async () => {
    const { factory, connections } = trackingFactory();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    connections[0]?.close();
    expect(await store.putPosition(place())).toBe(true);
    expect(connections).toHaveLength(2);
    store.close();
  });
});
