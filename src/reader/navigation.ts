/**
 * Page navigation as pure rules: where a turn forward or back goes (a page of this layout,
 * another window of the section, the next or previous section), and which window to lay out
 * for a place. The model carries the moves out through the layout port. See ./README.md.
 */
import type { Section, SectionInfo } from '../content/types';
import type { PageInfo } from './layout-port';
import type { Locator, Target } from './locator';
import type { Place, ReadingMode } from './place';
import { charsIn, reachesEnd, sectionEnd, startsSection, wholeSection, windowBefore, windowFrom, WINDOW_CHARS, type BlockWindow } from './window';

/** What is laid out now, for deciding a move. */
export interface Layout extends PageInfo {
  section: Section;
  window: BlockWindow;
  mode: ReadingMode;
  /** The work's sections. */
  sections: readonly SectionInfo[];
  /** Characters a window holds (WINDOW_CHARS unless a test asks for less). */
  windowChars?: number;
}

/** Where a turn goes. */
export type Move =
  /** The next or previous page of this layout (or a scroll by a screen). */
  | { kind: 'page' }
  /** Another window of this section, with the character to lay it out at; `last`: show its last page. */
  | { kind: 'window'; window: BlockWindow; anchor: Place; last: boolean }
  /** The start of the next section, or the end of the previous one (`last`: at its last page). */
  | { kind: 'section'; target: Target; last: boolean }
  /** Nowhere: the end (or the start) of the work. */
  | { kind: 'none'; atEnd: boolean };

/** A move that leaves the layout shown. */
export type Leave = Exclude<Move, { kind: 'page' }>;

/** How a window is chosen for a place: starting at it (`open`: short), at its paragraph, or ending at the section's end. */
export type WindowAt = 'place' | 'open' | 'paragraph' | 'end';

/** Pages of text a jump lays out past the place it jumps to; the window grows to its full size in idle time (./ahead.ts). */
export const JUMP_PAGES_AHEAD = 2;

/**
 * The window to lay out for a place (scrolling lays out the whole section). A jump's window
 * (`paragraph`) starts at the paragraph jumped to and holds `JUMP_PAGES_AHEAD` pages of text
 * (`perPage` characters each) past the place, not a whole window: a jump lays out that much
 * less, and the page it shows is not the window's last (`endsShort` catches a page denser than
 * `perPage`). A place deeper into its paragraph than that allows gets the whole window. A
 * window opened at a place (`open`: the reader opening where it was) starts at it and holds
 * `JUMP_PAGES_AHEAD` pages: the first page is in front of the reader that much sooner.
 */
export function windowFor(section: Section, place: Place, at: WindowAt, mode: ReadingMode, size = WINDOW_CHARS, perPage = size): BlockWindow {
  if (mode === 'scroll') return wholeSection(section);
  if (at === 'end') return windowBefore(section, sectionEnd(section), size);
  if (at === 'place') return windowFrom(section, place, size);
  if (at === 'open') return windowFrom(section, place, Math.min(size, JUMP_PAGES_AHEAD * perPage));
  return windowFrom(section, { block: place.block, offset: 0 }, Math.min(size, place.offset + JUMP_PAGES_AHEAD * perPage));
}

/**
 * The window a re-layout for new type lays out first, instead of the whole window `w`: from
 * `w`'s own start when it lies in the place's paragraph at or before the place (a window opened
 * or turned to at the place keeps it as the first character on screen), else from the start of
 * that paragraph, to `JUMP_PAGES_AHEAD` pages past the place. Null when that would not be less
 * than `w`.
 */
export function cutWindow(section: Section, w: BlockWindow, place: Place, size = WINDOW_CHARS, perPage = size): BlockWindow | null {
  const from = w.start.block === place.block && w.start.offset <= place.offset ? w.start : { block: place.block, offset: 0 };
  const cut = windowFrom(section, from, Math.min(size, place.offset - from.offset + JUMP_PAGES_AHEAD * perPage));
  return charsIn(section, cut) < charsIn(section, w) ? cut : null;
}

/** True when the page shown is the last of a window that stops short of its section's end: a jump there needs more text laid out. */
export function endsShort(l: Pick<Layout, 'section' | 'window' | 'mode' | 'page' | 'pageCount'>): boolean {
  return l.mode === 'paginated' && !reachesEnd(l.section, l.window) && l.page >= l.pageCount - 1;
}

/**
 * Past this layout's section: the next section's start, or the previous one's end (its last
 * page; scrolling, its last block), or nowhere.
 */
export function beyond(l: Pick<Layout, 'section' | 'sections' | 'mode'>, direction: 1 | -1): Leave {
  const to = l.sections[l.section.index + direction];
  if (!to) return { kind: 'none', atEnd: direction > 0 };
  if (direction > 0) return { kind: 'section', target: { sectionId: to.id, block: 0, offset: 0 }, last: false };
  return { kind: 'section', target: { sectionId: to.id, block: Math.max(0, to.blockCount - 1), offset: 0 }, last: l.mode === 'paginated' };
}

/** The section to load ahead: the next one near this one's end, the previous one near its start. */
export function neighbourAhead(l: Pick<Layout, 'section' | 'sections' | 'window'>, position: { page: number; pagesLeft: number }): SectionInfo | undefined {
  if (position.pagesLeft <= 2) return l.sections[l.section.index + 1];
  return position.page <= 1 && startsSection(l.window) ? l.sections[l.section.index - 1] : undefined;
}

/**
 * A turn forward. A window that stops short of the section's end ends mid-flow: its last page
 * is where the next window starts, so going forward it is never shown as a page of its own.
 * Scrolling, a turn is a scroll; when the port cannot scroll further, `beyond(l, 1)`.
 */
export function nextMove(l: Layout, firstOfPage: (page: number) => Place): Move {
  if (l.mode === 'scroll') return { kind: 'page' };
  const final = reachesEnd(l.section, l.window);
  const lastShown = final ? l.pageCount - 1 : Math.max(0, l.pageCount - 2);
  if (l.page < lastShown) return { kind: 'page' };
  if (!final) {
    const start = l.page < l.pageCount - 1 ? firstOfPage(l.page + 1) : l.window.end;
    return { kind: 'window', window: windowFrom(l.section, start, l.windowChars), anchor: start, last: false };
  }
  return beyond(l, 1);
}

/**
 * A turn back. Back across a window's start: a window that ends exactly there, shown at its
 * last page (which may be short). Scrolling, as for `nextMove`.
 */
export function prevMove(l: Layout): Move {
  if (l.mode === 'scroll' || l.page > 0) return { kind: 'page' };
  const start = l.window.start;
  if (!startsSection(l.window)) {
    const anchor = start.offset > 0 ? { block: start.block, offset: start.offset - 1 } : { block: Math.max(0, start.block - 1), offset: 0 };
    return { kind: 'window', window: windowBefore(l.section, start, l.windowChars), anchor, last: true };
  }
  return beyond(l, -1);
}

/**
 * Where a work opens: at `startAt` (a search hit chosen in the library) when it names one of
 * the work's sections, else at the saved place when it does, else at the start; null when the
 * work has no text. `saved` is the usable saved place (for Back, after a `startAt`).
 */
export function opening(sections: readonly SectionInfo[], saved: Locator | undefined, startAt: Target | undefined): { target: Target; saved: Locator | undefined; jump: boolean } | null {
  const first = sections[0];
  if (!first) return null;
  const has = (id: string) => sections.some((s) => s.id === id);
  const usable = saved && has(saved.sectionId) ? saved : undefined;
  if (startAt && has(startAt.sectionId)) return { target: startAt, saved: usable, jump: true };
  return { target: usable ?? { sectionId: first.id, block: 0, offset: 0 }, saved: usable, jump: false };
}
