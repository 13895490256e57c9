/** When to check for a new version: pure, with the browser injected (see browserUpdateEnv). */

/** Hourly. */
export const UPDATE_INTERVAL_MS = 60 * 60 * 1000;

/** What the schedule needs from the browser; each `on…` returns its unsubscribe. */
export interface UpdateCheckEnv {
  isOnline(): boolean;
  isVisible(): boolean;
  onVisible(listener: () => void): () => void;
  /** The window got focus (an installed iOS app brought back from the app switcher). */
  onFocus(listener: () => void): () => void;
  /** `pageshow` with `persisted`: the page came back from the back/forward cache (iOS resumes apps this way). */
  onRestored(listener: () => void): () => void;
  onOnline(listener: () => void): () => void;
  every(ms: number, tick: () => void): () => void;
}

/**
 * Calls `check` on start (unless `immediate` is false), whenever the page becomes
 * visible again, gets focus or is restored from the back/forward cache (installed iOS
 * apps otherwise lag for days), when the network comes back, and every `intervalMs` while visible;
 * never while offline or hidden, and never twice at once. A failing check is ignored
 * (the next trigger tries again). Returns stop().
 */
export function scheduleUpdateChecks(
  check: () => Promise<void>,
  env: UpdateCheckEnv,
  options: { immediate?: boolean; intervalMs?: number } = {},
): () => void {
  let running = false;
  const run = (): void => {
    if (running || !env.isOnline() || !env.isVisible()) return;
    running = true;
    check()
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  };
  const stops = [
    env.onVisible(run),
    env.onFocus(run),
    env.onRestored(run),
    env.onOnline(run),
    env.every(options.intervalMs ?? UPDATE_INTERVAL_MS, run),
  ];
  if (options.immediate ?? true) run();
  return () => stops.forEach((stop) => stop());
}

/** The real browser behind UpdateCheckEnv. */
export function browserUpdateEnv(): UpdateCheckEnv {
  return {
    isOnline: () => navigator.onLine,
    isVisible: () => document.visibilityState === 'visible',
    onVisible(listener) {
      const onChange = () => {
        if (document.visibilityState === 'visible') listener();
      };
      document.addEventListener('visibilitychange', onChange);
      return () => document.removeEventListener('visibilitychange', onChange);
    },
    onFocus(listener) {
      window.addEventListener('focus', listener);
      return () => window.removeEventListener('focus', listener);
    },
    onRestored(listener) {
      const onShow = (event: PageTransitionEvent) => {
        if (event.persisted) listener();
      };
      window.addEventListener('pageshow', onShow);
      return () => window.removeEventListener('pageshow', onShow);
    },
    onOnline(listener) {
      window.addEventListener('online', listener);
      return () => window.removeEventListener('online', listener);
    },
    every(ms, tick) {
      const id = setInterval(tick, ms);
      return () => clearInterval(id);
    },
  };
}
