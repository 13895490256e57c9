/** The page's life as storage needs it: flush when the page may be going away, know when it is leaving. */

/** The bits of window and document this needs (the real ones by default). */
export interface PageEvents {
  window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { visibilityState: DocumentVisibilityState };
}

/** What the app does at each moment. */
export interface LifecycleHandlers {
  /** Write everything pending: called on `pagehide` and on `visibilitychange` to hidden. */
  flush(): unknown;
  /** The page is visible again after being hidden (e.g. back from the background on a phone). */
  visible?(): void;
}

/** The wired lifecycle. */
export interface PageLifecycle {
  /**
   * True from the moment the page is hidden or unloading until it is shown again. Writes made
   * then must be sent at once and committed: a transaction that waits for a read's result (or
   * for the task to end) is lost when the page goes away before it commits.
   */
  leaving(): boolean;
  /** Removes the listeners. */
  dispose(): void;
}

/**
 * Wires pagehide, pageshow and visibilitychange once (main.tsx calls it; nothing is added on
 * import). The leaving flag is set before `flush` runs, so every write in that flush sees it.
 */
export function wirePageLifecycle(handlers: LifecycleHandlers, page: PageEvents = { window, document }): PageLifecycle {
  let leaving = false;
  let wasHidden = false;
  // Mobile browsers may kill a hidden page without pagehide, so hidden is the last sure moment.
  const onVisibility = () => {
    if (page.document.visibilityState === 'hidden') {
      leaving = true;
      wasHidden = true;
      void handlers.flush();
      return;
    }
    leaving = false;
    if (wasHidden) {
      wasHidden = false;
      handlers.visible?.();
    }
  };
  const onPageHide = () => {
    leaving = true;
    void handlers.flush();
  };
  const onPageShow = () => {
    leaving = false;
  };
  page.window.addEventListener('pagehide', onPageHide);
  page.window.addEventListener('pageshow', onPageShow);
  page.document.addEventListener('visibilitychange', onVisibility);
  return {
    leaving: () => leaving,
    dispose() {
      page.window.removeEventListener('pagehide', onPageHide);
      page.window.removeEventListener('pageshow', onPageShow);
      page.document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
