/** `openStore()`: the ReadingStore over IndexedDB, or over memory when IndexedDB can't be used. See ./README.md. */
import { createBookmarks } from './bookmarks';
import { createCore, openFailureMessage } from './core';
import { createHighlights } from './highlights';
import { createIdbBackend } from './idb-backend';
import { createImportExport } from './import-export';
import { createMeta } from './meta';
import { createPlaces } from './places';
import { MESSAGES } from './status';
import { createSettingsRecord } from './settings-record';
import type { ReadingStore, StoreOptions } from './types';

/**
 * Opens the reading store. Never rejects for storage reasons: when IndexedDB is missing or
 * refuses to open, the store keeps everything in memory and its status says so. Resolves
 * early (status 'blocked') when another tab holds an older version open.
 */
export async function openStore(options: StoreOptions): Promise<ReadingStore> {
  const core = createCore(options);
  let ready = false;
  let blockingEarly = false;

  const factory = findFactory(options);
  if (!factory) {
    core.useMemory(MESSAGES.memory);
  } else {
    let signalBlocked = () => {};
    const blocked = new Promise<void>((resolve) => (signalBlocked = resolve));
    const idb = createIdbBackend(factory, {
      blocked: () => {
        core.status.update({ blocked: true });
        signalBlocked();
      },
      opened: () => core.status.update({ blocked: false }),
      blocking: () => handleBlocking(),
    });
    core.setBackend(idb);
    try {
      await Promise.race([idb.open(), blocked]);
    } catch (error) {
      core.useMemory(openFailureMessage(error));
    }
  }

  function handleBlocking(): void {
    if (options.onBlocking) return options.onBlocking();
    if (!ready) {
      blockingEarly = true; // handled once the store exists, below
      return;
    }
    void (async () => {
      await store.flush();
      store.close();
      if (typeof location !== 'undefined') location.reload();
    })();
  }

  const places = createPlaces(core, { channelName: options.channelName ?? 'quire', pageLeaving: options.pageLeaving ?? (() => false) });
  const store: ReadingStore = {
    ...places.api,
    ...createSettingsRecord(core),
    ...createBookmarks(core),
    ...createHighlights(core),
    ...createImportExport(core, places.announce),
    ...createMeta(core),
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
  ready = true;
  if (blockingEarly) handleBlocking();
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
