/** The rules for reloading into a new version: pure, so they are tested without a browser. */

/** How long "Reload" waits for the new worker to take control before reloading anyway. */
export const RELOAD_FALLBACK_MS = 4000;

/** What the flow may do to the page. */
export interface UpdateActions {
  reload(): void;
  /** Show "A new version of Quire is ready". */
  offer(): void;
  /** Runs `run` after `ms` (default setTimeout; injectable for tests). */
  after?(ms: number, run: () => void): void;
}

/** Decisions on the service-worker events that follow an update. */
export interface UpdateFlow {
  /** The reader chose "Reload" (after the position was written). */
  choose(): void;
  /** Whether "Reload" was chosen. */
  readonly chosen: boolean;
  /** Reload now (nothing is waiting: a newer worker already controls the page). Once only. */
  reloadNow(): void;
  /**
   * The waiting worker was told to take over: reload when it does, or after
   * RELOAD_FALLBACK_MS if neither `controlling` nor `controllerchange` comes (installed iOS apps).
   */
  awaitControl(): void;
  /** Workbox's `controlling`: our new worker took control. */
  controlling(): void;
  /** `navigator.serviceWorker`'s `controllerchange`; `wasControlled`: the page had a controller before. */
  controllerChanged(wasControlled: boolean): void;
}

/**
 * Reloads once, and only after the reader chose "Reload". A controller change the
 * reader did not ask for (another tab updated) only offers the update: the page is
 * never reloaded under someone who is reading. The first install's claim is ignored.
 */
export function createUpdateFlow(actions: UpdateActions): UpdateFlow {
  let chosen = false;
  let reloading = false;
  const reloadOnce = () => {
    if (reloading) return;
    reloading = true;
    actions.reload();
  };
  return {
    choose() {
      chosen = true;
    },
    get chosen() {
      return chosen;
    },
    reloadNow: reloadOnce,
    awaitControl() {
      const after = actions.after ?? ((ms, run) => void setTimeout(run, ms));
      // The place was written before choose(), so reloading without the event loses nothing.
      after(RELOAD_FALLBACK_MS, reloadOnce);
    },
    controlling() {
      if (chosen) reloadOnce();
    },
    // vite-plugin-pwa #789: `controlling` is sometimes not dispatched on the first
    // update, so the controller change itself is the fallback.
    controllerChanged(wasControlled) {
      if (!wasControlled) return;
      if (chosen) reloadOnce();
      else actions.offer();
    },
  };
}
