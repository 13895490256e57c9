/** The bookmarks of the open work: loaded from storage, added and removed there. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Locator } from '../../reader/locator';
import { samePlace } from '../../reader/place';
import type { Bookmark, ReadingStore } from '../../storage/types';

/** A new bookmark id (randomUUID needs a secure context; a served-over-http copy may not be one). */
function newId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** A bookmark's snippet: the words at the place. */
function snippetAt(locator: Locator): string {
  const text = `${locator.quote.text}${locator.quote.after}`.replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text;
}

/** `version` changes when stored data changed under the app (an import): the list is read again. */
export function useBookmarks(store: ReadingStore, workId: string, version = 0) {
  const [bookmarks, setBookmarks] = useState<readonly Bookmark[]>([]);
  // Until the stored list is read, B could add a second bookmark at a marked place.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    void store.listBookmarks(workId).then((list) => {
      if (!live) return;
      setBookmarks(list);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [store, workId, version]);

  /** The bookmark at exactly this place, if any. */
  const at = useCallback((locator: Locator | null) => (locator ? bookmarks.find((b) => samePlace(b.locator, locator)) : undefined), [bookmarks]);

  const remove = useCallback(
    async (bookmark: Bookmark) => {
      setBookmarks((list) => list.filter((b) => b.id !== bookmark.id));
      try {
        await store.deleteBookmark(bookmark.id);
      } catch {
        setBookmarks((list) => (list.some((b) => b.id === bookmark.id) ? list : [...list, bookmark]));
      }
    },
    [store],
  );

  /** Adds a bookmark at the place, or removes the one that is there. */
  const toggle = useCallback(
    async (locator: Locator) => {
      if (!loaded) return;
      const existing = bookmarks.find((b) => samePlace(b.locator, locator));
      if (existing) {
        await remove(existing);
        return;
      }
      const now = Date.now();
      const bookmark: Bookmark = { id: newId(), workId, locator, snippet: snippetAt(locator), createdAt: now, updatedAt: now };
      setBookmarks((list) => [...list, bookmark]);
      try {
        await store.putBookmark(bookmark);
      } catch {
        // Storage says what went wrong in its own note; the list shows what is really kept.
        setBookmarks((list) => list.filter((b) => b.id !== bookmark.id));
      }
    },
    [bookmarks, loaded, store, workId, remove],
  );

  return { bookmarks, at, toggle, remove };
}
