/**
 * The first page's section, fetched while storage opens (issue 16). At boot, before IndexedDB
 * has said where the reader is, the app starts fetching the section the route will open: a
 * passage link's section, else the section this device last read the work in, else the first.
 * "Last read in" comes from the start hints (src/state/start-hints.ts); storage stays the one
 * record of the place. A wrong or missing hint costs one fetch, never the place.
 */
import type { WorkInfo } from './types';

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
