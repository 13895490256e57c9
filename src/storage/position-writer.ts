/**
 * Position writes while reading: every move is written at once, unless a write is still in flight;
 * then the newest place waits for it (the places in between are skipped), but never longer than
 * `maxWait`. See ./README.md "The position writer".
 */
import type { Locator } from '../reader/locator';
import type { ReadingStore } from './types';

/** The longest a place waits behind a write in flight before it is written anyway. */
export const WRITE_MAX_WAIT_MS = 250;

/** Schedules and flushes position writes. */
export interface PositionWriter {
  /** Remembers `locator` as the newest place (ordered now, see `stampPosition`) and writes it as soon as it may. */
  schedule(locator: Locator): void;
  /** Writes the newest scheduled place now; resolves once it (and any write in flight) is stored. */
  flush(): Promise<void>;
  /** Forgets the waiting place and stops the timer, without writing (after flush, when the app shuts down). */
  dispose(): void;
}

/** What the writer needs: `putPosition`, and `stampPosition` when the store orders places. */
export type WriterStore = Pick<ReadingStore, 'putPosition'> & Partial<Pick<ReadingStore, 'stampPosition'>>;

/** Options: the max wait, the "page is leaving" test (./lifecycle.ts), and the journal (./journal.ts). */
export interface WriterOptions {
  maxWait?: number;
  pageLeaving?: () => boolean;
  /** Called, when the page is leaving, with the newest place of each work scheduled in this page's life. */
  journal?: (places: Locator[]) => void;
}

/** Creates a writer over `store`. */
export function createPositionWriter(store: WriterStore, options: WriterOptions = {}): PositionWriter {
  const maxWait = options.maxWait ?? WRITE_MAX_WAIT_MS;
  const pageLeaving = options.pageLeaving ?? (() => false);
  let next: Locator | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Per work, the newest place scheduled. All are journalled when the page leaves: a write that
   * resolved may only be held for a retry, so "resolved" is not "stored"; the next start keeps
   * only the places newer than the stored ones.
   */
  const newest = new Map<string, Locator>();
  const journal = (): void => {
    if (pageLeaving() && newest.size > 0) options.journal?.([...newest.values()]);
  };
  /** Writes not yet settled; usually zero or one. */
  const inFlight = new Set<Promise<void>>();

  const settled = (): Promise<void> => Promise.all(inFlight).then(() => undefined);

  /** Starts writing the newest place now, beside any write in flight (the store keeps the newer). */
  const start = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const locator = next;
    next = undefined;
    if (!locator) return;
    const write = store.putPosition(locator).then(
      () => undefined,
      // The store reports storage failures in its status; a bad locator is a bug to see in logs.
      (error: unknown) => console.error('Quire: could not save the place', error),
    );
    inFlight.add(write);
    void write.finally(() => {
      inFlight.delete(write);
      // The place that waited for this write goes now.
      if (inFlight.size === 0 && next) start();
    });
  };

  return {
    schedule(locator) {
      // Ordered at the move, so a write that lands late is still ordered by when the reader moved.
      next = store.stampPosition ? store.stampPosition(locator) : locator;
      newest.set(next.workId, next);
      // A page going away can't wait for the write in flight (./lifecycle.ts), nor count on it.
      journal();
      if (inFlight.size === 0 || pageLeaving()) start();
      else timer ??= setTimeout(start, maxWait);
    },
    async flush() {
      journal();
      start();
      await settled();
      // A place scheduled while waiting is written too before flush resolves.
      if (next) {
        start();
        await settled();
      }
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      next = undefined;
    },
  };
}
