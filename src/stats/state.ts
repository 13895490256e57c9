/** The statistics as app state: a book, a version signal that goes up on every change, and where changes are kept. */
import { signal } from '@preact/signals';
import { createStatsBook } from './book';
import type { DayOf } from './days';
import type { DayStats, PageRead } from './types';

/** Where the records are kept (src/storage/stats.ts); none keeps them for this visit only. */
export interface StatsKeeper {
  put(records: DayStats[]): Promise<void>;
  clear(): Promise<void>;
}

/** Makes the statistics state over the stored records. */
export function createStatsState(records: readonly DayStats[] = [], keeper?: StatsKeeper, dayOf?: DayOf) {
  const book = createStatsBook(records, dayOf);
  const version = signal(0);
  return {
    book,
    /** Goes up on every change: read it in a render to follow the statistics. */
    version,
    /** A page was read: add it (pauses and skims are left out) and keep the changed days. */
    pageRead(read: PageRead): void {
      const changed = book.add(read);
      if (changed.length === 0) return;
      version.value++;
      void keeper?.put(changed).catch(() => undefined);
    },
    /** Forgets every statistic, here and in storage. */
    async reset(): Promise<void> {
      book.replace([]);
      version.value++;
      await keeper?.clear();
    },
    /** Takes the stored records again (after an import). */
    replace(next: readonly DayStats[]): void {
      book.replace(next);
      version.value++;
    },
  };
}

/** The statistics state. */
export type StatsState = ReturnType<typeof createStatsState>;
