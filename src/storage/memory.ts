/** The in-memory store: used when IndexedDB cannot be; kept for this visit only. */
import type { AcknowledgementRecord, PositionRecord, RecordStore, SettingsRecord } from './db';
import { RECORD_KEYS } from './db';
import { capSamples, isNewer, KEEP_SPEED_SAMPLES, type Backend, type MergeCounts, type MergeData, type MergeProgress, type RawDump } from './backend';
import { placeWins } from './order';
import { planMarks } from './highlights';
import type { Bookmark, SpeedSample } from './types';

/** Creates an empty in-memory backend. Values are copied in and out, as IndexedDB would. */
export function createMemoryBackend(): Backend {
  const positions = new Map<string, PositionRecord>();
  let settings: SettingsRecord | undefined;
  const acks = new Map<string, AcknowledgementRecord>();
  const samples: SpeedSample[] = [];
  const bookmarks = new Map<string, Bookmark>();
  const copy = structuredClone;
  const records = new Map<RecordStore, Map<string, Record<string, unknown>>>();
  const recordStore = (name: RecordStore) => {
    let map = records.get(name);
    if (!map) records.set(name, (map = new Map()));
    return map;
  };

  return {
    async getPosition(workId) {
      return copy(positions.get(workId));
    },
    async putPositionIfNewer(place, now) {
      if (!placeWins(positions.get(place.workId), place.seq, now)) return false;
      positions.set(place.workId, copy(place));
      return true;
    },
    async getSettings() {
      return copy(settings);
    },
    async putSettings(record) {
      settings = copy(record);
    },
    async getAcknowledgement(workId) {
      return copy(acks.get(workId));
    },
    async putAcknowledgement(record) {
      acks.set(record.workId, copy(record));
    },
    async clearAcknowledgements() {
      acks.clear();
    },
    async addSpeedSample(sample) {
      samples.push(copy(sample));
      if (samples.length > KEEP_SPEED_SAMPLES) samples.splice(0, samples.length - KEEP_SPEED_SAMPLES);
    },
    async getSpeedSamples() {
      return copy(samples);
    },
    async listBookmarks(workId) {
      return copy([...bookmarks.values()].filter((b) => b.workId === workId));
    },
    async putBookmark(bookmark) {
      bookmarks.set(bookmark.id, copy(bookmark));
    },
    async deleteBookmark(id) {
      bookmarks.delete(id);
    },
    async dump(): Promise<RawDump> {
      return copy({
        positions: [...positions.values()],
        settings: settings ?? null,
        acknowledgements: [...acks.values()],
        speedSamples: samples,
        bookmarks: [...bookmarks.values()],
        highlights: [...recordStore('highlights').values()],
        tombstones: [...recordStore('tombstones').values()],
      });
    },
    async merge(data: MergeData, now: number, progress?: MergeProgress): Promise<MergeCounts> {
      const counts: MergeCounts = { positions: 0, settings: 0, acknowledgements: 0, speedSamples: 0, bookmarks: 0, highlights: 0, tombstones: 0 };
      for (const p of data.positions) {
        if (!placeWins(positions.get(p.workId), p.seq, now)) continue;
        positions.set(p.workId, copy(p));
        counts.positions++;
      }
      if (data.settings && isNewer(settings, data.settings)) {
        settings = copy(data.settings);
        counts.settings++;
      }
      for (const a of data.acknowledgements) {
        if (!isNewer(acks.get(a.workId), a)) continue;
        acks.set(a.workId, copy(a));
        counts.acknowledgements++;
      }
      const { add, drop } = capSamples(samples, data.speedSamples);
      const dropped = new Set(drop);
      const kept = samples.filter((_, i) => !dropped.has(i));
      samples.splice(0, samples.length, ...kept, ...add.map((s) => copy(s)));
      counts.speedSamples = add.length;
      const marks = recordStore('highlights');
      const stones = recordStore('tombstones');
      const plan = planMarks({ bookmarks: [...bookmarks.values()], highlights: [...marks.values()], tombstones: [...stones.values()] }, data);
      for (const b of plan.bookmarks.put) bookmarks.set(b.id, copy(b));
      for (const id of plan.bookmarks.remove) bookmarks.delete(id);
      for (const h of plan.highlights.put) marks.set(h.id, copy({ ...h }));
      for (const id of plan.highlights.remove) marks.delete(id);
      for (const t of plan.tombstones) stones.set(t.id, copy({ ...t }));
      counts.bookmarks = plan.bookmarks.put.length;
      counts.highlights = plan.highlights.put.length;
      counts.tombstones = plan.tombstones.length;
      progress?.(1, 1);
      return counts;
    },
    async getRecord(name, key) {
      return copy(recordStore(name).get(key));
    },
    async listRecords(name, index) {
      const all = [...recordStore(name).values()];
      return copy(index ? all.filter((r) => r[index.name] === index.value) : all);
    },
    async putRecord(name, record) {
      recordStore(name).set(String(record[RECORD_KEYS[name]]), copy(record));
    },
    async deleteRecord(name, key) {
      recordStore(name).delete(key);
    },
    close() {},
  };
}
