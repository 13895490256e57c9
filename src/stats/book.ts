/**
 * The statistics book: daily aggregates that page reads are added to, and what they add up
 * to. Pure and in memory (storage persists the records it hands back); the clock is the
 * page reads' own times and a `today` passed in, so tests need no waiting.
 */
import { MAX_PAGE_MS, MIN_PAGE_MS } from '../reader/reading-speed';
import { addDays, localDay, type DayOf } from './days';
import { ALL_WORKS, type DayPoint, type DayStats, type PageRead, type StatsSummary } from './types';

/** Whether a page read counts: shown long enough to be read, not so long that the reader was away. */
export function counts(read: PageRead): boolean {
  const ms = read.turnedAt - read.shownAt;
  return read.words > 0 && ms >= MIN_PAGE_MS && ms <= MAX_PAGE_MS;
}

/** Days read in a row: the longest run, and the run that reaches `today` (or yesterday). */
export function streaks(days: readonly string[], today: string): { current: number; longest: number } {
  const set = new Set(days);
  let longest = 0;
  for (const day of set) {
    if (set.has(addDays(day, -1))) continue;
    let run = 1;
    while (set.has(addDays(day, run))) run++;
    longest = Math.max(longest, run);
  }
  let end = set.has(today) ? today : addDays(today, -1);
  let current = 0;
  while (set.has(end)) {
    current++;
    end = addDays(end, -1);
  }
  return { current, longest };
}

/** Makes a book over stored records. `dayOf` picks the calendar (local time by default). */
export function createStatsBook(initial: readonly DayStats[] = [], dayOf: DayOf = localDay) {
  const byKey = new Map<string, DayStats>();
  // The end of the last counted page per scope: a page that starts within 5 minutes of it goes on the same sitting.
  const lastAt = new Map<string, number>();
  const load = (records: readonly DayStats[]) => {
    byKey.clear();
    lastAt.clear();
    for (const r of records) {
      byKey.set(r.key, { ...r });
      lastAt.set(r.workId, Math.max(lastAt.get(r.workId) ?? 0, r.lastAt));
    }
  };
  load(initial);

  const bump = (scope: string, day: string, read: PageRead): DayStats => {
    const key = `${day}|${scope}`;
    const had = byKey.get(key);
    const previous = lastAt.get(scope);
    const newSitting = previous === undefined || read.shownAt - previous > MAX_PAGE_MS;
    const next: DayStats = {
      key,
      day,
      workId: scope,
      ms: (had?.ms ?? 0) + (read.turnedAt - read.shownAt),
      words: (had?.words ?? 0) + read.words,
      pages: (had?.pages ?? 0) + 1,
      sittings: (had?.sittings ?? 0) + (newSitting ? 1 : 0),
      lastAt: Math.max(had?.lastAt ?? 0, read.turnedAt),
      updatedAt: read.turnedAt,
    };
    byKey.set(key, next);
    lastAt.set(scope, Math.max(previous ?? 0, read.turnedAt));
    return next;
  };

  const scoped = (workId: string) => [...byKey.values()].filter((r) => r.workId === workId);

  return {
    /** Adds a page read; returns the records it changed (the work's day and the all-works day), none when it did not count. */
    add(read: PageRead): DayStats[] {
      if (!counts(read) || read.workId === ALL_WORKS) return [];
      const day = dayOf(read.turnedAt);
      return [bump(read.workId, day, read), bump(ALL_WORKS, day, read)];
    },
    /** Every record, oldest day first. */
    records(): DayStats[] {
      return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
    },
    /** What one work (or all works, by default) adds up to, as of the time `now`. */
    summary(workId: string = ALL_WORKS, now = Date.now()): StatsSummary {
      const rs = scoped(workId).filter((r) => r.ms > 0);
      const sum = (f: (r: DayStats) => number) => rs.reduce((s, r) => s + f(r), 0);
      const ms = sum((r) => r.ms);
      const words = sum((r) => r.words);
      const { current, longest } = streaks(rs.map((r) => r.day), dayOf(now));
      return {
        ms,
        words,
        pages: sum((r) => r.pages),
        sittings: sum((r) => r.sittings),
        days: new Set(rs.map((r) => r.day)).size,
        wpm: ms > 0 ? (words / ms) * 60_000 : null,
        currentStreak: current,
        longestStreak: longest,
      };
    },
    /** The last `count` days up to the day of `now`, oldest first, with what was read on each (0 for none). */
    lastDays(count: number, now = Date.now(), workId: string = ALL_WORKS): DayPoint[] {
      const today = dayOf(now);
      const points: DayPoint[] = [];
      for (let i = count - 1; i >= 0; i--) {
        const day = addDays(today, -i);
        const r = byKey.get(`${day}|${workId}`);
        points.push({ day, ms: r?.ms ?? 0, words: r?.words ?? 0 });
      }
      return points;
    },
    /** Replaces every record (after an import or a reset elsewhere). */
    replace(records: readonly DayStats[]): void {
      load(records);
    },
  };
}

/** A statistics book. */
export type StatsBook = ReturnType<typeof createStatsBook>;
