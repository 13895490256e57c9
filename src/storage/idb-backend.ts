/** The IndexedDB store: one connection promise, one transaction per operation, reopened when the browser closes it. */
import { unwrap, type IDBPTransaction, type StoreNames } from 'idb';
import { KEEP_SPEED_SAMPLES, type Backend, type RawDump } from './backend';
import { mergeInTx } from './idb-merge';
import { ALL_STORES, openQuireDb, SETTINGS_KEY, type QuireDB, type QuireSchema } from './db';
import { placeWins } from './order';

/** The database could not be opened (unavailable, refused, or newer than this code). */
export class OpenError extends Error {
  override readonly name = 'OpenError';
  constructor(override readonly cause: unknown) {
    super(`IndexedDB could not be opened: ${errorName(cause)}`);
  }
}

/** What the store hears about the connection. */
export interface IdbBackendEvents {
  /** An older connection in another tab holds up our open. */
  blocked(): void;
  /** Our open succeeded (after a block, or a reopen). */
  opened(): void;
  /** Our connection holds up another tab's upgrade. */
  blocking(): void;
}

/** The IndexedDB backend, plus `open()` to connect now (so a failure is known at start). */
export interface IdbBackend extends Backend {
  open(): Promise<void>;
}

/**
 * True for the errors of a connection that died under us: InvalidStateError (closed before its
 * close event arrived) and WebKit's "Connection to Indexed Database server lost" (UnknownError).
 */
export function isConnectionLost(error: unknown): boolean {
  const name = errorName(error);
  if (name === 'InvalidStateError') return true;
  const message = typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : '';
  return name === 'UnknownError' && /connection to indexed database server lost/i.test(message);
}

/** The name of an error, for matching DOMExceptions across realms. */
export function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : String(error);
}

type Mode = 'readonly' | 'readwrite';
/** The few store methods the generic record operations use, without idb's per-store typing. */
interface IDBPObjectStoreLike {
  getAll(): Promise<unknown[]>;
  put(value: unknown): Promise<unknown>;
  index(name: string): { getAll(query: IDBValidKey): Promise<unknown[]> };
}
type Names = StoreNames<QuireSchema>;

/** Creates the IndexedDB backend on `factory`. Nothing is opened until first use or `open()`. */
export function createIdbBackend(factory: IDBFactory, events: IdbBackendEvents): IdbBackend {
  let dbPromise: Promise<QuireDB> | null = null;
  /** The open connection, once there is one, for writes that can't wait for a promise. */
  let openDb: QuireDB | null = null;
  let closed = false;

  function connect(): Promise<QuireDB> {
    if (closed) return Promise.reject(new Error('Quire storage is closed'));
    if (dbPromise) return dbPromise;
    let opening: Promise<QuireDB>;
    try {
      opening = openQuireDb(factory, {
        blocked: events.blocked,
        blocking: events.blocking,
        // The browser dropped the connection: the next operation opens a new one.
        terminated: () => {
          if (dbPromise === current) dbPromise = null;
          openDb = null;
        },
      });
    } catch (error) {
      return Promise.reject(new OpenError(error));
    }
    const current: Promise<QuireDB> = opening.then(
      (db) => {
        if (closed) db.close();
        else openDb = db;
        events.opened();
        return db;
      },
      (error: unknown) => {
        if (dbPromise === current) dbPromise = null;
        throw new OpenError(error);
      },
    );
    dbPromise = current;
    return current;
  }

  /** Forgets the connection (closing it once its transactions end): the next operation opens a new one. */
  function drop(): void {
    const old = dbPromise;
    dbPromise = null;
    openDb = null;
    old?.then((db) => db.close()).catch(() => {});
  }

  /** Runs `body` in one transaction and resolves after it commits. */
  async function once<N extends Names[], M extends Mode, T>(
    names: N,
    mode: M,
    body: (tx: IDBPTransaction<QuireSchema, N, M>) => Promise<T>,
  ): Promise<T> {
    const db = await connect();
    const tx = db.transaction(names, mode);
    const done = tx.done;
    done.catch(() => {}); // observed below; this keeps an abort after a thrown body from going unhandled
    try {
      const result = await body(tx);
      await done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // already finished
      }
      throw error;
    }
  }

  /**
   * `once`, and if the connection turns out dead (closed under us, or lost as iOS loses it when
   * the app comes back from the background), a new connection and one more try.
   */
  async function inTx<N extends Names[], M extends Mode, T>(
    names: N,
    mode: M,
    body: (tx: IDBPTransaction<QuireSchema, N, M>) => Promise<T>,
  ): Promise<T> {
    try {
      return await once(names, mode, body);
    } catch (error) {
      if (!isConnectionLost(error)) throw error;
      drop();
      return once(names, mode, body);
    }
  }

  return {
    open: async () => {
      await connect();
    },
    reconnect: drop,
    getPosition: (workId) => inTx(['positions'], 'readonly', (tx) => tx.objectStore('positions').get(workId)),
    putPositionIfNewer: (place, now) =>
      inTx(['positions'], 'readwrite', async (tx) => {
        const store = tx.objectStore('positions');
        if (!placeWins(await store.get(place.workId), place.seq, now)) return false;
        await store.put(place);
        return true;
      }),
    putPositionAtOnce(place) {
      if (!openDb) return undefined;
      let tx: IDBTransaction;
      try {
        tx = (unwrap(openDb) as IDBDatabase).transaction('positions', 'readwrite');
      } catch {
        openDb = null; // closed under us: the caller takes the usual path, which reopens
        return undefined;
      }
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error ?? new DOMException('The write was aborted.', 'AbortError'));
      });
      tx.objectStore('positions').put(place);
      tx.commit();
      return done;
    },
    getSettings: () => inTx(['settings'], 'readonly', (tx) => tx.objectStore('settings').get(SETTINGS_KEY)),
    putSettings: (record) =>
      inTx(['settings'], 'readwrite', async (tx) => {
        const put = tx.objectStore('settings').put(record, SETTINGS_KEY);
        // Commit at once: a page being reloaded drops a transaction left to auto-commit.
        tx.commit();
        await put;
      }),
    getAcknowledgement: (workId) => inTx(['acknowledgements'], 'readonly', (tx) => tx.objectStore('acknowledgements').get(workId)),
    putAcknowledgement: (record) =>
      inTx(['acknowledgements'], 'readwrite', async (tx) => {
        await tx.objectStore('acknowledgements').put(record);
      }),
    clearAcknowledgements: () => inTx(['acknowledgements'], 'readwrite', (tx) => tx.objectStore('acknowledgements').clear()),
    addSpeedSample: (sample) =>
      inTx(['speedSamples'], 'readwrite', async (tx) => {
        const store = tx.objectStore('speedSamples');
        await store.add({ ...sample });
        // Only recent reading counts for the speed: keep the newest KEEP_SPEED_SAMPLES, drop the oldest.
        let extra = (await store.count()) - KEEP_SPEED_SAMPLES;
        for (let cursor = extra > 0 ? await store.openCursor() : null; cursor && extra > 0; cursor = await cursor.continue(), extra--) {
          await cursor.delete();
        }
      }),
    getSpeedSamples: () => inTx(['speedSamples'], 'readonly', (tx) => tx.objectStore('speedSamples').getAll()),
    listBookmarks: (workId) => inTx(['bookmarks'], 'readonly', (tx) => tx.objectStore('bookmarks').index('workId').getAll(workId)),
    putBookmark: (bookmark) =>
      inTx(['bookmarks'], 'readwrite', async (tx) => {
        await tx.objectStore('bookmarks').put(bookmark);
      }),
    deleteBookmark: (id) => inTx(['bookmarks'], 'readwrite', (tx) => tx.objectStore('bookmarks').delete(id)),
    dump: () =>
      inTx(['positions', 'settings', 'acknowledgements', 'speedSamples', 'bookmarks', 'highlights', 'tombstones'], 'readonly', async (tx): Promise<RawDump> => {
        const [positions, settings, acknowledgements, speedSamples, bookmarks, highlights, tombstones] = await Promise.all([
          tx.objectStore('positions').getAll(),
          tx.objectStore('settings').get(SETTINGS_KEY),
          tx.objectStore('acknowledgements').getAll(),
          tx.objectStore('speedSamples').getAll(),
          tx.objectStore('bookmarks').getAll(),
          tx.objectStore('highlights').getAll(),
          tx.objectStore('tombstones').getAll(),
        ]);
        return { positions, settings: settings ?? null, acknowledgements, speedSamples, bookmarks, highlights, tombstones };
      }),
    // One pass per store: read it whole, decide in maps, then put (no read per record).
    merge: (data, now, progress) => inTx(ALL_STORES, 'readwrite', (tx) => mergeInTx(tx, data, now, progress)),
    getRecord: (name, key) => inTx([name], 'readonly', (tx) => tx.objectStore(name).get(key)),
    listRecords: (name, index) =>
      inTx([name], 'readonly', (tx) => {
        const store = tx.objectStore(name) as unknown as IDBPObjectStoreLike;
        return index ? store.index(index.name).getAll(index.value) : store.getAll();
      }),
    putRecord: (name, record) =>
      inTx([name], 'readwrite', async (tx) => {
        await (tx.objectStore(name) as unknown as IDBPObjectStoreLike).put(record);
      }),
    deleteRecord: (name, key) => inTx([name], 'readwrite', (tx) => tx.objectStore(name).delete(key)),
    close() {
      closed = true;
      openDb = null;
      const pending = dbPromise;
      dbPromise = null;
      pending?.then((db) => db.close()).catch(() => {});
    },
  };
}
