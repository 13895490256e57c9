/**
 * Stand-in for `phone`'s src/device/wake-lock.ts (TEAM.md interface) until it lands on main:
 * one sentinel shared by every holder, requested while someone holds and the page is
 * visible, asked again on visible. Delete this file when merging theirs.
 */

/** Who wants the screen kept on. */
export type WakeReason = 'reading' | 'speech';

/** One wake lock for the whole page. */
export interface WakeLock {
  readonly supported: boolean;
  hold(reason: WakeReason): void;
  release(reason: WakeReason): void;
  dispose(): void;
}

/** Makes the page's wake lock; a refused request only means the screen may dim. */
export function createWakeLock(nav: Navigator = navigator, doc: Document = document): WakeLock {
  const api = (nav as Partial<Pick<Navigator, 'wakeLock'>>).wakeLock;
  const holders = new Set<WakeReason>();
  let sentinel: WakeLockSentinel | null = null;
  let requesting = false;
  const sync = (): void => {
    if (!api) return;
    if (holders.size === 0 || doc.visibilityState !== 'visible') {
      const held = sentinel;
      sentinel = null;
      if (held && !held.released) void held.release().catch(() => undefined);
      return;
    }
    if (sentinel || requesting) return;
    requesting = true;
    api.request('screen').then(
      (granted) => {
        requesting = false;
        sentinel = granted;
        granted.addEventListener('release', () => {
          if (sentinel === granted) sentinel = null;
        });
        sync();
      },
      () => {
        requesting = false;
      },
    );
  };
  if (api) doc.addEventListener('visibilitychange', sync);
  return {
    supported: api !== undefined,
    hold(reason) {
      holders.add(reason);
      sync();
    },
    release(reason) {
      holders.delete(reason);
      sync();
    },
    dispose() {
      holders.clear();
      if (api) doc.removeEventListener('visibilitychange', sync);
      sync();
    },
  };
}
