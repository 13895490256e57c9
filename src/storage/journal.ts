/**
 * The newest places of this page's life when it goes away, kept also in localStorage.
 * An IndexedDB write started just before a reload or a close may never commit (the document is
 * gone first), and that lost the last page turn. localStorage is synchronous: what is set in
 * pagehide is on disk. The next start takes a journalled place that is newer than the stored one,
 * writes it to IndexedDB, and clears the journal. See ./README.md "The journal".
 */
import type { Locator } from '../reader/locator';
import { isNewer } from '../reader/locate';
import { checkLocator, type WorkIndex } from './validate';

/** The localStorage key: a JSON array of places, the newest per work. */
export const JOURNAL_KEY = 'quire:journal';

/** Where the journal lives; undefined when storage is blocked. */
export type JournalStorage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined;

function storage(): JournalStorage {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // Storage blocked: IndexedDB alone, as before.
  }
}

/** Journals `places` (the newest of each work the writer was given); nothing when there are none. */
export function journalPlaces(places: readonly Locator[], to: JournalStorage = storage()): void {
  if (places.length === 0) return;
  try {
    to?.setItem(JOURNAL_KEY, JSON.stringify(places));
  } catch {
    // Quota or blocked: the IndexedDB write may still land; nothing else is lost.
  }
}

/**
 * The journalled places that are still valid for this catalogue (checked like any stored place;
 * a damaged journal is no journal, and says why in the console).
 */
export function readJournal(works: WorkIndex, from: JournalStorage = storage()): Locator[] {
  let raw: unknown;
  try {
    raw = JSON.parse(from?.getItem(JOURNAL_KEY) ?? '[]');
  } catch {
    console.warn('Quire: the journal of places is damaged and was not used.');
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const places: Locator[] = [];
  for (const entry of raw) {
    const checked = checkLocator(entry, works);
    if (checked.ok) places.push(checked.value);
    else console.warn(`Quire: a journalled place was not used (${checked.reason}).`);
  }
  return places;
}

/** Empties the journal (once its places are stored). */
export function clearJournal(from: JournalStorage = storage()): void {
  try {
    from?.removeItem(JOURNAL_KEY);
  } catch {
    // Blocked storage: nothing was journalled either.
  }
}

/**
 * At start, once the stored places are read into `known` (newest per work): each journalled
 * place newer than the known one replaces it and is written (`put`); the journal is cleared once
 * those writes are stored. Returns the places as they now stand.
 */
export function takeJournal(
  known: Readonly<Record<string, Locator>>,
  works: WorkIndex,
  put: (place: Locator) => Promise<unknown>,
  from: JournalStorage = storage(),
): Record<string, Locator> {
  const places = { ...known };
  const newer = readJournal(works, from).filter((p) => isNewer(p, places[p.workId]));
  for (const p of newer) places[p.workId] = p;
  void Promise.all(newer.map(put)).then(
    () => clearJournal(from),
    () => undefined, // Kept for the next start; the store reports why it could not write.
  );
  return places;
}
