/** Debounced position writes while reading: the newest place is written once things settle, or on flush. */
import type { Locator } from '../reader/locator';
import type { ReadingStore } from './types';

/** Schedules and flushes position writes. */
export interface PositionWriter {
  /** Remembers `locator` as the newest place and writes it after `delay` ms without another. */
  schedule(locator: Locator): void;
  /** Writes the newest scheduled place now; resolves once it (and any write in flight) is stored. */
  flush(): Promise<void>;
  /** Stops the timer without writing (after flush, when the app shuts down). */
  dispose(): void;
}

/** Creates a writer over `store`. Writes go one at a time, each one awaited transaction. */
export function createPositionWriter(
  store: Pick<ReadingStore, 'putPosition'> & Partial<Pick<ReadingStore, 'stampPosition'>>,
  { delay = 500, pageLeaving = () => false }: { delay?: number; pageLeaving?: () => boolean } = {},
): PositionWriter {
  let next: Locator | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<void> = Promise.resolve();

  const writeNext = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const locator = next;
    next = undefined;
    if (!locator) return chain;
    const write = async () => {
      try {
        await store.putPosition(locator);
      } catch (error) {
        // The store reports storage failures in its status; a bad locator is a bug to see in logs.
        console.error('Quire: could not save the place', error);
      }
    };
    if (pageLeaving()) {
      // The page is going away: waiting behind a write in flight would lose this one. The
      // store's newer-wins rule keeps the older one from landing over it.
      const now = write();
      chain = Promise.all([chain, now]).then(() => undefined);
    } else {
      chain = chain.then(write);
    }
    return chain;
  };

  return {
    schedule(locator) {
      // Ordered at the move, so a write that lands late is still ordered by when the reader moved.
      next = store.stampPosition ? store.stampPosition(locator) : locator;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void writeNext(), delay);
    },
    flush: writeNext,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      next = undefined;
    },
  };
}
