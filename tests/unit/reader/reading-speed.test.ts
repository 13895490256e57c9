import { describe, expect, test } from 'vitest';
import { DEFAULT_WPM, formatMinutes, MAX_PAGE_MS, MIN_PAGE_MS, MIN_SAMPLES, minutesFor, pageSample, readingSpeed } from '../../../src/reader/reading-speed';
import type { SpeedSample } from '../../../src/storage/types';

const sample = (words: number, ms: number): SpeedSample => ({ workId: 'w', words, ms, updatedAt: 0 });

describe('readingSpeed', () => {
  test('uses the stated default until there are enough samples', () => {
    const few = Array.from({ length: MIN_SAMPLES - 1 }, () => sample(300, 60_000));
    expect(readingSpeed(few)).toEqual({ wpm: DEFAULT_WPM, measured: false });
  });

  test('measures words over time once there are enough', () => {
    const enough = Array.from({ length: MIN_SAMPLES }, () => sample(300, 60_000));
    expect(readingSpeed(enough)).toEqual({ wpm: 300, measured: true });
  });

  test('ignores pauses and skims', () => {
    const reading = Array.from({ length: MIN_SAMPLES }, () => sample(200, 60_000));
    const noise = [sample(200, MAX_PAGE_MS + 1), sample(200, MIN_PAGE_MS - 1)];
    expect(readingSpeed([...reading, ...noise]).wpm).toBe(200);
  });
});

describe('pageSample', () => {
  test('a page read in a plausible time is a sample; a pause or a skip is not', () => {
    expect(pageSample('w', 250, 1_000, 61_000)).toEqual({ workId: 'w', words: 250, ms: 60_000, updatedAt: 61_000 });
    expect(pageSample('w', 250, 0, MAX_PAGE_MS + 1)).toBeNull();
    expect(pageSample('w', 250, 0, MIN_PAGE_MS - 1)).toBeNull();
    expect(pageSample('w', 0, 0, 60_000)).toBeNull();
  });
});

test('time left in words', () => {
  expect(minutesFor(2300, 230)).toBe(10);
  expect(formatMinutes(0.5)).toBe('less than a minute');
  expect(formatMinutes(12.4)).toBe('12 min');
  expect(formatMinutes(60)).toBe('1 h');
  expect(formatMinutes(94)).toBe('1 h 34 min');
});
