/** The highlights of the open work: loaded from storage, added, edited and deleted (with undo) there. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Highlight, HighlightStore } from '../../annotations/types';

/** A new record id (randomUUID needs a secure context; a served-over-http copy may not be one). */
export function newId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** `version` changes when stored data changed under the app (an import): the list is read again. */
export function useHighlights(store: HighlightStore, workId: string, version = 0) {
  const [highlights, setHighlights] = useState<readonly Highlight[]>([]);
  const [error, setError] = useState<string | null>(null);
  const list = useRef(highlights);
  list.current = highlights;
  // Written and deleted here since the list was last asked for: a read that started earlier
  // must neither lose the one nor bring back the other.
  const written = useRef(new Set<string>());
  const removed = useRef(new Set<string>());
  useEffect(() => {
    let live = true;
    written.current = new Set();
    removed.current = new Set();
    void store.listHighlights(workId).then((found) => {
      if (!live) return;
      // What was written here while the read was under way stays (the newer copy of each wins).
      setHighlights((mine) => {
        const byId = new Map(found.filter((h) => !removed.current.has(h.id)).map((h) => [h.id, h]));
        for (const h of mine) if (written.current.has(h.id) && (byId.get(h.id)?.updatedAt ?? -Infinity) < h.updatedAt) byId.set(h.id, h);
        return [...byId.values()];
      });
    });
    return () => {
      live = false;
    };
  }, [store, workId, version]);

  const replace = (h: Highlight) => {
    removed.current.delete(h.id);
    written.current.add(h.id);
    setHighlights((all) => [...all.filter((x) => x.id !== h.id), h]);
  };
  const drop = (id: string) => {
    written.current.delete(id);
    removed.current.add(id);
    setHighlights((all) => all.filter((x) => x.id !== id));
  };

  /** Stores a highlight (new or changed); the list shows it at once and drops it again if the write fails. */
  const put = useCallback(
    async (h: Highlight): Promise<boolean> => {
      const before = list.current.find((x) => x.id === h.id);
      replace(h);
      try {
        await store.putHighlight(h);
        setError(null);
        return true;
      } catch {
        if (before) replace(before);
        else drop(h.id);
        setError('The highlight could not be saved.');
        return false;
      }
    },
    [store],
  );

  /** Changes a highlight's note (or colour). */
  const update = useCallback(
    (id: string, change: Partial<Pick<Highlight, 'note' | 'colour'>>) => {
      const h = list.current.find((x) => x.id === id);
      return h ? put({ ...h, ...change, updatedAt: Math.max(Date.now(), h.updatedAt + 1) }) : Promise.resolve(false);
    },
    [put],
  );

  /** Deletes a highlight; the returned undo writes it back (newer than its tombstone, so it outlives it). */
  const remove = useCallback(
    async (h: Highlight): Promise<(() => Promise<boolean>) | null> => {
      drop(h.id);
      try {
        await store.deleteHighlight(h.id);
      } catch {
        replace(h);
        setError('The highlight could not be deleted.');
        return null;
      }
      return () => put({ ...h, updatedAt: Date.now() + 1 });
    },
    [store, put],
  );

  return { highlights, error, put, update, remove };
}
