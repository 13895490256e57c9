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
  merge(data: MergeData, now: number): Promise<MergeCounts>;
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

/** A speed sample's identity: two with the same key are the same measurement (so a re-import adds nothing). */
export function sampleKey(sample: unknown): string {
  if (typeof sample !== 'object' || sample === null) return '';
  const s = sample as Partial<SpeedSample>;
  return JSON.stringify([s.workId, s.updatedAt, s.words, s.ms]);
}
