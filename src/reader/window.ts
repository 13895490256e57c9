/**
 * The window of a section that is laid out at once. Paginated reading lays out about
 * WINDOW_CHARS of text, never a whole long section, so opening, turning and re-laying
 * cost the same however long the section is. Pure: no DOM.
 */
import type { Section } from '../content/types';
import { isBefore, samePlace, SECTION_START, type Place } from './place';

/** From `start` up to, not including, `end`; `end.offset > 0` cuts its block there. */
export interface BlockWindow {
  start: Place;
  end: Place;
}

/** About 2,000 words: half a dozen phone pages, a few tablet spreads (a new window costs one layout of this much). */
export const WINDOW_CHARS = 12_000;

const length = (section: Section, block: number): number => section.blocks[block]?.text.length ?? 0;

/** The place just past the section's last character. */
export function sectionEnd(section: Section): Place {
  return { block: section.blocks.length, offset: 0 };
}

/** The whole section (scroll mode lays it all out). */
export function wholeSection(section: Section): BlockWindow {
  return { start: SECTION_START, end: sectionEnd(section) };
}

/** True when the window reaches the section's end. */
export function reachesEnd(section: Section, w: BlockWindow): boolean {
  return w.end.block >= section.blocks.length;
}

/** True when the window starts at the section's start. */
export function startsSection(w: BlockWindow): boolean {
  return w.start.block === 0 && w.start.offset === 0;
}

/** True when the window is the whole section. */
export function isWholeSection(section: Section, w: BlockWindow): boolean {
  return startsSection(w) && reachesEnd(section, w) && w.end.offset === 0;
}

/** At least `size` characters forward from `start`, ending at a block boundary (or the section's end). */
export function windowFrom(section: Section, start: Place, size = WINDOW_CHARS): BlockWindow {
  let chars = length(section, start.block) - start.offset;
  let end = start.block + 1;
  while (chars < size && end < section.blocks.length) chars += length(section, end++);
  return { start, end: { block: Math.min(end, section.blocks.length), offset: 0 } };
}

/** At least `size` characters back from `end`, starting at a block boundary (or the section's start). */
export function windowBefore(section: Section, end: Place, size = WINDOW_CHARS): BlockWindow {
  let chars = end.offset;
  let start = end.block;
  while (chars < size && start > 0) chars += length(section, --start);
  return { start: { block: start, offset: 0 }, end };
}

/** The same window of the same section (by id and bounds, not by object). */
export function sameWindow(a: { section: { id: string }; window: BlockWindow } | null, b: { section: { id: string }; window: BlockWindow } | null): boolean {
  if (!a || !b) return a === b;
  return a.section.id === b.section.id && samePlace(a.window.start, b.window.start) && samePlace(a.window.end, b.window.end);
}

/** True when the character at `place` is inside the window. */
export function holds(w: BlockWindow, place: Place): boolean {
  return !isBefore(place, w.start) && isBefore(place, w.end);
}

/** Characters of the section after the window (for "pages left in section"). */
export function charsAfter(section: Section, w: BlockWindow): number {
  let chars = -w.end.offset;
  for (let i = w.end.block; i < section.blocks.length; i++) chars += length(section, i);
  return Math.max(0, chars);
}

/** Characters inside the window. */
export function charsIn(section: Section, w: BlockWindow): number {
  let chars = 0;
  for (let i = w.start.block; i <= Math.min(w.end.block, section.blocks.length - 1); i++) {
    const from = i === w.start.block ? w.start.offset : 0;
    const to = i === w.end.block ? w.end.offset : length(section, i);
    chars += Math.max(0, to - from);
  }
  return chars;
}
