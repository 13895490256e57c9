/** `createStore()` / `openStore()`: the ReadingStore over IndexedDB, or over memory when IndexedDB can't be used. See ./README.md. */
import { createBookmarks } from './bookmarks';
import { createCore, openFailureMessage } from './core';
import { createHighlights } from './highlights';
import { createIdbBackend } from './idb-backend';
import { createImportExport } from './import-export';
import { createMeta } from './meta';
import { createPlaces } from './places';
import { createSettingsRecord } from './settings-record';
import { createStats } from './stats';
import { MESSAGES } from './status';
import type { ReadingStore, StoreOptions } from './types';

/** How long the database may take to open before the store carries on in memory (and says so). */
export const OPEN_TIMEOUT_MS = 3_000;

/**
 * Makes the store at once and starts opening the database, so the app can render meanwhile.
 * Operations wait for the open, but never longer than `openTimeoutMs`, and not at all once it is
 * blocked by an older tab: then they run in memory, every write kept and written through when
 * the database opens. Never throws for storage reasons.
 */
export function createStore(options: StoreOptions): ReadingStore {
  const core = createCore(options);
  const places = createPlaces(core, { channelName: options.channelName ?? 'quire', pageLeaving: options.pageLeaving ?? (() => false) });

  const handleBlocking = () => {
    if (options.onBlocking) return options.onBlocking();
    void (async () => {
      await store.flush();
      store.close();
      if (typeof location !== 'undefined') location.reload();
    })();
  };

  const factory = findFactory(options);
  if (!factory) {
    core.useMemory(MESSAGES.memory);
  } else {
    const idb = createIdbBackend(factory, {
      blocked: () => {
        core.status.update({ blocked: true });
        core.fallBack();
      },
      opened: () => core.status.update({ blocked: false }),
      blocking: handleBlocking,
    });
    const timer = setTimeout(() => {
      core.status.update({ slow: true });
      core.fallBack();
    }, options.openTimeoutMs ?? OPEN_TIMEOUT_MS);
    idb.open().then(
      async () => {
        clearTimeout(timer);
        if (core.isClosed()) return;
        if (!core.useDatabase(idb)) return;
        // Late: what was kept meanwhile is written, and what the database holds is made known.
        await core.retryNow();
        await places.announce(options.works.map((w) => w.id));
        options.onLateOpen?.();
      },
      (error: unknown) => {
        clearTimeout(timer);
        core.useMemory(openFailureMessage(error));
      },
    );
  }

  const stats = createStats(core);
  const store: ReadingStore = {
    ...places.api,
    listStats: stats.listStats,
    putStats: stats.putStats,
    clearStats: stats.clearStats,
    ...createSettingsRecord(core),
    ...createBookmarks(core),
    ...createHighlights(core),
    ...createImportExport(core, places.announce, stats),
    ...createMeta(core),
    ready: core.decided,
    async flush() {
      if (core.isClosed()) return;
      await core.retryNow();
    },
    async resume() {
      if (core.isClosed()) return;
      core.reconnect();
      await core.retryNow();
    },
    onStatus: (listener) => core.status.subscribe(listener),
    close() {
      if (core.isClosed()) return;
      places.close();
      core.close();
    },
  };
  return store;
}

/** `createStore`, resolved once operations can run (the database open, or the store in memory). */
export async function openStore(options: StoreOptions): Promise<ReadingStore> {
  const store = createStore(options);
  await store.ready;
  return store;
}

/** The IndexedDB factory to use, or undefined when there is none (or touching it throws). */
function findFactory(options: StoreOptions): IDBFactory | undefined {
  if ('indexedDB' in options) return options.indexedDB;
  try {
    return globalThis.indexedDB ?? undefined;
  } catch {
    return undefined;
  }
}
