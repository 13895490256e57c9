import { expect, test } from 'vitest';
import { KEEP_SPEED_SAMPLES } from '../../../src/storage/backend';
import { openStore } from '../../../src/storage/store';
import { channelName, freshIdb, works } from './helpers';

test('keeps only the newest speed samples, dropping the oldest, in IndexedDB and in memory', async () => {
  for (const indexedDB of [freshIdb(), undefined]) {
    // `indexedDB: undefined` given explicitly means "none": the in-memory store.
    const store = await openStore({ works, indexedDB, channelName: channelName() });
    const kinds: string[] = [];
    store.onStatus((s) => kinds.push(s.kind));
    expect(kinds.at(-1)).toBe(indexedDB ? 'ok' : 'memory');
    const workId = works[0]?.id ?? '';
    for (let i = 0; i < KEEP_SPEED_SAMPLES + 10; i++) await store.addSpeedSample({ workId, words: 100 + i, ms: 30_000, updatedAt: i });
    const kept = await store.getSpeedSamples();
    expect(kept).toHaveLength(KEEP_SPEED_SAMPLES);
    expect(kept[0]?.updatedAt).toBe(10);
    expect(kept.at(-1)?.updatedAt).toBe(KEEP_SPEED_SAMPLES + 9);
    store.close();
  }
});
