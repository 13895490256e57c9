/** The bookmarks of the open work: loaded from storage, added and removed there. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Locator } from '../../reader/locator';
import { samePlace } from '../../reader/locate';
import type { Bookmark, ReadingStore } from '../../storage/types';

/** A bookmark's snippet: the words at the place. */
function snippetAt(locator: Locator): string {
  const text = `${locator.quote.text}${locator.quote.after}`.replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text;
}

/** `version` changes when stored data changed under the app (an import): the list is read again. */
export function useBookmarks(store: ReadingStore, workId: string, version = 0) {
  const [bookmarks, setBookmarks] = useState<readonly Bookmark[]>([]);
  useEffect(() => {
    let live = true;
    void store.listBookmarks(workId).then((list) => live && setBookmarks(list));
    return () => {
      live = false;
    };
  }, [store, workId, version]);

  /** The bookmark at exactly this place, if any. */
  const at = useCallback((locator: Locator | null) => (locator ? bookmarks.find((b) => samePlace(b.locator, locator)) : undefined), [bookmarks]);

  /** Adds a bookmark at the place, or removes the one that is there. */
  const toggle = useCallback(
    async (locator: Locator) => {
      const existing = bookmarks.find((b) => samePlace(b.locator, locator));
      if (existing) {
        setBookmarks((list) => list.filter((b) => b.id !== existing.id));
        await store.deleteBookmark(existing.id);
        return;
      }
      const now = Date.now();
      const bookmark: Bookmark = { id: crypto.randomUUID(), workId, locator, snippet: snippetAt(locator), createdAt: now, updatedAt: now };
      setBookmarks((list) => [...list, bookmark]);
      await store.putBookmark(bookmark);
    },
    [bookmarks, store, workId],
  );

  const remove = useCallback(
    async (bookmark: Bookmark) => {
      setBookmarks((list) => list.filter((b) => b.id !== bookmark.id));
      await store.deleteBookmark(bookmark.id);
    },
    [store],
  );

  return { bookmarks, at, toggle, remove };
}
