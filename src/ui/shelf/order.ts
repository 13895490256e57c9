/** The shelf's order, filters and progress figures: which work was read last, the rest sorted and filtered. Pure. */
import type { SectionInfo, WorkInfo } from '../../content/types';
import type { Locator } from '../../reader/locator';

/** How the shelf is sorted. */
export type ShelfSort = 'recent' | 'title' | 'progress';
/** A filter as a select's value: `all`, `fandom:<name>` or `tag:<name>`. */
export type ShelfFilter = string;

/** Up to this many works the shelf shows no sort and filter controls: they would only be in the way. */
export const HANDFUL = 5;

type Positions = Readonly<Record<string, Locator | undefined>>;

/** How far through a work its place is, 0..1. */
export function progressOf(position: Locator | undefined): number {
  return position ? Math.max(0, Math.min(1, position.totalProgression)) : 0;
}

/** The percentage shown for a place: rounded (as the library always showed it), but 100% only at the end. */
export function percentRead(position: Locator | undefined, finished = false): number {
  const p = progressOf(position);
  return finished || p >= 1 ? 100 : Math.min(99, Math.round(p * 100));
}

/** How far through a section the place is: the sections before it are read, the ones after are not. */
export function sectionPercent(section: SectionInfo, position: Locator | undefined, sections: readonly SectionInfo[], finished = false): number {
  if (finished) return 100;
  const at = position ? sections.findIndex((s) => s.id === position.sectionId) : -1;
  if (at < 0 || section.index > at) return 0;
  if (section.index < at) return 100;
  return Math.floor((position?.progression ?? 0) * 100);
}

/** The work read most recently, if any was. */
export function lastRead(works: readonly WorkInfo[], positions: Positions): WorkInfo | undefined {
  let best: WorkInfo | undefined;
  let at = -Infinity;
  for (const w of works) {
    const p = positions[w.id];
    if (p && p.updatedAt > at) {
      best = w;
      at = p.updatedAt;
    }
  }
  return best;
}

// Made on first use: building a collator loads the locale's collation data (5.7 ms on the main
// thread in a CPU profile of a cold open), and opening a work sorts nothing.
let collator: Intl.Collator | undefined;
const byName = (a: string, b: string): number => (collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' })).compare(a, b);

/** The fandoms and tags there are to filter by, each sorted. */
export function filterChoices(works: readonly WorkInfo[]): { fandoms: string[]; tags: string[] } {
  const fandoms = new Set(works.map((w) => w.meta.addedByApp.fandom));
  const tags = new Set(works.flatMap((w) => w.meta.addedByApp.tags));
  return { fandoms: [...fandoms].sort(byName), tags: [...tags].sort(byName) };
}

/** Whether a work passes a filter. */
export function passes(work: WorkInfo, filter: ShelfFilter): boolean {
  if (filter.startsWith('fandom:')) return work.meta.addedByApp.fandom === filter.slice(7);
  if (filter.startsWith('tag:')) return work.meta.addedByApp.tags.includes(filter.slice(4));
  return true;
}

/** The works that pass the filter, sorted: recently read first (unread ones after, in catalogue order), by title, or by progress. */
export function arrange(works: readonly WorkInfo[], positions: Positions, sort: ShelfSort, filter: ShelfFilter = 'all'): WorkInfo[] {
  const kept = works.filter((w) => passes(w, filter));
  const title = (w: WorkInfo) => w.meta.addedByApp.displayTitle;
  const compare: Record<ShelfSort, (a: WorkInfo, b: WorkInfo) => number> = {
    recent: (a, b) => (positions[b.id]?.updatedAt ?? -1) - (positions[a.id]?.updatedAt ?? -1),
    title: (a, b) => byName(title(a), title(b)),
    progress: (a, b) => progressOf(positions[b.id]) - progressOf(positions[a.id]),
  };
  // Array.prototype.sort is stable: equal works keep the catalogue's order.
  return kept.sort(compare[sort]);
}
