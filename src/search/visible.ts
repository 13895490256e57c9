/** The part of a result list painted now: the first screenful, more on demand. Pure. See ./README.md. */
import type { SearchGroup } from './types';

/** Hits painted at once: more than a tall screen holds, few enough to paint within a frame. */
export const FIRST_HITS = 24;
/** Hits added each time the reader asks for more (scrolls to the end of the list, or presses "Show more"). */
export const MORE_HITS = 60;

/** The groups cut to their first `limit` hits in order (groups past the limit left out), and how many hits were left out. */
export function visibleGroups(groups: readonly SearchGroup[], limit: number): { groups: SearchGroup[]; hidden: number } {
  const shown: SearchGroup[] = [];
  let room = Math.max(0, limit);
  let hidden = 0;
  for (const group of groups) {
    if (room === 0) {
      hidden += group.hits.length;
      continue;
    }
    const hits = group.hits.length <= room ? group.hits : group.hits.slice(0, room);
    hidden += group.hits.length - hits.length;
    room -= hits.length;
    shown.push(hits === group.hits ? group : { ...group, hits });
  }
  return { groups: shown, hidden };
}
