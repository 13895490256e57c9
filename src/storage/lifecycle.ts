/** Flushes when the page may be going away: `pagehide`, and `visibilitychange` to hidden. */

let leaving = false;

/**
 * True from the moment the page is hidden or unloading until it is shown again. Writes made
 * then must be sent at once and committed: a transaction that waits for a read's result (or
 * for the task to end) is lost when the page goes away before it commits.
 */
export function pageLeaving(): boolean {
  return leaving;
}

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  // Registered as this module loads, so before any flush listener: every flush sees the flag.
  window.addEventListener('pagehide', () => (leaving = true), { capture: true });
  window.addEventListener('pageshow', () => (leaving = false), { capture: true });
  document.addEventListener('visibilitychange', () => (leaving = document.visibilityState === 'hidden'), { capture: true });
}

/** The bits of window and document this needs (the real ones by default). */
export interface PageEvents {
  window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { visibilityState: DocumentVisibilityState };
}

/** Calls `flush` on pagehide and when the page becomes hidden. Returns an unsubscribe. */
export function flushOnHide(flush: () => unknown, page: PageEvents = { window, document }): () => void {
  // Mobile browsers may kill a hidden page without pagehide, so hidden is the last sure moment.
  const onVisibility = () => {
    if (page.document.visibilityState === 'hidden') void flush();
  };
  const onPageHide = () => void flush();
  page.window.addEventListener('pagehide', onPageHide);
  page.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    page.window.removeEventListener('pagehide', onPageHide);
    page.document.removeEventListener('visibilitychange', onVisibility);
  };
}
