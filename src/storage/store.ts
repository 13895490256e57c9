/** `openStore()`: the ReadingStore over IndexedDB, or over memory when IndexedDB can't be used. See ./README.md. */
import type { Locator } from '../reader/locator';
import { isNewer, type Backend } from './backend';
import { checkDump, checkExportFile, toExportFile } from './backup';
import { openPositionChannel } from './broadcast';
import { createIdbBackend, errorName, OpenError } from './idb-backend';
import { pageLeaving } from './lifecycle';
import { createMemoryBackend } from './memory';
import { applyWrite, pendingKey, PendingWrites, type PendingWrite } from './pending';
import { createStatusHub, MESSAGES } from './status';
import type { Bookmark, ImportResult, ReadingStore, StorageProblem, StoreOptions } from './types';
import { checkAcknowledgement, checkBookmark, checkLocator, checkLocatorShape, checkSettingsRecord, checkSpeedSample, indexWorks, type Checked } from './validate';

const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;

/**
 * Opens the reading store. Never rejects for storage reasons: when IndexedDB is missing or
 * refuses to open, the store keeps everything in memory and its status says so. Resolves
 * early (status 'blocked') when another tab holds an older version open.
 */
export async function openStore(options: StoreOptions): Promise<ReadingStore> {
  const works = indexWorks(options.works);
  const now = options.now ?? Date.now;
  const report = options.onProblem ?? ((p: StorageProblem) => console.warn(`Quire storage: ${p.action} ${p.store} "${p.key}": ${p.reason}`));
  const status = createStatusHub();
  const pending = new PendingWrites();
  /** The newest place known here per work, so news from other tabs is passed on only when newer. */
  const lastSeen = new Map<string, Locator>();
  const positionListeners = new Set<(locator: Locator) => void>();
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = RETRY_FIRST_MS;
  let retrying: Promise<void> | null = null;

  const useMemory = (message: string) => {
    backend.close();
    backend = createMemoryBackend();
    status.update({ memory: message, blocked: false });
  };

  let backend: Backend = createMemoryBackend();
  const factory = findFactory(options);
  if (!factory) {
    useMemory(MESSAGES.memory);
  } else {
    let signalBlocked = () => {};
    const blocked = new Promise<void>((resolve) => (signalBlocked = resolve));
    const idb = createIdbBackend(factory, {
      blocked: () => {
        status.update({ blocked: true });
        signalBlocked();
      },
      opened: () => status.update({ blocked: false }),
      blocking: () => handleBlocking(),
    });
    backend = idb;
    try {
      await Promise.race([idb.open(), blocked]);
    } catch (error) {
      useMemory(openFailureMessage(error));
    }
  }

  const channel = openPositionChannel(options.channelName ?? 'quire', (raw) => {
    const checked = checkLocator(raw, works);
    if (!checked.ok || !isNewer(lastSeen.get(checked.value.workId), checked.value)) return;
    lastSeen.set(checked.value.workId, checked.value);
    for (const listener of positionListeners) listener(checked.value);
  });

  let ready = false;
  let blockingEarly = false;
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

  /** Runs one backend operation; if the database can't be (re)opened, carries on in memory. */
  async function run<T>(op: (b: Backend) => Promise<T>): Promise<T> {
    if (closed) throw new Error('Quire storage is closed');
    const used = backend;
    try {
      return await op(used);
    } catch (error) {
      if (!(error instanceof OpenError)) throw error;
      if (backend === used) useMemory(openFailureMessage(error));
      return op(backend);
    }
  }

  /** A read that never throws for storage reasons: on failure, the fallback and a note. */
  async function read<T>(op: (b: Backend) => Promise<T>, fallback: T, store: StorageProblem['store'], key: string): Promise<T> {
    try {
      const value = await run(op);
      if (status.flags().readError) status.update({ readError: false });
      return value;
    } catch (error) {
      if (closed) throw error;
      report({ store, key, action: 'ignored', reason: `read failed: ${errorName(error)}` });
      status.update({ readError: true });
      return fallback;
    }
  }

  /** A write; on failure it waits in memory for a retry and the status says why. */
  async function write(item: PendingWrite): Promise<void> {
    const key = pendingKey(item);
    try {
      await run((b) => applyWrite(b, item));
      pending.settle(key, item);
    } catch (error) {
      if (closed || errorName(error) === 'DataCloneError') throw error;
      pending.hold(key, item);
      status.update({ waiting: errorName(error) === 'QuotaExceededError' ? 'quota' : 'error' });
      scheduleRetry();
      return;
    }
    if (pending.size === 0) status.update({ waiting: null });
  }

  function scheduleRetry(): void {
    if (retryTimer !== undefined || closed) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void retryNow();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
  }

  function retryNow(): Promise<void> {
    retrying ??= retryPending().finally(() => (retrying = null));
    return retrying;
  }

  async function retryPending(): Promise<void> {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
    for (const [key, item] of pending.entries()) {
      try {
        await run((b) => applyWrite(b, item));
        pending.settle(key, item);
      } catch (error) {
        if (closed) return;
        status.update({ waiting: errorName(error) === 'QuotaExceededError' ? 'quota' : 'error' });
        break;
      }
    }
    if (pending.size > 0) return scheduleRetry();
    retryDelay = RETRY_FIRST_MS;
    status.update({ waiting: null });
  }

  /** The checked value, or undefined; either way what was wrong is reported. */
  function checked<T>(result: Checked<T>, store: StorageProblem['store'], key: string): T | undefined {
    if (!result.ok) {
      report({ store, key, action: 'ignored', reason: result.reason });
      return undefined;
    }
    if (result.clamped) report({ store, key, action: 'clamped', reason: result.clamped });
    return result.value;
  }

  /**
   * After an import, this tab's listeners and other tabs hear of each place that is now newer
   * than the one they knew; otherwise an open app keeps its old place and writes it back over the import.
   */
  async function announceImported(workIds: readonly string[]): Promise<void> {
    for (const workId of new Set(workIds)) {
      if (!works.has(workId)) continue; // kept for another build, not shown here
      const known = lastSeen.get(workId);
      const place = await store.getPosition(workId);
      if (!place || !isNewer(known, place)) continue;
      for (const listener of positionListeners) listener(place);
      channel.post(place);
    }
  }

  const store: ReadingStore = {
    async getPosition(workId) {
      const raw = await read((b) => b.getPosition(workId), undefined, 'positions', workId);
      let place = raw === undefined ? undefined : checked(checkLocator(raw, works), 'positions', workId);
      if (place && place.workId !== workId) {
        report({ store: 'positions', key: workId, action: 'ignored', reason: `record is for "${place.workId}"` });
        place = undefined;
      }
      const held = pending.get(`position:${workId}`);
      if (held?.kind === 'position' && isNewer(place, held.value)) {
        place = checked(checkLocator(held.value, works), 'positions', workId) ?? place;
      }
      if (place && isNewer(lastSeen.get(workId), place)) lastSeen.set(workId, place);
      return place;
    },

    async putPosition(locator) {
      const shape = checkLocatorShape(locator);
      if (!shape.ok) throw new TypeError(`Quire storage: not a valid place: ${shape.reason}`);
      const place = shape.value;
      const key = `position:${place.workId}`;
      const held = pending.get(key);
      if (held && !isNewer(held.value, place)) return false;
      let accepted: boolean;
      try {
        accepted = await run((b) => {
          // A page going away can't wait for a read: compare with the newest place this tab
          // knows (its own and other tabs' news), then write and commit at once.
          const atOnce = pageLeaving() && isNewer(lastSeen.get(place.workId), place) ? b.putPositionAtOnce?.(place) : undefined;
          return atOnce ? atOnce.then(() => true) : b.putPositionIfNewer(place);
        });
        pending.settle(key, { kind: 'position', value: place });
        if (pending.size === 0) status.update({ waiting: null });
      } catch (error) {
        if (closed) throw error;
        // Kept in memory and retried; the newest place is still this one.
        pending.hold(key, { kind: 'position', value: place });
        status.update({ waiting: errorName(error) === 'QuotaExceededError' ? 'quota' : 'error' });
        scheduleRetry();
        accepted = true;
      }
      if (accepted) {
        if (isNewer(lastSeen.get(place.workId), place)) lastSeen.set(place.workId, place);
        channel.post(place);
      }
      return accepted;
    },

    onPositionChange(listener) {
      positionListeners.add(listener);
      return () => positionListeners.delete(listener);
    },

    async getSettings<T>(validate: (raw: unknown) => T): Promise<T | undefined> {
      const held = pending.get('settings');
      const raw = held?.kind === 'settings' ? held.value : await read((b) => b.getSettings(), undefined, 'settings', 'current');
      if (raw === undefined) return undefined;
      const record = checked(checkSettingsRecord(raw), 'settings', 'current');
      if (!record) return undefined;
      try {
        return validate(record.value);
      } catch (error) {
        report({ store: 'settings', key: 'current', action: 'ignored', reason: `validate threw: ${errorName(error)}` });
        return undefined;
      }
    },

    putSettings: (value) => write({ kind: 'settings', value: { value, updatedAt: now() } }),

    async isAcknowledged(workId) {
      if (pending.get(`acknowledgement:${workId}`)) return true;
      const raw = await read((b) => b.getAcknowledgement(workId), undefined, 'acknowledgements', workId);
      // A damaged acknowledgement counts as none: the notice shows again, which is the safe side.
      return raw !== undefined && checked(checkAcknowledgement(raw), 'acknowledgements', workId) !== undefined;
    },

    acknowledge: (workId) => write({ kind: 'acknowledgement', value: { workId, updatedAt: now() } }),

    async clearAcknowledgements() {
      pending.drop((key) => key.startsWith('acknowledgement:'));
      await run((b) => b.clearAcknowledgements());
    },

    async addSpeedSample(sample) {
      const c = checkSpeedSample(sample);
      if (!c.ok) throw new TypeError(`Quire storage: not a valid speed sample: ${c.reason}`);
      await write({ kind: 'speedSample', value: c.value });
    },

    async getSpeedSamples() {
      const raws = await read((b) => b.getSpeedSamples(), [], 'speedSamples', '*');
      const held = pending.toMergeData().speedSamples;
      return [...raws, ...held].flatMap((raw, i) => checked(checkSpeedSample(raw), 'speedSamples', String(i)) ?? []);
    },

    async listBookmarks(workId) {
      const raws = await read((b) => b.listBookmarks(workId), [], 'bookmarks', workId);
      const byId = new Map<string, Bookmark>();
      for (const raw of raws) {
        const key = typeof raw === 'object' && raw !== null ? String((raw as { id?: unknown }).id) : '?';
        const bookmark = checked(checkBookmark(raw, works), 'bookmarks', key);
        if (bookmark) byId.set(bookmark.id, bookmark);
      }
      for (const held of pending.toMergeData().bookmarks) {
        if (held.workId === workId && isNewer(byId.get(held.id), held)) {
          const bookmark = checked(checkBookmark(held, works), 'bookmarks', held.id);
          if (bookmark) byId.set(bookmark.id, bookmark);
        }
      }
      return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt);
    },

    async putBookmark(bookmark) {
      const c = checkBookmark(bookmark);
      if (!c.ok) throw new TypeError(`Quire storage: not a valid bookmark: ${c.reason}`);
      await write({ kind: 'bookmark', value: c.value });
    },

    async deleteBookmark(id) {
      pending.drop((key) => key === `bookmark:${id}`);
      await run((b) => b.deleteBookmark(id));
    },

    async exportData() {
      // Stored records and waiting writes together, newest per record, as one file.
      const merged = createMemoryBackend();
      await merged.merge(checkDump(await run((b) => b.dump()), report));
      await merged.merge(pending.toMergeData());
      return toExportFile(checkDump(await merged.dump(), report), now());
    },

    async importData(file): Promise<ImportResult> {
      const result = checkExportFile(file);
      if (!result.ok) return result;
      try {
        const merged = await run((b) => b.merge(result.data));
        await announceImported(result.data.positions.map((p) => p.workId));
        return { ok: true, merged };
      } catch (error) {
        const reason =
          errorName(error) === 'QuotaExceededError'
            ? "There isn't enough space on this device to import this file."
            : `Quire couldn't write the imported data (${errorName(error)}).`;
        return { ok: false, message: `${reason} Nothing was changed.` };
      }
    },

    async flush() {
      if (closed) return;
      await retryNow();
    },

    onStatus: (listener) => status.subscribe(listener),

    close() {
      if (closed) return;
      closed = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      channel.close();
      backend.close();
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

function openFailureMessage(error: unknown): string {
  const cause = error instanceof OpenError ? error.cause : error;
  return errorName(cause) === 'VersionError' ? MESSAGES.newerVersion : MESSAGES.memory;
}
