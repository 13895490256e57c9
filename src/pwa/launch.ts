/** Launches: the "Continue reading" shortcut (`/#/continue`) opens the last-read work, also in an open window (focus-existing). */
import type { Locator } from '../reader/locator';

/** The shortcut's hash (build/pwa.ts CONTINUE_URL). */
export const CONTINUE_HASH = '#/continue';

/** The work read most recently (newest place), or null when nothing was read yet. */
export function lastReadWork(positions: Readonly<Record<string, Pick<Locator, 'workId' | 'updatedAt'>>>): string | null {
  let best: Pick<Locator, 'workId' | 'updatedAt'> | null = null;
  for (const place of Object.values(positions)) if (!best || place.updatedAt > best.updatedAt) best = place;
  return best?.workId ?? null;
}

/** `#/continue` becomes the last-read work's route (or the library); any other hash is kept. */
export function resolveLaunchHash(hash: string, positions: Readonly<Record<string, Pick<Locator, 'workId' | 'updatedAt'>>>): string {
  if (hash !== CONTINUE_HASH) return hash;
  const workId = lastReadWork(positions);
  return workId === null ? '#/' : `#/read/${encodeURIComponent(workId)}`;
}

interface LaunchParams {
  targetURL?: string;
}
interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

/**
 * Follows `#/continue` at start, on a hash change, and in launches handed to this open
 * window (`launchQueue`, with `launch_handler: focus-existing`). The hash is replaced,
 * not pushed, so Back never returns to `#/continue` (which would open the work again).
 * `sync` shows a hash's route (the app state's syncFromHash). Returns stop().
 */
export function followLaunches(sync: (hash: string) => void, positions: () => Readonly<Record<string, Locator>>): () => void {
  const follow = (hash: string) => {
    if (hash !== CONTINUE_HASH) return false;
    const target = resolveLaunchHash(hash, positions());
    history.replaceState(history.state, '', target);
    sync(target);
    return true;
  };
  const onHash = () => void follow(location.hash);
  follow(location.hash);
  window.addEventListener('hashchange', onHash);
  const queue = (window as { launchQueue?: LaunchQueue }).launchQueue;
  queue?.setConsumer((params) => {
    if (!params.targetURL) return;
    // Any other launch (the app icon) only brings this window forward: the reader stays where it is.
    if (params.targetURL) follow(new URL(params.targetURL).hash);
  });
  return () => window.removeEventListener('hashchange', onHash);
}
