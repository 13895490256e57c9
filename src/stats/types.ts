/** The reading-statistics model: page reads in, daily aggregates kept, summaries out. See ./README.md. */

/** One page the reader had on screen: its words, when it was shown and when it was left. */
export interface PageRead {
  workId: string;
  words: number;
  shownAt: number;
  turnedAt: number;
}

/** The scope of the all-works record of a day (a work id never is `*`: ids are kebab-case). */
export const ALL_WORKS = '*';

/**
 * A day's reading of one work (or of all works together, `workId: '*'`), as stored in the
 * `stats` store: keyed `<day>|<workId>`, indexed by `day`. Only counted pages are in it.
 */
export interface DayStats {
  key: string;
  /** The local calendar day, `YYYY-MM-DD`. */
  day: string;
  workId: string;
  /** Time actually reading, ms (pauses and skims left out). */
  ms: number;
  words: number;
  pages: number;
  /** Sittings that began this day. */
  sittings: number;
  /** When the last counted page of this scope on this day was left (ms since epoch): a sitting goes on from there. */
  lastAt: number;
  updatedAt: number;
}

/** What a scope (one work, or all) adds up to. */
export interface StatsSummary {
  ms: number;
  words: number;
  pages: number;
  sittings: number;
  /** Days with any reading. */
  days: number;
  /** Words per minute over the time counted, or null before there is any. */
  wpm: number | null;
  /** Days read in a row up to today (or up to yesterday, when today has no reading yet). */
  currentStreak: number;
  longestStreak: number;
}

/** One day of a chart: the day and what was read on it. */
export interface DayPoint {
  day: string;
  ms: number;
  words: number;
}
