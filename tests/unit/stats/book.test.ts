import { describe, expect, it } from 'vitest';
import { pageSample } from '../../../src/reader/reading-speed';
import { createStatsBook, counts, streaks } from '../../../src/stats/book';
import { addDays, isDay, utcDay } from '../../../src/stats/days';
import type { PageRead } from '../../../src/stats/types';

const S = 1000;
const MIN = 60 * S;
const at = (day: number, h: number, m = 0, s = 0) => Date.UTC(2026, 0, day, h, m, s);

/** A recorded sequence of page turns: each page from the previous turn to this one. */
function turns(workId: string, start: number, pages: [ms: number, words: number][]): PageRead[] {
  let shownAt = start;
  return pages.map(([ms, words]) => {
    const read = { workId, words, shownAt, turnedAt: shownAt + ms };
    shownAt += ms;
    return read;
  });
}

const A = 'work-a';
const B = 'work-b';
// Jan 10: a sitting of two read pages with a skim between, a pause (10 min on one page), then a second sitting.
const jan10 = turns(A, at(10, 9), [
  [60 * S, 250],
  [1 * S, 250], // skim: left out
  [60 * S, 250],
  [10 * MIN, 250], // pause: left out, and the sitting ends
  [30 * S, 100],
]);
// Jan 11: the other work, one sitting.
const jan11 = turns(B, at(11, 20), [
  [45 * S, 200],
  [45 * S, 200],
]);
// Jan 13 (none on Jan 12): the limits themselves count: exactly 2 s and exactly 5 min.
const jan13 = turns(A, at(13, 7), [
  [2 * S, 10],
  [5 * MIN, 300],
]);

function recorded() {
  const book = createStatsBook([], utcDay);
  for (const read of [...jan10, ...jan11, ...jan13]) book.add(read);
  return book;
}

describe('reading statistics from recorded turns', () => {
  it('counts only time actually reading: skims under 2 s and pauses over 5 min are left out, as the speed estimate does', () => {
    for (const read of [...jan10, ...jan11, ...jan13]) {
      expect(counts(read)).toBe(pageSample(read.workId, read.words, read.shownAt, read.turnedAt) !== null);
    }
    const day = recorded().records().find((r) => r.key === `2026-01-10|${A}`);
    expect(day).toMatchObject({ day: '2026-01-10', workId: A, ms: 150 * S, words: 600, pages: 3, sittings: 2 });
  });

  it('adds up per work and overall: time, words, pages, sittings, days, speed', () => {
    const book = recorded();
    const now = at(13, 12);
    expect(book.summary(A, now)).toEqual({
      ms: 150 * S + 2 * S + 5 * MIN,
      words: 910,
      pages: 5,
      sittings: 3,
      days: 2,
      wpm: (910 / (452 * S)) * MIN,
      currentStreak: 1,
      longestStreak: 1,
    });
    expect(book.summary(B, now)).toMatchObject({ ms: 90 * S, words: 400, pages: 2, sittings: 1, days: 1, wpm: 400 / 1.5, currentStreak: 0, longestStreak: 1 });
    const all = book.summary(undefined, now);
    expect(all).toMatchObject({ ms: 542 * S, words: 1310, pages: 7, sittings: 4, days: 3, currentStreak: 1, longestStreak: 2 });
    expect(all.wpm).toBeCloseTo((1310 / 542) * 60, 6);
  });

  it('keeps a streak going until a day is missed, and counts today only once read', () => {
    const book = recorded();
    expect(book.summary(undefined, at(11, 23)).currentStreak).toBe(2);
    expect(book.summary(undefined, at(12, 10)).currentStreak).toBe(2); // yesterday counts until today ends
    expect(book.summary(undefined, at(14, 10)).currentStreak).toBe(1);
    expect(book.summary(undefined, at(15, 10)).currentStreak).toBe(0);
    expect(streaks(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-05'], '2026-01-05')).toEqual({ current: 1, longest: 3 });
    expect(streaks([], '2026-01-05')).toEqual({ current: 0, longest: 0 });
  });

  it('keeps one sitting across midnight, counted on the day it began', () => {
    const book = createStatsBook([], utcDay);
    for (const read of turns(A, at(11, 23, 58), [
      [60 * S, 100],
      [90 * S, 100],
    ])) book.add(read);
    const rs = book.records().filter((r) => r.workId === A);
    expect(rs.map((r) => [r.day, r.sittings, r.ms])).toEqual([
      ['2026-01-11', 1, 60 * S],
      ['2026-01-12', 0, 90 * S],
    ]);
    // A new sitting after more than 5 minutes away.
    book.add({ workId: A, words: 50, shownAt: at(12, 0, 7), turnedAt: at(12, 0, 8) });
    expect(book.summary(A, at(12, 1)).sittings).toBe(2);
  });

  it('draws the last 30 days, oldest first, with zeros for days without reading', () => {
    const days = recorded().lastDays(30, at(13, 12));
    expect(days).toHaveLength(30);
    expect(days[29]).toEqual({ day: '2026-01-13', ms: 302 * S, words: 310 });
    expect(days[28]).toEqual({ day: '2026-01-12', ms: 0, words: 0 });
    expect(days[27]).toEqual({ day: '2026-01-11', ms: 90 * S, words: 400 });
    expect(days[0]?.day).toBe('2025-12-15');
  });

  it('comes back the same from its own records (what storage keeps), and goes on from them', () => {
    const book = recorded();
    const again = createStatsBook(book.records(), utcDay);
    expect(again.summary(undefined, at(13, 12))).toEqual(book.summary(undefined, at(13, 12)));
    // The stored lastAt carries the sitting on: a page 1 minute after the last one is no new sitting.
    const last = jan13[jan13.length - 1] as PageRead;
    again.add({ workId: A, words: 100, shownAt: last.turnedAt + MIN, turnedAt: last.turnedAt + 2 * MIN });
    expect(again.summary(A, at(13, 12)).sittings).toBe(3);
    again.replace([]);
    expect(again.summary(undefined, at(13, 12))).toMatchObject({ ms: 0, words: 0, sittings: 0, wpm: null });
  });

  it('hands back the changed records to store, and nothing for a page that does not count', () => {
    const book = createStatsBook([], utcDay);
    expect(book.add({ workId: A, words: 100, shownAt: 0, turnedAt: 500 })).toEqual([]);
    expect(book.add({ workId: A, words: 0, shownAt: 0, turnedAt: 5000 })).toEqual([]);
    expect(book.add({ workId: A, words: 100, shownAt: 0, turnedAt: 5000 }).map((r) => r.key)).toEqual([`1970-01-01|${A}`, '1970-01-01|*']);
  });
});

describe('days', () => {
  it('steps over month and year ends and checks the format', () => {
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay(20260228)).toBe(false);
  });
});
