/** The Screen Wake Lock behind one sentinel shared by every holder ('reading', 'speech'). See ./README.md. */

/** Who wants the screen kept on. */
export type WakeReason = 'reading' | 'speech';

/** One wake lock for the whole page: held while any reason holds it and the page is visible. */
export interface WakeLock {
  /** The browser has the Screen Wake Lock API (iOS home-screen apps before 18.4 do not). */
  readonly supported: boolean;
  /** Adds a holder; the lock is requested now if the page is visible. Holding twice is holding once. */
  hold(reason: WakeReason): void;
  /** Removes a holder; the lock is released when no holder is left. */
  release(reason: WakeReason): void;
  /** Releases the lock and stops listening to the page. */
  dispose(): void;
}

/**
 * Makes the page's wake lock. The browser drops a sentinel when the page is hidden; this
 * asks again when the page is visible while someone still holds it. A refused request
 * (battery saver, a page not yet visible) is not an error: the screen just may dim.
 */
export function createWakeLock(nav: Navigator = navigator, doc: Document = document): WakeLock {
  const api = (nav as Partial<Pick<Navigator, 'wakeLock'>>).wakeLock;
  const holders = new Set<WakeReason>();
  let sentinel: WakeLockSentinel | null = null;
  let requesting = false;
  let disposed = false;

  const wanted = () => !disposed && holders.size > 0 && doc.visibilityState === 'visible';

  const drop = () => {
    const held = sentinel;
    sentinel = null;
    if (held && !held.released) void held.release().catch(() => undefined);
  };

  const sync = (): void => {
    if (!api) return;
    if (!wanted()) {
      drop();
      return;
    }
    if (sentinel || requesting) return;
    requesting = true;
    api.request('screen').then(
      (granted) => {
        requesting = false;
        sentinel = granted;
        // The browser releases it by itself when the page is hidden; forget it then.
        granted.addEventListener('release', () => {
          if (sentinel === granted) sentinel = null;
        });
        sync(); // Things changed while asking: release it at once, or keep it.
      },
      () => {
        requesting = false;
      },
    );
  };

  const onVisibility = () => sync();
  if (api) doc.addEventListener('visibilitychange', onVisibility);

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
      disposed = true;
      holders.clear();
      if (api) doc.removeEventListener('visibilitychange', onVisibility);
      drop();
    },
  };
}

let shared: WakeLock | undefined;

/** The page's one wake lock (made on first use), so every holder shares one sentinel. */
export function sharedWakeLock(): WakeLock {
  shared ??= createWakeLock();
  return shared;
}
