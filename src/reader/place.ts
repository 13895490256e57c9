/** A character of a section, its order, and the two ways of reading. Pure. See ./README.md. */

/** A character of a section: block index and UTF-16 offset into the block's source text. */
export interface Place {
  block: number;
  offset: number;
}

/** Pages laid out side by side, or one long scroll. */
export type ReadingMode = 'paginated' | 'scroll';

/** The start of a section. */
export const SECTION_START: Place = { block: 0, offset: 0 };

/** Negative when `a` comes before `b`, 0 when they are the same character, positive after. */
export function comparePlaces(a: Place, b: Place): number {
  return a.block === b.block ? a.offset - b.offset : a.block - b.block;
}

/** True when `a` comes before `b`. */
export function isBefore(a: Place, b: Place): boolean {
  return comparePlaces(a, b) < 0;
}

/** True when two places name the same character (of the same section, when they say which). */
export function samePlace(a: Place & { sectionId?: string }, b: Place & { sectionId?: string }): boolean {
  return a.sectionId === b.sectionId && a.block === b.block && a.offset === b.offset;
}
