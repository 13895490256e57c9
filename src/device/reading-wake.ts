/** The "reading" holder of the wake lock: on while a work is open and the reader is active, off after 10 idle minutes. */
import type { WakeLock } from './wake-lock';

/** A reader who has not turned a page or scrolled for this long has probably fallen asleep. */
export const READING_IDLE_MS = 10 * 60 * 1000;

/** Timers, injectable for tests (defaults to the page's own, which Playwright's clock can drive). */
export interface IdleClock {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** What the reader screen tells the policy. */
export interface ReadingWake {
  /** The reader turned a page or scrolled (or came back to the page): keep the screen on for another idle period. */
  activity(): void;
  /** The reader screen closed: release. */
  stop(): void;
}

const pageClock: IdleClock = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
};

/**
 * Holds the lock for reading from now until `stop()`, except after `idleMs` without
 * `activity()`: then the lock is released until the next activity. Hidden/visible is the
 * lock's own business (./wake-lock.ts); returning to a visible page counts as activity.
 */
export function startReadingWake(
  lock: Pick<WakeLock, 'hold' | 'release'>,
  options: { idleMs?: number; clock?: IdleClock; doc?: Document } = {},
): ReadingWake {
  const idleMs = options.idleMs ?? READING_IDLE_MS;
  const clock = options.clock ?? pageClock;
  const doc = options.doc ?? (typeof document === 'undefined' ? undefined : document);
  let timer: unknown;
  let stopped = false;

  const activity = () => {
    if (stopped) return;
    if (timer !== undefined) clock.clearTimeout(timer);
    lock.hold('reading');
    timer = clock.setTimeout(() => {
      timer = undefined;
      lock.release('reading');
    }, idleMs);
  };
  const onVisibility = () => {
    if (doc?.visibilityState === 'visible') activity();
  };
  doc?.addEventListener('visibilitychange', onVisibility);
  activity();

  return {
    activity,
    stop() {
      if (stopped) return;
      stopped = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      doc?.removeEventListener('visibilitychange', onVisibility);
      lock.release('reading');
    },
  };
}
