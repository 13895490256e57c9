import { describe, expect, it } from 'vitest';
import { createStatsBook } from '../../../src/stats/book';
import { utcDay } from '../../../src/stats/days';
import { createStatsState } from '../../../src/stats/state';
import { checkDayStats } from '../../../src/storage/stats';
import { openStore } from '../../../src/storage/store';
import type { DayStats } from '../../../src/stats/types';
import { channelName, freshIdb, plant, problems, works } from '../storage/helpers';

const S = 1000;

/** Two pages read on 2026-01-10, as the book makes them: the work's record and the all-works one. */
function records(): DayStats[] {
  const book = createStatsBook([], utcDay);
  const t = Date.UTC(2026, 0, 10, 9);
  book.add({ workId: 'alpha', words: 250, shownAt: t, turnedAt: t + 60 * S });
  book.add({ workId: 'alpha', words: 250, shownAt: t + 60 * S, turnedAt: t + 120 * S });
  return book.records();
}

describe('statistics in storage', () => {
  it('keeps the records, reads them back checked, and resets them', async () => {
    const store = await openStore({ works, indexedDB: freshIdb(), channelName: channelName() });
    await store.putStats(records());
    expect(await store.listStats()).toEqual(records());
    await store.clearStats();
    expect(await store.listStats()).toEqual([]);
    store.close();
  });

  it('leaves out a damaged record on read, says so, and keeps the good ones', async () => {
    const factory = freshIdb();
    const seen = problems();
    const first = await openStore({ works, indexedDB: factory, channelName: channelName() });
    first.close();
    const good = records()[0] as DayStats;
    await plant(factory, 'stats', [
      { value: good },
      { value: { ...good, key: '2026-01-11|alpha', day: '2026-01-11', ms: -5 } },
      { value: { ...good, key: 'nonsense' } },
      { value: { key: '2026-01-12|alpha', day: 12 } },
    ]);
    const store = await openStore({ works, indexedDB: factory, channelName: channelName(), onProblem: seen.onProblem });
    expect(await store.listStats()).toEqual([good]);
    expect(seen.list.filter((p) => p.store === 'stats' && p.action === 'ignored')).toHaveLength(3);
    store.close();
  });

  it('checks every field', () => {
    const good = records()[0] as DayStats;
    expect(checkDayStats(good).ok).toBe(true);
    expect(checkDayStats({ ...good, day: '2026-02-30', key: '2026-02-30|alpha' })).toMatchObject({ ok: false });
    expect(checkDayStats({ ...good, pages: 1.5 })).toMatchObject({ ok: false, reason: 'pages is not a whole number' });
    // A page's words are an estimate (its share of the section's words): not always whole.
    expect(checkDayStats({ ...good, words: 204.9 }).ok).toBe(true);
    expect(checkDayStats({ ...good, lastAt: Number.NaN })).toMatchObject({ ok: false });
    expect(checkDayStats({ ...good, workId: '' })).toMatchObject({ ok: false });
  });

  it('goes into the reading-data file and comes back from it; a bad statistic refuses the file and changes nothing', async () => {
    const a = await openStore({ works, indexedDB: freshIdb(), channelName: channelName() });
    await a.putStats(records());
    const file = await a.exportData();
    expect(file.stats).toEqual(records());
    const b = await openStore({ works, indexedDB: freshIdb(), channelName: channelName() });
    const bad = await b.importData({ ...file, stats: [{ ...records()[0], words: 'many' }] });
    expect(bad).toMatchObject({ ok: false });
    if (!bad.ok) expect(bad.message).toMatch(/stats\[0\]: words is not a number/);
    expect(await b.listStats()).toEqual([]);
    expect(await b.importData(file)).toMatchObject({ ok: true, merged: { stats: 2 } });
    expect(await b.listStats()).toEqual(records());
    // The same file again changes nothing; a file from before statistics imports as before.
    expect(await b.importData(file)).toMatchObject({ ok: true, merged: { stats: 0 } });
    const { stats: _stats, ...older } = file;
    expect(await b.importData(older)).toMatchObject({ ok: true });
    a.close();
    b.close();
  });

  it('is fed by the statistics state, and reset through it', async () => {
    const store = await openStore({ works, indexedDB: freshIdb(), channelName: channelName() });
    const stats = createStatsState([], { put: (r) => store.putStats(r), clear: () => store.clearStats() }, utcDay);
    stats.pageRead({ workId: 'alpha', words: 200, shownAt: 0, turnedAt: 30 * S });
    stats.pageRead({ workId: 'alpha', words: 200, shownAt: 30 * S, turnedAt: 30 * S + 500 }); // a skim: nothing
    await store.flush();
    await expect.poll(() => store.listStats().then((r) => r.length)).toBe(2);
    expect(stats.version.value).toBe(1);
    await stats.reset();
    expect(await store.listStats()).toEqual([]);
    expect(stats.book.summary('alpha', 0).ms).toBe(0);
    store.close();
  });
});
