/**
 * The first page's section, fetched while storage opens (issue 16). At boot, before IndexedDB
 * has said where the reader is, the app starts fetching the section the route will open: a
 * passage link's section, else the section this device last read the work in, else the first.
 * "Last read in" is a hint mirrored to localStorage (as the paint mirror is for boot.js); storage
 * stays the one record of the place. A wrong or missing hint costs one fetch, never the place.
 */
import type { WorkInfo } from './types';

/** The localStorage key of the mirror: `{ [workId]: sectionId }`. */
export const SECTION_MIRROR_KEY = 'quire:sections';

/** Where the mirror lives; undefined when storage is blocked. */
type Mirror = Pick<globalThis.Storage, 'getItem' | 'setItem'> | undefined;

function storage(): Mirror {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // Storage blocked (privacy settings): no hint, the first load waits for IndexedDB.
  }
}

/** The mirror as stored; anything unreadable is no hint at all. */
export function readSectionHints(from: Mirror = storage()): Record<string, string> {
  try {
    const value: unknown = JSON.parse(from?.getItem(SECTION_MIRROR_KEY) ?? '{}');
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/**
 * The section to fetch first for a route: `link` (a passage link's section id) when the work has
 * it, else the hinted section when the work has it, else the work's first; null when the route
 * opens no work of the catalogue.
 */
export function firstSection(catalogue: readonly WorkInfo[], workId: string | undefined, link: string | undefined, hints: Record<string, string>): { workId: string; sectionId: string } | null {
  const work = workId === undefined ? undefined : catalogue.find((w) => w.id === workId);
  if (!work || work.sections.length === 0) return null;
  const has = (id: string | undefined): id is string => id !== undefined && work.sections.some((s) => s.id === id);
  const hinted = hints[work.id];
  const sectionId = has(link) ? link : has(hinted) ? hinted : (work.sections[0]?.id as string);
  return { workId: work.id, sectionId };
}

/**
 * Keeps the mirror in step with the places the app knows (`{ [workId]: { sectionId } }`); writes
 * only when a work's section changed, so a page turn inside a section costs no write.
 */
export function createSectionMirror(to: Mirror = storage()): (places: Readonly<Record<string, { sectionId: string } | undefined>>) => void {
  let last = JSON.stringify(readSectionHints(to));
  return (places) => {
    const hints: Record<string, string> = {};
    for (const [workId, place] of Object.entries(places)) if (place) hints[workId] = place.sectionId;
    const next = JSON.stringify(hints);
    if (next === last) return;
    last = next;
    try {
      to?.setItem(SECTION_MIRROR_KEY, next);
    } catch {
      // Quota or blocked storage: the next start fetches the first section, nothing else is lost.
    }
  };
}
