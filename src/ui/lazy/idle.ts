/** When the lazy chunks are preloaded: once, in an idle moment after the first screen is painted. */
import { preloadAll } from '.';

/** How long the preload may wait for an idle moment before it starts anyway. */
const IDLE_TIMEOUT_MS = 2000;

let state: 'waiting' | 'scheduled' | 'started' = 'waiting';

/**
 * Schedules `preload` (default: every lazy chunk) for the first idle moment after the next
 * paint; a timer where there is no requestIdleCallback (Safari). Once per page: later calls do
 * nothing. Returns a canceller for an effect's cleanup; a schedule cancelled before it started
 * can be made again.
 */
export function preloadWhenIdle(preload: () => Promise<void> = preloadAll): () => void {
  if (state !== 'waiting') return () => undefined;
  state = 'scheduled';
  const run = () => {
    state = 'started';
    void preload();
  };
  const idle = () => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
      cancel = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(run, 200);
      cancel = () => clearTimeout(id);
    }
  };
  // A frame, then a task: past the paint of what is on screen now.
  const frame = requestAnimationFrame(() => {
    const id = setTimeout(idle, 0);
    cancel = () => clearTimeout(id);
  });
  let cancel = () => cancelAnimationFrame(frame);
  return () => {
    if (state !== 'scheduled') return;
    cancel();
    state = 'waiting';
  };
}
