/** Flushes when the page may be going away: `pagehide`, and `visibilitychange` to hidden. */

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
