/**
 * Deletions kept as tombstones, and the merge rules that use them: a record deleted here is
 * not brought back by importing an older copy of it, and a deletion imported from another
 * device removes the older copy kept here. Pure: no storage.
 */
import type { Tombstone, TombstoneKind } from './types';

/** A record that tombstones can stand for. */
export interface Mortal {
  id: string;
  updatedAt: number;
}

/** The tombstone id of a record: `<kind>:<recordId>`. */
export function tombstoneId(kind: TombstoneKind, recordId: string): string {
  return `${kind}:${recordId}`;
}

/** The tombstone for deleting a record now. */
export function tombstoneFor(kind: TombstoneKind, recordId: string, workId: string | undefined, deletedAt: number): Tombstone {
  const stone: Tombstone = { id: tombstoneId(kind, recordId), kind, recordId, deletedAt };
  if (workId !== undefined) stone.workId = workId;
  return stone;
}

/** True when the tombstone buries the record: it was deleted at or after its last change. */
export function buries(stone: Tombstone | undefined, record: Mortal): boolean {
  return stone !== undefined && stone.deletedAt >= record.updatedAt;
}

/** The union of two sets of tombstones, one per id, the latest deletion kept. */
export function mergeTombstones(a: readonly Tombstone[], b: readonly Tombstone[]): Tombstone[] {
  const byId = new Map<string, Tombstone>();
  for (const stone of [...a, ...b]) {
    const known = byId.get(stone.id);
    if (!known || stone.deletedAt > known.deletedAt) byId.set(stone.id, stone);
  }
  return [...byId.values()];
}

/** What a merge of records of one kind does: which to write, which stored ones to remove, which tombstones to keep. */
export interface MergePlan<T extends Mortal> {
  /** Incoming records newer than the stored copy and not buried. */
  put: T[];
  /** Stored records an incoming (or stored) tombstone buries. */
  remove: string[];
  /** The tombstones after the merge (stored ∪ incoming, latest per id). */
  tombstones: Tombstone[];
}

/**
 * Merges incoming records (an import) into stored ones: per record the newer `updatedAt`
 * wins, unless a tombstone (stored or incoming) at or after that time buries it. A record
 * changed after its deletion (an undo, or an edit on another device) outlives the tombstone.
 */
export function planMerge<T extends Mortal>(
  kind: TombstoneKind,
  stored: readonly T[],
  incoming: readonly T[],
  storedStones: readonly Tombstone[],
  incomingStones: readonly Tombstone[],
): MergePlan<T> {
  const tombstones = mergeTombstones(storedStones, incomingStones);
  const stones = new Map(tombstones.filter((t) => t.kind === kind).map((t) => [t.recordId, t]));
  const current = new Map(stored.map((r) => [r.id, r]));
  const put: T[] = [];
  for (const record of incoming) {
    const here = current.get(record.id);
    if (here && here.updatedAt >= record.updatedAt) continue;
    if (buries(stones.get(record.id), record)) continue;
    put.push(record);
    current.set(record.id, record);
  }
  const remove = stored.filter((r) => current.get(r.id) === r && buries(stones.get(r.id), r)).map((r) => r.id);
  return { put, remove, tombstones };
}

/** The records no tombstone buries (for reads: a record and its tombstone may both be on disk after a failed write). */
export function living<T extends Mortal>(kind: TombstoneKind, records: readonly T[], stones: readonly Tombstone[]): T[] {
  const byRecord = new Map(stones.filter((t) => t.kind === kind).map((t) => [t.recordId, t]));
  return records.filter((r) => !buries(byRecord.get(r.id), r));
}
