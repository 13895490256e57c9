/** Issue 15: connections that die (iOS "Connection to Indexed Database server lost", InvalidStateError). */
import { IDBObjectStore as FakeIDBObjectStore, forceCloseDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isConnectionLost } from '../../../src/storage/idb-backend';
import { MESSAGES } from '../../../src/storage/status';
import { openStore } from '../../../src/storage/store';
import type { StorageStatus } from '../../../src/storage/types';
import { channelName, place, trackingFactory, works } from './helpers';

afterEach(() => vi.restoreAllMocks());

const lost = () => new DOMException('Connection to Indexed Database server lost. Refresh the page to try again', 'UnknownError');

function statuses(store: { onStatus(l: (s: StorageStatus) => void): () => void }) {
  const seen: StorageStatus[] = [];
  store.onStatus((s) => seen.push(s));
  return seen;
}

/** Makes the next `times` puts fail as a lost connection does. */
function loseConnection(times: number) {
  let left = times;
  const put = FakeIDBObjectStore.prototype.put;
  return vi.spyOn(FakeIDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
    if (left-- > 0) throw lost();
    return put.apply(this, args);
  });
}

describe('dead connections are never kept', () => {
  it('knows the errors of a dead connection', () => {
    expect(isConnectionLost(lost())).toBe(true);
    expect(isConnectionLost(new DOMException('closed', 'InvalidStateError'))).toBe(true);
    expect(isConnectionLost(new DOMException('full', 'QuotaExceededError'))).toBe(false);
    expect(isConnectionLost(new DOMException('something else', 'UnknownError'))).toBe(false);
  });

  it('a connection lost under a write: a new connection is opened and the write lands', async () => {
    const { factory, connections } = trackingFactory();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    const seen = statuses(store);
    loseConnection(1);
    expect(await store.putPosition(place({ block: 4, updatedAt: 5 }))).toBe(true);
    expect(connections).toHaveLength(2);
    expect(seen.at(-1)).toEqual({ kind: 'ok' });
    vi.restoreAllMocks();
    const other = await openStore({ works, indexedDB: factory, channelName: channelName() });
    expect((await other.getPosition('alpha'))?.block).toBe(4);
    other.close();
    store.close();
  });

  it('a connection closed under the store (the browser closed it) is replaced, settings too', async () => {
    const { factory, connections } = trackingFactory();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    const [first] = connections;
    if (!first) throw new Error('no connection');
    first.close(); // no close event: the next transaction() throws InvalidStateError
    await store.putSettings({ fontSize: 19 });
    forceCloseDatabase(connections[1] as unknown as Parameters<typeof forceCloseDatabase>[0]);
    await store.acknowledge('beta');
    expect(connections).toHaveLength(3);
    const other = await openStore({ works, indexedDB: factory, channelName: channelName() });
    expect(await other.getSettings((r) => r)).toEqual({ fontSize: 19 });
    expect(await other.isAcknowledged('beta')).toBe(true);
    other.close();
    store.close();
  });

  it('a write that cannot land even on a new connection is kept, said so, and written later: nothing lost', async () => {
    const { factory, connections } = trackingFactory();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    const seen = statuses(store);
    loseConnection(2); // the write and its one retry
    expect(await store.putPosition(place({ block: 6, updatedAt: 7 }))).toBe(true);
    expect(seen.at(-1)).toEqual({ kind: 'error', message: MESSAGES.writeError });
    // Held in memory: this tab still reads it, and an export holds it.
    expect((await store.getPosition('alpha'))?.block).toBe(6);
    expect((await store.exportData()).positions.map((p) => p.block)).toEqual([6]);
    const opened = connections.length;

    // The page becomes visible again: a fresh connection, and the held write lands.
    await store.resume();
    expect(connections.length).toBe(opened + 1);
    expect(seen.at(-1)).toEqual({ kind: 'ok' });
    const other = await openStore({ works, indexedDB: factory, channelName: channelName() });
    expect((await other.getPosition('alpha'))?.block).toBe(6);
    other.close();
    store.close();
  });

  it('resume() when all is well opens a fresh connection and loses nothing', async () => {
    const { factory, connections } = trackingFactory();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    await store.putPosition(place({ block: 1, updatedAt: 1 }));
    await store.resume();
    expect(await store.putPosition(place({ block: 2, updatedAt: 2 }))).toBe(true);
    expect(connections).toHaveLength(2);
    expect((await store.getPosition('alpha'))?.block).toBe(2);
    store.close();
  });
});
