/** Reading speed from the reader's own page turns, and the time left that follows from it. Pure. */
import type { SpeedSample } from '../storage/types';

/** The speed used until there is enough of the reader's own data (a common adult silent-reading pace). */
export const DEFAULT_WPM = 230;
/** Samples needed before the measured speed replaces the default. */
export const MIN_SAMPLES = 5;
/** A page shown for longer than this was a pause, not reading: not counted. */
export const MAX_PAGE_MS = 5 * 60_000;
/** A page turned sooner than this was skipped or skimmed: not counted. */
export const MIN_PAGE_MS = 2_000;
/** Only the most recent samples count, so the estimate follows the reader. */
export const RECENT_SAMPLES = 50;

/** Words per minute from the samples, or the default until there are enough; `measured` says which. */
export function readingSpeed(samples: readonly SpeedSample[]): { wpm: number; measured: boolean } {
  const recent = samples.filter((s) => s.ms >= MIN_PAGE_MS && s.ms <= MAX_PAGE_MS && s.words > 0).slice(-RECENT_SAMPLES);
  if (recent.length < MIN_SAMPLES) return { wpm: DEFAULT_WPM, measured: false };
  const words = recent.reduce((sum, s) => sum + s.words, 0);
  const ms = recent.reduce((sum, s) => sum + s.ms, 0);
  const wpm = (words / ms) * 60_000;
  // Clamp to a plausible human range so one odd session cannot make the estimate absurd.
  return { wpm: Math.max(80, Math.min(1000, wpm)), measured: true };
}

/** A sample for one page read, or null when the time on the page says it was not read (a pause or a skip). */
export function pageSample(workId: string, words: number, shownAt: number, turnedAt: number): SpeedSample | null {
  const ms = turnedAt - shownAt;
  if (ms < MIN_PAGE_MS || ms > MAX_PAGE_MS || words <= 0) return null;
  return { workId, words, ms, updatedAt: turnedAt };
}

/** Minutes to read `words` at `wpm`. */
export function minutesFor(words: number, wpm: number): number {
  return words <= 0 ? 0 : words / wpm;
}

/** "less than a minute", "12 min", "1 h 5 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return 'less than a minute';
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
