/** Times in an import that lie more than a day ahead of the clock: treated as now, and named. */
import type { MergeData } from './backend';
import { isSuspect } from './order';

/** The data with every suspect time replaced by `now`, and the suspect times found. */
export function reviewTimes(data: MergeData, now: number): { data: MergeData; suspect: number[] } {
  const suspect: number[] = [];
  const tame = <T extends { updatedAt: number }>(record: T): T => {
    if (!isSuspect(record.updatedAt, now)) return record;
    suspect.push(record.updatedAt);
    return { ...record, updatedAt: now };
  };
  const positions = data.positions.map((p) => {
    if (!isSuspect(p.seq, now) && !isSuspect(p.updatedAt, now)) return p;
    suspect.push(Math.max(p.seq, p.updatedAt));
    // Ordered as made now: it may win over an older place, and any later move wins over it.
    return { ...p, seq: now, updatedAt: Math.min(p.updatedAt, now) };
  });
  return {
    data: {
      positions,
      settings: data.settings && tame(data.settings),
      acknowledgements: data.acknowledgements.map(tame),
      speedSamples: data.speedSamples.map(tame),
      bookmarks: data.bookmarks.map(tame),
      highlights: data.highlights.map(tame),
      // A deletion dated ahead would bury its record until then, whatever is written after it.
      tombstones: data.tombstones.map((t) => {
        if (!isSuspect(t.deletedAt, now)) return t;
        suspect.push(t.deletedAt);
        return { ...t, deletedAt: now };
      }),
    },
    suspect,
  };
}
