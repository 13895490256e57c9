/** The shared core of the store: which backend is in use, and run / read / write / retry over it. */
import type { Backend } from './backend';
import { errorName, OpenError } from './idb-backend';
import { createMemoryBackend } from './memory';
import { applyWrite, pendingKey, PendingWrites, type PendingWrite } from './pending';
import { createStatusHub, MESSAGES, suspectMessage } from './status';
import type { StorageProblem, StoreOptions } from './types';
import { indexWorks, type Checked, type WorkIndex } from './validate';

const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;

/** What every part of the store (places, settings, bookmarks, backup, and others' modules) works through. */
export interface StoreCore {
  readonly works: WorkIndex;
  readonly now: () => number;
  readonly status: ReturnType<typeof createStatusHub>;
  /** Writes that failed and wait for a retry (reads see them). */
  readonly pending: PendingWrites;
  report(problem: StorageProblem): void;
  isClosed(): boolean;
  /** Switches to memory for the rest of this visit, with the message saying why. */
  useMemory(message: string): void;
  setBackend(backend: Backend): void;
  /** Drops the database connection so the next operation opens a fresh one. */
  reconnect(): void;
  /** Runs one backend operation; if the database can't be (re)opened, carries on in memory. */
  run<T>(op: (b: Backend) => Promise<T>): Promise<T>;
  /** A read that never throws for storage reasons: on failure, the fallback and a note. */
  read<T>(op: (b: Backend) => Promise<T>, fallback: T, store: StorageProblem['store'], key: string): Promise<T>;
  /** A write; on failure it waits in memory for a retry and the status says why. */
  write(item: PendingWrite): Promise<void>;
  /** Keeps a write that failed with `error` for a retry, and says why in the status. */
  hold(key: string, item: PendingWrite, error: unknown): void;
  /** A write at least as new as what waits for `key` landed. */
  settle(key: string, item: PendingWrite): void;
  /** Retries every waiting write now (one at a time). */
  retryNow(): Promise<void>;
  /** The checked value, or undefined; either way what was wrong is reported. */
  checked<T>(result: Checked<T>, store: StorageProblem['store'], key: string): T | undefined;
  /**
   * Notes a time ahead of the clock under `key` (the status names every such date), or clears
   * the keys `clear` picks once newer data replaced them.
   */
  suspect(key: string, times: readonly number[]): void;
  unsuspect(clear: (key: string) => boolean): void;
  /** Stops timers and closes the backend. */
  close(): void;
}

/** Makes the core, starting in memory until `setBackend` gives it the database. */
export function createCore(options: StoreOptions): StoreCore {
  const report = options.onProblem ?? warnOncePerKind();
  const status = createStatusHub();
  const pending = new PendingWrites();
  let backend: Backend = createMemoryBackend();
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = RETRY_FIRST_MS;
  let retrying: Promise<void> | null = null;
  const suspectTimes = new Map<string, readonly number[]>();
  const showSuspect = () => status.update({ suspect: suspectTimes.size > 0 ? suspectMessage([...suspectTimes.values()].flat()) : null });

  const waitingKind = (error: unknown) => (errorName(error) === 'QuotaExceededError' ? 'quota' : 'error');

  function scheduleRetry(): void {
    if (retryTimer !== undefined || closed) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void core.retryNow();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
  }

  async function retryPending(): Promise<void> {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
    for (const [key, item] of pending.entries()) {
      try {
        await core.run((b) => applyWrite(b, item, core.now()));
        pending.settle(key, item);
      } catch (error) {
        if (closed) return;
        status.update({ waiting: waitingKind(error) });
        break;
      }
    }
    if (pending.size > 0) return scheduleRetry();
    retryDelay = RETRY_FIRST_MS;
    status.update({ waiting: null });
  }

  const core: StoreCore = {
    works: indexWorks(options.works),
    now: options.now ?? Date.now,
    status,
    pending,
    report,
    isClosed: () => closed,
    useMemory(message) {
      backend.close();
      backend = createMemoryBackend();
      status.update({ memory: message, blocked: false });
    },
    setBackend(next) {
      backend = next;
    },
    reconnect() {
      backend.reconnect?.();
    },
    async run(op) {
      if (closed) throw new Error('Quire storage is closed');
      const used = backend;
      try {
        return await op(used);
      } catch (error) {
        if (!(error instanceof OpenError)) throw error;
        if (backend === used) core.useMemory(openFailureMessage(error));
        return op(backend);
      }
    },
    async read(op, fallback, store, key) {
      try {
        const value = await core.run(op);
        if (status.flags().readError) status.update({ readError: false });
        return value;
      } catch (error) {
        if (closed) throw error;
        report({ store, key, action: 'ignored', reason: `read failed: ${errorName(error)}` });
        status.update({ readError: true });
        return fallback;
      }
    },
    async write(item) {
      const key = pendingKey(item);
      try {
        await core.run((b) => applyWrite(b, item, core.now()));
        core.settle(key, item);
      } catch (error) {
        if (closed || errorName(error) === 'DataCloneError') throw error;
        core.hold(key, item, error);
      }
    },
    hold(key, item, error) {
      pending.hold(key, item);
      status.update({ waiting: waitingKind(error) });
      scheduleRetry();
    },
    settle(key, item) {
      pending.settle(key, item);
      if (pending.size === 0) status.update({ waiting: null });
    },
    retryNow() {
      retrying ??= retryPending().finally(() => (retrying = null));
      return retrying;
    },
    checked(result, store, key) {
      if (!result.ok) {
        report({ store, key, action: 'ignored', reason: result.reason });
        return undefined;
      }
      if (result.clamped) report({ store, key, action: 'clamped', reason: result.clamped });
      return result.value;
    },
    suspect(key, times) {
      suspectTimes.set(key, times);
      showSuspect();
    },
    unsuspect(clear) {
      const before = suspectTimes.size;
      for (const key of [...suspectTimes.keys()]) if (clear(key)) suspectTimes.delete(key);
      if (suspectTimes.size !== before) showSuspect();
    },
    close() {
      if (closed) return;
      closed = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      backend.close();
    },
  };
  return core;
}

/**
 * The default problem reporter: one console warning per kind of problem (store, action and the
 * reason without its names and numbers), so 2,000 damaged samples make one line, not 2,000.
 */
export function warnOncePerKind(warn: (message: string) => void = console.warn): (problem: StorageProblem) => void {
  const seen = new Set<string>();
  return (p) => {
    const kind = `${p.store} ${p.action} ${p.reason.replace(/"[^"]*"|-?\d+(\.\d+)?(e[+-]?\d+)?/gi, '#')}`;
    if (seen.has(kind)) return;
    seen.add(kind);
    const key = p.key.length > 60 ? `${p.key.slice(0, 59)}…` : p.key;
    warn(`Quire storage: ${p.action} ${p.store} "${key}": ${p.reason} (further problems of this kind are not logged)`);
  };
}

/** The message for a database that could not be opened. */
export function openFailureMessage(error: unknown): string {
  const cause = error instanceof OpenError ? error.cause : error;
  return errorName(cause) === 'VersionError' ? MESSAGES.newerVersion : MESSAGES.memory;
}
