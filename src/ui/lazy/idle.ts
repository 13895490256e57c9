/** When the lazy chunks are preloaded: after the first screen is painted, one chunk per idle moment. */
import { afterPaint, whenIdle } from '../../device/idle';
import { preloaders } from '.';

/** How long each preload may wait for an idle moment before it starts anyway. */
const IDLE_TIMEOUT_MS = 2000;

let state: 'waiting' | 'running' | 'done' = 'waiting';
let painted: () => void = () => undefined;
const firstScreen = new Promise<void>((resolve) => (painted = resolve));

/** Resolves once the first screen is painted (the preload's start): what the first load must not compete with waits for it. */
export function firstScreenPainted(): Promise<void> {
  return firstScreen;
}

/**
 * Runs `tasks` (default: every lazy chunk's preload) one after another, each in its own idle
 * moment, starting after the next paint: at most one chunk is on its way at a time, so the
 * preload never floods the page or the service worker. Once per page: later calls do nothing.
 * The canceller (for an effect's cleanup) stops the rest; a later call goes on with it (a
 * chunk already in resolves at once).
 */
export function preloadWhenIdle(tasks: readonly (() => Promise<void>)[] = preloaders()): () => void {
  if (state !== 'waiting') return () => undefined;
  state = 'running';
  let live = true;
  let cancel: () => void = () => undefined;
  const next = (i: number) => {
    const task = tasks[i];
    if (!task) {
      state = 'done';
      return;
    }
    cancel = whenIdle(() => void task().then(() => live && next(i + 1)), IDLE_TIMEOUT_MS);
  };
  // Past the paint of what is on screen now.
  cancel = afterPaint(() => {
    painted();
    next(0);
  });
  return () => {
    if (!live || state !== 'running') return;
    live = false;
    cancel();
    state = 'waiting';
  };
}
