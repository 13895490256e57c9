/** The raw record operations both the IndexedDB and the in-memory store provide. Reads return unchecked values. */
import type { AcknowledgementRecord, PositionRecord, RecordStore, SettingsRecord } from './db';
import type { Highlight, Tombstone } from '../annotations/types';
import type { Bookmark, SpeedSample } from './types';

/** Speed samples kept (the estimate uses the most recent ones; older ones only grow the database). */
export const KEEP_SPEED_SAMPLES = 500;

/** Checked records to merge (an import). */
export interface MergeData {
  positions: PositionRecord[];
  settings: SettingsRecord | null;
  acknowledgements: AcknowledgementRecord[];
  speedSamples: SpeedSample[];
  bookmarks: Bookmark[];
  highlights: Highlight[];
  tombstones: Tombstone[];
}

/** Told how many of a merge's writes are done, of how many. */
export type MergeProgress = (done: number, total: number) => void;

/** How many records of each kind a merge wrote. */
export type MergeCounts = Record<keyof MergeData, number>;

/** Everything as stored, unchecked (an export checks it). */
export interface RawDump {
  positions: unknown[];
  settings: unknown;
  acknowledgements: unknown[];
  speedSamples: unknown[];
  bookmarks: unknown[];
  highlights: unknown[];
  tombstones: unknown[];
}

/** Record operations; each is one transaction. */
export interface Backend {
  getPosition(workId: string): Promise<unknown>;
  /** Reads, compares (`placeWins`, ./order.ts) and writes in one transaction; true when written. */
  putPositionIfNewer(place: PositionRecord, now: number): Promise<boolean>;
  /**
   * Writes without reading first, the request sent and committed before this returns (for a
   * page that is going away); undefined when that can't be done now (no open connection).
   */
  putPositionAtOnce?(place: PositionRecord): Promise<void> | undefined;
  getSettings(): Promise<unknown>;
  putSettings(record: SettingsRecord): Promise<void>;
  getAcknowledgement(workId: string): Promise<unknown>;
  putAcknowledgement(record: AcknowledgementRecord): Promise<void>;
  clearAcknowledgements(): Promise<void>;
  addSpeedSample(sample: SpeedSample): Promise<void>;
  getSpeedSamples(): Promise<unknown[]>;
  listBookmarks(workId: string): Promise<unknown[]>;
  putBookmark(bookmark: Bookmark): Promise<void>;
  deleteBookmark(id: string): Promise<void>;
  dump(): Promise<RawDump>;
  /** Writes each record that is newer than the stored one (speed samples: each one not already there). */
  merge(data: MergeData, now: number, progress?: MergeProgress): Promise<MergeCounts>;
  /** Drops the connection, if any, so the next operation opens a fresh one (a no-op in memory). */
  reconnect?(): void;
  /** One record of a v3 record store (highlights, tombstones, stats, meta), unchecked. */
  getRecord(store: RecordStore, key: string): Promise<unknown>;
  /** Every record of a record store, or those whose `index` equals `value`. */
  listRecords(store: RecordStore, index?: { name: string; value: IDBValidKey }): Promise<unknown[]>;
  /** Puts a record (its key is its key field: see RECORD_KEYS). */
  putRecord(store: RecordStore, record: Record<string, unknown>): Promise<void>;
  deleteRecord(store: RecordStore, key: string): Promise<void>;
  close(): void;
}

/** True when `incoming` should replace `stored`: nothing stored, a stored record without a usable time, or an older one. */
export function isNewer(stored: unknown, incoming: { updatedAt: number }): boolean {
  if (typeof stored !== 'object' || stored === null) return true;
  const t = (stored as { updatedAt?: unknown }).updatedAt;
  return typeof t !== 'number' || !Number.isFinite(t) || incoming.updatedAt > t;
}

/**
 * An import's speed samples against the stored ones: which to add (new ones, each once) and
 * which stored ones (by index) to drop, so that only the newest KEEP_SPEED_SAMPLES remain.
 */
export function capSamples(stored: readonly unknown[], incoming: readonly SpeedSample[], keep = KEEP_SPEED_SAMPLES): { add: SpeedSample[]; drop: number[] } {
  const seen = new Set(stored.map(sampleKey));
  const fresh: SpeedSample[] = [];
  for (const s of incoming) {
    const key = sampleKey(s);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(s);
  }
  if (stored.length + fresh.length <= keep) return { add: fresh, drop: [] };
  const time = (s: unknown) => {
    const t = typeof s === 'object' && s !== null ? (s as { updatedAt?: unknown }).updatedAt : undefined;
    return typeof t === 'number' && Number.isFinite(t) ? t : -Infinity;
  };
  // Oldest first; at equal times a stored sample counts as older (it was added first).
  const all = [...stored.map((s, i) => ({ t: time(s), stored: i, fresh: -1 })), ...fresh.map((s, i) => ({ t: time(s), stored: -1, fresh: i }))];
  all.sort((a, b) => a.t - b.t);
  const cut = all.length - keep;
  return {
    add: all.slice(cut).flatMap((e) => (e.fresh >= 0 ? [fresh[e.fresh] as SpeedSample] : [])),
    drop: all.slice(0, cut).flatMap((e) => (e.stored >= 0 ? [e.stored] : [])),
  };
}

/** A speed sample's identity: two with the same key are the same measurement (so a re-import adds nothing). */
export function sampleKey(sample: unknown): string {
  if (typeof sample !== 'object' || sample === null) return '';
  const s = sample as Partial<SpeedSample>;
  return JSON.stringify([s.workId, s.updatedAt, s.words, s.ms]);
}
