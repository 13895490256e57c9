/** The reader screen's one line for keeping the screen on: `useReadingWake(settings.keepScreenOn, model.onRelocate)`. */
import { useEffect, useRef } from 'preact/hooks';
import { startReadingWake, type IdleClock } from './reading-wake';
import { sharedWakeLock, type WakeLock } from './wake-lock';

/** Something that reports the reader's moves (the reader model's `onRelocate` fits). */
export type OnMove = (listener: () => void) => () => void;

/**
 * While mounted and `enabled`, holds the "reading" wake lock; every move `onMove` reports,
 * and every scroll inside the page, counts as activity. Unmounting (the library) releases it.
 */
export function useReadingWake(enabled: boolean, onMove?: OnMove, options: { lock?: WakeLock; clock?: IdleClock } = {}): void {
  const moves = useRef(onMove);
  moves.current = onMove;
  const { lock, clock } = options;
  useEffect(() => {
    if (!enabled) return;
    const wake = startReadingWake(lock ?? sharedWakeLock(), clock ? { clock } : {});
    const onScroll = () => wake.activity();
    // Capture: scrolls of the reader's own scroller do not bubble to window.
    addEventListener('scroll', onScroll, { capture: true, passive: true });
    const unsubscribe = moves.current?.(() => wake.activity());
    return () => {
      unsubscribe?.();
      removeEventListener('scroll', onScroll, { capture: true });
      wake.stop();
    };
  }, [enabled, lock, clock]);
}
