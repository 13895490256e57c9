import { describe, expect, it } from 'vitest';
import { capSamples, KEEP_SPEED_SAMPLES } from '../../../src/storage/backend';
import { importSizeProblem, MAX_IMPORT_BYTES, parseBackupText } from '../../../src/storage/backup';
import { openStore } from '../../../src/storage/store';
import type { SpeedSample } from '../../../src/storage/types';
import { channelName, freshIdb, place, works } from './helpers';

const sample = (updatedAt: number, workId = 'alpha'): SpeedSample => ({ workId, words: 200 + (updatedAt % 50), ms: 60_000, updatedAt });

describe('imports cap the speed samples as stored ones are capped', () => {
  for (const [name, indexedDB] of [['IndexedDB', freshIdb()], ['memory', undefined]] as const) {
    it(`${name}: 300 stored + 400 imported → the newest ${KEEP_SPEED_SAMPLES}; 25,975 imported → ${KEEP_SPEED_SAMPLES}`, async () => {
      const store = await openStore({ works, indexedDB, channelName: channelName() });
      for (let i = 0; i < 300; i++) await store.addSpeedSample(sample(i));
      const file = await store.exportData();
      file.speedSamples = Array.from({ length: 400 }, (_, i) => sample(1000 + i));
      const first = await store.importData(file);
      expect(first).toMatchObject({ ok: true, merged: { speedSamples: 400 } });
      let kept = await store.getSpeedSamples();
      expect(kept).toHaveLength(KEEP_SPEED_SAMPLES);
      expect(Math.min(...kept.map((s) => s.updatedAt))).toBe(200);
      expect(Math.max(...kept.map((s) => s.updatedAt))).toBe(1399);
      // The same file again adds nothing.
      expect(await store.importData(file)).toMatchObject({ ok: true, merged: { speedSamples: 0 } });

      file.speedSamples = Array.from({ length: 25_975 }, (_, i) => sample(5000 + i, i % 2 ? 'alpha' : 'beta'));
      await store.importData(file);
      kept = await store.getSpeedSamples();
      expect(kept).toHaveLength(KEEP_SPEED_SAMPLES);
      expect(Math.min(...kept.map((s) => s.updatedAt))).toBe(5000 + 25_975 - KEEP_SPEED_SAMPLES);
      store.close();
    });
  }

  it('capSamples: new ones once each; at equal times the stored one is the older', () => {
    const stored = [sample(1), sample(2)];
    expect(capSamples(stored, [sample(2), sample(3), sample(3)], 5)).toEqual({ add: [sample(3)], drop: [] });
    expect(capSamples(stored, [{ ...sample(1), words: 999 }, sample(0)], 2)).toEqual({ add: [{ ...sample(1), words: 999 }], drop: [0] });
  });
});

describe('a large import', () => {
  it('reports progress from 0 to 1 and merges in one pass', async () => {
    const store = await openStore({ works, indexedDB: freshIdb(), channelName: channelName() });
    const file = await store.exportData();
    file.bookmarks = Array.from({ length: 3_000 }, (_, i) => ({ id: `b${i}`, workId: 'alpha', locator: place({ block: i % 10 }), snippet: 'x'.repeat(80), createdAt: i, updatedAt: i }));
    file.speedSamples = Array.from({ length: 3_000 }, (_, i) => sample(i));
    const seen: number[] = [];
    const result = await store.importData(file, { onProgress: (f) => seen.push(f) });
    expect(result).toMatchObject({ ok: true, merged: { bookmarks: 3_000, speedSamples: KEEP_SPEED_SAMPLES } });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.length).toBeLessThan(30);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(await store.listBookmarks('alpha')).toHaveLength(3_000);
    store.close();
  });

  it(`refuses a file over ${MAX_IMPORT_BYTES / 1024 / 1024} MB with a message, before reading it`, () => {
    expect(importSizeProblem(MAX_IMPORT_BYTES)).toBeNull();
    const message = importSizeProblem(MAX_IMPORT_BYTES + 1);
    expect(message).toMatch(/more than Quire reads \(10\.0 MB\).*Nothing was changed\.$/);
    const huge = `{"format":"quire-reading-data","pad":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`;
    expect(parseBackupText(huge)).toEqual({ ok: false, message: expect.stringMatching(/10\.0 MB/) });
  });
});
