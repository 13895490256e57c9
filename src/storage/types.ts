/** The storage contract the rest of the app codes against. See ./README.md. */
import type { Highlight, HighlightStore, Tombstone } from '../annotations/types';
import type { Locator } from '../reader/locator';
import type { DayStats } from '../stats/types';

/** How storage is doing, for a visible note. `ok` shows nothing. */
export type StorageStatus =
  | { kind: 'ok' }
  /** IndexedDB cannot be used: everything is kept in memory for this visit only. */
  | { kind: 'memory'; message: string }
  /** A write failed for lack of space; it will be retried. Nothing stored was lost. */
  | { kind: 'quota'; message: string }
  /** Another tab holds an older version of the database open. */
  | { kind: 'blocked'; message: string }
  /** Any other failure worth telling the reader about. */
  | { kind: 'error'; message: string }
  /** Something the reader should know that lost nothing (e.g. dates ahead of the clock). */
  | { kind: 'notice'; message: string };

/** A place the reader chose to keep. */
export interface Bookmark {
  id: string;
  workId: string;
  locator: Locator;
  /** A short snippet of the text at the place. */
  snippet: string;
  createdAt: number;
  updatedAt: number;
}

/** One measurement of reading speed: words read over active time. */
export interface SpeedSample {
  workId: string;
  words: number;
  ms: number;
  updatedAt: number;
}

/** The reading-data file: what "Export reading data" writes and "Import" reads. */
export interface ExportFile {
  format: 'quire-reading-data';
  version: number;
  exportedAt: number;
  positions: Locator[];
  settings: { value: unknown; updatedAt: number } | null;
  acknowledgements: { workId: string; updatedAt: number }[];
  speedSamples: SpeedSample[];
  bookmarks: Bookmark[];
  /** Reading statistics, a record per day and work (./stats.ts); absent in files from before they were kept. */
  stats?: DayStats[];
  /** Highlights and notes (absent in files made before them: read as none). */
  highlights: Highlight[];
  /** Deletions of bookmarks and highlights, so an older file does not bring them back. */
  tombstones: Tombstone[];
}

/** What storage needs to know of a work to check a stored place: its sections and their sizes. `WorkInfo` fits. */
export interface WorkOutline {
  id: string;
  sections: { id: string; blockCount: number }[];
}

/** A stored record that a read ignored or corrected, for logs (never shown as an error). */
export interface StorageProblem {
  store: 'positions' | 'settings' | 'acknowledgements' | 'speedSamples' | 'bookmarks' | 'highlights' | 'tombstones' | 'stats' | 'meta';
  key: string;
  /** 'ignored': the record was not used; 'clamped': it was moved to the nearest valid place. */
  action: 'ignored' | 'clamped';
  reason: string;
}

/** How to open the store: see `openStore()` in ./store.ts. */
export interface StoreOptions {
  /** The catalogue: places in unknown works are ignored, places past the end are clamped. */
  works: readonly WorkOutline[];
  /** Defaults to `globalThis.indexedDB`; when missing or failing, the store keeps data in memory. */
  indexedDB?: IDBFactory;
  /**
   * Another tab needs a newer schema and this tab holds it up. The hook should save what the app
   * holds (e.g. the position writer), then `store.close()` and reload: `handOver()` in ./lifecycle.ts
   * does that. Default (no hook): the store's held writes flushed, close, reload.
   */
  onBlocking?: () => void;
  /** BroadcastChannel name for cross-tab position news. Default 'quire'. */
  channelName?: string;
  /** Where ignored or clamped records are reported. Default: one console.warn per kind of problem. */
  onProblem?: (problem: StorageProblem) => void;
  /** Clock for `updatedAt` of settings, acknowledgements and exports. Default Date.now. */
  now?: () => number;
  /** How long the database may take to open before the store carries on in memory (default 3 s). */
  openTimeoutMs?: number;
  /**
   * The database opened after the store had carried on in memory (blocked, or slow to answer):
   * the writes kept meanwhile are written, newer stored places went to `onPositionChange`; the
   * app reads the rest again (settings, notices).
   */
  onLateOpen?: () => void;
  /**
   * True while the page is going away (from `wirePageLifecycle`, ./lifecycle.ts): place writes are
   * then sent and committed at once. Default: never.
   */
  pageLeaving?: () => boolean;
}

/** How to import: a listener for progress, for a large file. */
export interface ImportOptions {
  /** 0 once the file is checked, then up to 1 as its records are written (at most ~20 calls). */
  onProgress?: (fraction: number) => void;
}

/** The result of an import: what changed, or why nothing did. */
export type ImportResult =
  | {
      ok: true;
      merged: { positions: number; settings: number; acknowledgements: number; speedSamples: number; bookmarks: number; highlights: number; tombstones: number; stats?: number };
      /** Said beside the counts: e.g. the file's dates that lay ahead of this device's clock. */
      notice?: string;
    }
  | { ok: false; message: string };

/** Everything the app keeps on this device. Every read validates what it returns. */
export interface ReadingStore extends HighlightStore {
  /** Resolves once operations can run: the database open, or the store carrying on in memory. */
  ready: Promise<void>;
  getPosition(workId: string): Promise<Locator | undefined>;
  /**
   * Orders a place made now by the reader after every place this tab knows (its `seq`, see
   * ./order.ts): call it at the move, so a clock put back can't make the move lose.
   */
  stampPosition(locator: Locator): Locator & { seq: number };
  /**
   * Writes if newer than what is stored (by `seq` when stamped, else `updatedAt`); resolves true
   * when written (or held for a retry).
   */
  putPosition(locator: Locator): Promise<boolean>;
  /** Called when another tab wrote a newer position, or an import here did. Returns an unsubscribe. */
  onPositionChange(listener: (locator: Locator) => void): () => void;

  /** The stored settings record passed through `validate`, or undefined if none. */
  getSettings<T>(validate: (raw: unknown) => T): Promise<T | undefined>;
  putSettings(value: unknown): Promise<void>;

  isAcknowledged(workId: string): Promise<boolean>;
  acknowledge(workId: string): Promise<void>;
  clearAcknowledgements(): Promise<void>;

  addSpeedSample(sample: SpeedSample): Promise<void>;
  getSpeedSamples(): Promise<SpeedSample[]>;

  listBookmarks(workId: string): Promise<Bookmark[]>;
  putBookmark(bookmark: Bookmark): Promise<void>;
  /** Deletes a bookmark and keeps a tombstone of it (so an older import does not bring it back). */
  deleteBookmark(id: string): Promise<void>;

  /** Every reading-statistics record (./stats.ts), checked. */
  listStats(): Promise<DayStats[]>;
  /** Writes statistics records (each replaces the one with its key). */
  putStats(records: readonly DayStats[]): Promise<void>;
  /** Deletes every statistics record. */
  clearStats(): Promise<void>;

  exportData(): Promise<ExportFile>;
  /** Checks the whole file, then merges it in one transaction; `onProgress` hears how far the writing is (0..1). */
  importData(file: unknown, options?: ImportOptions): Promise<ImportResult>;

  /** When reading data was last exported from this device (`meta` store, ./meta.ts); null when never. */
  getLastExportAt(): Promise<number | null>;
  /** Remembers an export made at `at`. */
  noteExport(at: number): Promise<void>;

  /** Writes anything pending (held for a retry) now. */
  flush(): Promise<void>;
  /**
   * The page is visible again after being hidden: opens a fresh connection (phones kill them in
   * the background) and writes what waits for a retry. `main.tsx` calls it from the lifecycle.
   */
  resume(): Promise<void>;
  /** Subscribes to status changes; the listener is called at once with the current one. */
  onStatus(listener: (status: StorageStatus) => void): () => void;
  close(): void;
}
