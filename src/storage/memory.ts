/** The in-memory store: used when IndexedDB cannot be; kept for this visit only. */
import type { Locator } from '../reader/locator';
import type { AcknowledgementRecord, SettingsRecord } from './db';
import { isNewer, KEEP_SPEED_SAMPLES, sameSample, type Backend, type MergeCounts, type MergeData, type RawDump } from './backend';
import type { Bookmark, SpeedSample } from './types';

/** Creates an empty in-memory backend. Values are copied in and out, as IndexedDB would. */
export function createMemoryBackend(): Backend {
  const positions = new Map<string, Locator>();
  let settings: SettingsRecord | undefined;
  const acks = new Map<string, AcknowledgementRecord>();
  const samples: SpeedSample[] = [];
  const bookmarks = new Map<string, Bookmark>();
  const copy = structuredClone;

  return {
    async getPosition(workId) {
      return copy(positions.get(workId));
    },
    async putPositionIfNewer(locator) {
      if (!isNewer(positions.get(locator.workId), locator)) return false;
      positions.set(locator.workId, copy(locator));
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
      });
    },
    async merge(data: MergeData): Promise<MergeCounts> {
      const counts: MergeCounts = { positions: 0, settings: 0, acknowledgements: 0, speedSamples: 0, bookmarks: 0 };
      for (const p of data.positions) {
        if (!isNewer(positions.get(p.workId), p)) continue;
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
      for (const s of data.speedSamples) {
        if (samples.some((x) => sameSample(x, s))) continue;
        samples.push(copy(s));
        counts.speedSamples++;
      }
      for (const b of data.bookmarks) {
        if (!isNewer(bookmarks.get(b.id), b)) continue;
        bookmarks.set(b.id, copy(b));
        counts.bookmarks++;
      }
      return counts;
    },
    close() {},
  };
}
