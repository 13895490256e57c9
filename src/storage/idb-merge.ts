/** An import's merge inside one IndexedDB transaction over every store. */
import type { IDBPTransaction, StoreNames } from 'idb';
import { capSamples, isNewer, type MergeCounts, type MergeData, type MergeProgress } from './backend';
import { SETTINGS_KEY, type QuireSchema } from './db';
import { planMarks } from './highlights';
import { placeWins } from './order';

type AllTx = IDBPTransaction<QuireSchema, StoreNames<QuireSchema>[], 'readwrite'>;

/**
 * One pass per store: each is read whole into a map, then every write is issued (no read per
 * record, so the time grows with the file, not its square). Per record the newer wins; only
 * the newest speed samples are kept; bookmarks and highlights respect their tombstones.
 */
export async function mergeInTx(tx: AllTx, data: MergeData, now: number, progress?: MergeProgress): Promise<MergeCounts> {
  const counts: MergeCounts = { positions: 0, settings: 0, acknowledgements: 0, speedSamples: 0, bookmarks: 0, highlights: 0, tombstones: 0 };
  const positions = tx.objectStore('positions');
  const acks = tx.objectStore('acknowledgements');
  const samples = tx.objectStore('speedSamples');
  const bookmarks = tx.objectStore('bookmarks');
  const settings = tx.objectStore('settings');
  const [storedPositions, storedAcks, storedSamples, storedBookmarks, storedSettings, storedHighlights, storedStones] = await Promise.all([
    positions.getAll(),
    acks.getAll(),
    samples.getAll(),
    bookmarks.getAll(),
    settings.get(SETTINGS_KEY),
    tx.objectStore('highlights').getAll(),
    tx.objectStore('tombstones').getAll(),
  ]);
  const writes: Promise<unknown>[] = [];
  const byWork = new Map<unknown, unknown>(storedPositions.map((p) => [p.workId, p]));
  for (const p of data.positions) {
    if (!placeWins(byWork.get(p.workId), p.seq, now)) continue;
    writes.push(positions.put(p));
    counts.positions++;
  }
  if (data.settings && isNewer(storedSettings, data.settings)) {
    writes.push(settings.put(data.settings, SETTINGS_KEY));
    counts.settings++;
  }
  const ackByWork = new Map<unknown, unknown>(storedAcks.map((a) => [a.workId, a]));
  for (const a of data.acknowledgements) {
    if (!isNewer(ackByWork.get(a.workId), a)) continue;
    writes.push(acks.put(a));
    counts.acknowledgements++;
  }
  // Only the newest samples are kept, imported or not (see capSamples).
  const { add, drop } = capSamples(storedSamples, data.speedSamples);
  for (const i of drop) {
    const id = storedSamples[i]?.id;
    if (id !== undefined) writes.push(samples.delete(id));
  }
  for (const s of add) writes.push(samples.add({ ...s }));
  counts.speedSamples = add.length;
  // Bookmarks and highlights merge with their tombstones (./highlights.ts): no deleted one comes back.
  const plan = planMarks({ bookmarks: storedBookmarks, highlights: storedHighlights, tombstones: storedStones }, data);
  for (const b of plan.bookmarks.put) writes.push(bookmarks.put(b));
  for (const id of plan.bookmarks.remove) writes.push(bookmarks.delete(id));
  for (const h of plan.highlights.put) writes.push(tx.objectStore('highlights').put({ ...h }));
  for (const id of plan.highlights.remove) writes.push(tx.objectStore('highlights').delete(id));
  for (const t of plan.tombstones) writes.push(tx.objectStore('tombstones').put(t));
  Object.assign(counts, { bookmarks: plan.bookmarks.put.length, highlights: plan.highlights.put.length, tombstones: plan.tombstones.length });
  let done = 0;
  const step = Math.max(1, Math.floor(writes.length / 20));
  if (progress) {
    for (const w of writes) void w.then(() => ++done % step === 0 && progress(done, writes.length), () => {});
  }
  await Promise.all(writes);
  progress?.(writes.length, writes.length);
  return counts;
}
