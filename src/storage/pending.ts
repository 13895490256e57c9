/** Writes that failed (quota, disk) and wait in memory for a retry. The newest per record wins. */
import type { Highlight, Tombstone } from '../annotations/types';
import type { Backend, MergeData } from './backend';
import { RECORD_KEYS, type AcknowledgementRecord, type PositionRecord, type RecordStore, type SettingsRecord } from './db';
import { orderOf } from './order';
import type { Bookmark, SpeedSample } from './types';

/** One write, as it will be retried. */
export type PendingWrite =
  | { kind: 'position'; value: PositionRecord }
  | { kind: 'settings'; value: SettingsRecord }
  | { kind: 'acknowledgement'; value: AcknowledgementRecord }
  | { kind: 'speedSample'; value: SpeedSample }
  | { kind: 'bookmark'; value: Bookmark }
  /** A record of a v3 record store; its time is `updatedAt` (or `deletedAt` for tombstones). */
  | { kind: 'record'; store: RecordStore; value: Record<string, unknown> };

/** A waiting write's order: a place's seq, another record's time. */
function orderOfWrite(write: PendingWrite): number {
  if (write.kind === 'position') return write.value.seq;
  if (write.kind === 'record') return orderOf({ updatedAt: write.value.updatedAt ?? write.value.deletedAt });
  return write.value.updatedAt;
}

let sampleSeq = 0;

/** The record a write is about: a later write to the same key supersedes an earlier one. */
export function pendingKey(write: PendingWrite): string {
  switch (write.kind) {
    case 'position':
      return `position:${write.value.workId}`;
    case 'settings':
      return 'settings';
    case 'acknowledgement':
      return `acknowledgement:${write.value.workId}`;
    case 'bookmark':
      return `bookmark:${write.value.id}`;
    case 'speedSample':
      return `speedSample:${++sampleSeq}`;
    case 'record':
      return `${write.store}:${String(write.value[RECORD_KEYS[write.store]])}`;
  }
}

/** Performs a write on a backend (one transaction). */
export async function applyWrite(backend: Backend, write: PendingWrite, now: number): Promise<void> {
  switch (write.kind) {
    case 'position':
      await backend.putPositionIfNewer(write.value, now);
      return;
    case 'settings':
      return backend.putSettings(write.value);
    case 'acknowledgement':
      return backend.putAcknowledgement(write.value);
    case 'speedSample':
      return backend.addSpeedSample(write.value);
    case 'bookmark':
      return backend.putBookmark(write.value);
    case 'record':
      return backend.putRecord(write.store, write.value);
  }
}

/** The waiting writes, keyed by record. */
export class PendingWrites {
  private readonly writes = new Map<string, PendingWrite>();

  get size(): number {
    return this.writes.size;
  }

  /** Keeps `write` for a retry unless a newer write to the same record is already waiting. */
  hold(key: string, write: PendingWrite): void {
    const held = this.writes.get(key);
    if (!held || orderOfWrite(held) <= orderOfWrite(write)) this.writes.set(key, write);
  }

  /** Forgets what waits for `key` once a write at least as new as it has been stored. */
  settle(key: string, written: PendingWrite): void {
    const held = this.writes.get(key);
    if (held && orderOfWrite(held) <= orderOfWrite(written)) this.writes.delete(key);
  }

  /** Forgets `key` whatever waits (a delete or clear superseded it). */
  drop(predicate: (key: string) => boolean): void {
    for (const key of [...this.writes.keys()]) if (predicate(key)) this.writes.delete(key);
  }

  get(key: string): PendingWrite | undefined {
    return this.writes.get(key);
  }

  entries(): [string, PendingWrite][] {
    return [...this.writes];
  }

  /** The waiting writes as records to merge (for an export). */
  toMergeData(): MergeData {
    const data: MergeData = { positions: [], settings: null, acknowledgements: [], speedSamples: [], bookmarks: [], highlights: [], tombstones: [] };
    for (const w of this.writes.values()) {
      if (w.kind === 'position') data.positions.push(w.value);
      else if (w.kind === 'settings') data.settings = w.value;
      else if (w.kind === 'acknowledgement') data.acknowledgements.push(w.value);
      else if (w.kind === 'speedSample') data.speedSamples.push(w.value);
      else if (w.kind === 'bookmark') data.bookmarks.push(w.value);
      else if (w.kind === 'record' && w.store === 'highlights') data.highlights.push(w.value as unknown as Highlight);
      else if (w.kind === 'record' && w.store === 'tombstones') data.tombstones.push(w.value as unknown as Tombstone);
    }
    return data;
  }
}
