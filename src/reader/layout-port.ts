/**
 * What the reader model needs of a layout: the port the DOM paginator implements, and a fake
 * (pages as arrays of places) implements in the unit tests. Places in, places out: the port
 * never decides where the reader is.
 */
import type { Section } from '../content/types';
import type { Place, ReadingMode } from './place';
import type { BlockWindow } from './window';

/** Columns: one, two side by side, or two when a wide landscape page has room for them. */
export type ColumnsChoice = 'auto' | 'one' | 'two';

/** The page shown (0-based) and the pages of the current layout (1 when scrolling). */
export interface PageInfo {
  page: number;
  pageCount: number;
}

/** A layout of one window of one section, as pages or as a scroll. */
export interface LayoutPort {
  /**
   * Lays out `window` of `section` (the view has rendered it) and shows the page holding
   * `anchor`; false when there is nowhere to lay it out yet (nothing mounted).
   */
  layout(section: Section, window: BlockWindow, mode: ReadingMode, anchor: Place): boolean;
  /** The page shown and the pages of this layout. */
  pages(): PageInfo;
  /** Shows the next (+1) or previous (-1) page of this layout, or scrolls by most of a screen; false at that end. */
  turn(direction: 1 | -1): boolean;
  /** Shows the last page of this layout. */
  showLast(): void;
  /** Shows the page (or scrolls to the line) holding a character that is laid out. */
  showPlace(place: Place): void;
  /** The first character on screen. */
  firstVisible(): Place;
  /** The first character of a page of this layout (paginated). */
  firstOfPage(page: number): Place;
  /** True when the character is laid out and on the page shown (or in the scroll's view). */
  isOnScreen(place: Place): boolean;
  /** Before any layout: about how many characters a page holds, from the page's size and the type (undefined when nothing is mounted). */
  charsPerPage?(): number | undefined;
}
