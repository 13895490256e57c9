/**
 * The one DOM module of the reader's layout: lays a rendered window of a section out as pages
 * (CSS columns, moved by a transform) or as a scroll, finds the first character on screen,
 * and shows the page that holds a given character. It implements the model's layout port and
 * never decides where the reader is: the model passes the anchor in and gets places out.
 */
import type { Section } from '../content/types';
import { baseOf, blockElement, blockElements, charRect, skipSpace, textLength } from './dom-text';
import { estimateCharsPerPage } from './estimates';
import type { ColumnsChoice, LayoutPort, PageInfo } from './layout-port';
import type { Place, ReadingMode } from './place';
import type { BlockWindow } from './window';

/** Two columns need room for two comfortable lines. */
export function columnCount(choice: ColumnsChoice, width: number, height: number, fontPx: number): 1 | 2 {
  const roomForTwo = width >= fontPx * 40;
  if (choice === 'one' || !roomForTwo) return 1;
  if (choice === 'two') return 2;
  return width >= 900 && width > height ? 2 : 1;
}

/** Gives a page element the viewport's size and `columns` columns; returns the gap between pages and the step from one to the next (px). */
function pageBox(el: HTMLElement, viewport: HTMLElement, columns: 1 | 2): { step: number; gap: number } {
  const width = Math.floor(viewport.clientWidth);
  const gap = Math.max(24, Math.round(width * 0.06));
  el.dataset.cols = String(columns);
  el.style.width = `${width}px`;
  el.style.height = `${Math.floor(viewport.clientHeight)}px`;
  el.style.columnCount = String(columns);
  el.style.columnGap = `${gap}px`;
  return { step: width + gap, gap };
}

/** Lays out one section inside a viewport (overflow hidden) and its content (the blocks, with [data-block] children). */
export class Paginator implements LayoutPort {
  private page = 0;
  private pageCount = 1;
  private step = 1;
  private mode: ReadingMode = 'paginated';
  private columns: ColumnsChoice = 'auto';
  private viewport: HTMLElement | null = null;
  private content: HTMLElement | null = null;
  /** The viewport's size at the last layout (a resize relays out only when it changed). */
  private laidFor = { width: -1, height: -1 };
  /** The scroll position the reader itself just set, and until when a scroll event to it counts as its own. */
  private ownScroll = { top: -1, until: 0 };

  /** The elements to lay out in (null while unmounted). */
  attach(viewport: HTMLElement | null, content: HTMLElement | null): void {
    this.viewport = viewport;
    this.content = content;
  }

  /** The columns setting, applied at the next layout. */
  setColumns(choice: ColumnsChoice): void {
    this.columns = choice;
  }

  /** Re-lays the rendered window for the current size and shows the page holding `anchor`. */
  layout(_section: Section, _window: BlockWindow, mode: ReadingMode, anchor: Place): boolean {
    const { viewport, content } = this;
    if (!viewport || !content) return false;
    this.mode = mode;
    const style = content.style;
    // A staged page set aside (display: none) while typography changed is laid out again here.
    style.display = '';
    const fontPx = parseFloat(getComputedStyle(content).fontSize) || 18;
    // Decide on the room the page has, not the viewport (whose width follows the choice).
    const room = viewport.parentElement ?? viewport;
    const columns = columnCount(this.columns, room.clientWidth, room.clientHeight, fontPx);
    content.dataset.cols = String(columns);
    if (mode === 'scroll') {
      style.columnCount = '';
      style.columnGap = '';
      style.height = '';
      style.width = '';
      style.transform = '';
      this.page = 0;
      this.pageCount = 1;
      this.scrollToPlace(anchor);
      this.laidFor = { width: viewport.clientWidth, height: viewport.clientHeight };
      return true;
    }
    const { step, gap } = pageBox(content, viewport, columns);
    this.step = step;
    // scrollWidth counts the overflow columns; a transform does not change it.
    this.pageCount = Math.max(1, Math.round((content.scrollWidth + gap) / step));
    this.showPage(this.pageOf(anchor), false);
    // The size this layout was made for, read once it is done (no layout is forced for it).
    this.laidFor = { width: viewport.clientWidth, height: viewport.clientHeight };
    return true;
  }

  /** About how many characters a page holds, before any layout (see estimateCharsPerPage). */
  charsPerPage(): number | undefined {
    const { viewport, content } = this;
    if (!viewport || !content) return undefined;
    const style = getComputedStyle(content);
    const fontPx = parseFloat(style.fontSize);
    return estimateCharsPerPage(viewport.clientWidth, viewport.clientHeight, fontPx, parseFloat(style.lineHeight) || fontPx * 1.5);
  }

  /** True when the viewport is not the size the last layout was made for (read it where layout is clean: a ResizeObserver callback). */
  sizeChanged(): boolean {
    const v = this.viewport;
    return v !== null && (v.clientWidth !== this.laidFor.width || v.clientHeight !== this.laidFor.height);
  }

  /**
   * Lays out a hidden page (the staged window: the next section's start, the window before, or
   * the previous section's end) now, with the geometry of the current layout, at its first page:
   * made the content later, its layout is already done. Call it in idle time; paginated only.
   */
  stage(el: HTMLElement): void {
    const { viewport, content } = this;
    if (!viewport || !content || this.mode !== 'paginated') return;
    el.style.display = '';
    el.style.transition = 'none';
    el.style.transform = 'translateX(0px)';
    pageBox(el, viewport, Number(content.dataset.cols) === 2 ? 2 : 1);
    void el.scrollWidth;
    el.style.transition = '';
  }

  pages(): PageInfo {
    return { page: this.page, pageCount: this.pageCount };
  }

  /** The next or previous page (animated), or a scroll by most of a screen; false at that end. */
  turn(direction: 1 | -1): boolean {
    if (this.mode === 'scroll') return this.scrollBy(direction);
    const to = this.page + direction;
    if (to < 0 || to > this.pageCount - 1) return false;
    this.showPage(to, true);
    return true;
  }

  showLast(): void {
    this.showPage(this.pageCount - 1, false);
  }

  showPlace(place: Place): void {
    if (this.mode === 'scroll') this.scrollToPlace(place);
    else this.showPage(this.pageOf(place), true);
  }

  /**
   * True when a scroll event was caused by the reader's own positioning, not by the user.
   * Answers true once, and only shortly after: a later scroll back to the same spot is the user's.
   */
  isOwnScroll(): boolean {
    const top = this.viewport?.scrollTop ?? 0;
    const own = Math.abs(top - this.ownScroll.top) < 2 && performance.now() < this.ownScroll.until;
    // Either way the marker is spent: the reader's own scroll event comes before any of the user's.
    this.ownScroll.top = -1;
    return own;
  }

  firstVisible(): Place {
    return this.firstFrom(this.mode === 'paginated' ? this.page * this.step : (this.viewport?.scrollTop ?? 0));
  }

  firstOfPage(page: number): Place {
    return this.firstFrom(page * this.step);
  }

  isOnScreen(place: Place): boolean {
    const found = this.offsetOf(place, true);
    if (!found || !this.viewport) return false;
    if (this.mode === 'paginated') return Math.floor((found.x + 1) / this.step) === this.page;
    const top = this.viewport.scrollTop;
    return found.y + found.height > top && found.y < top + this.viewport.clientHeight;
  }

  private scrollBy(direction: 1 | -1): boolean {
    const v = this.viewport;
    if (!v) return false;
    const max = v.scrollHeight - v.clientHeight;
    if ((direction > 0 && v.scrollTop >= max - 1) || (direction < 0 && v.scrollTop <= 0)) return false;
    this.scrollOwnTo(Math.max(0, Math.min(max, v.scrollTop + direction * Math.round(v.clientHeight * 0.9))));
    return true;
  }

  private scrollOwnTo(top: number): void {
    if (!this.viewport) return;
    this.viewport.scrollTop = top;
    // Marked even when the position did not change: a resize may have the browser send a scroll
    // event for it, and that is not the user's. The next scroll event spends the mark either way.
    this.ownScroll = { top: this.viewport.scrollTop, until: performance.now() + 250 };
  }

  /** The first character at or after `edge`: a page's left edge, or the scroll position. */
  private firstFrom(edge: number): Place {
    const blocks = this.content ? blockElements(this.content) : [];
    if (!this.content || blocks.length === 0) return { block: 0, offset: 0 };
    const origin = this.content.getBoundingClientRect();
    // A rect is "before" when it ends before the edge.
    const before = (r: DOMRect): boolean => (this.mode === 'paginated' ? r.right - origin.left <= edge + 1 : r.bottom - origin.top <= edge + 1);
    const blockBefore = (el: Element): boolean => {
      const rects = el.getClientRects();
      const last = rects[rects.length - 1];
      return last ? before(last) : true;
    };
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blockBefore(blocks[mid] as Element)) lo = mid + 1;
      else hi = mid;
    }
    const el = blocks[lo] as HTMLElement;
    const length = textLength(el);
    let a = 0;
    let b = length;
    while (a < b) {
      const mid = (a + b) >> 1;
      const rect = charRect(el, mid);
      if (rect && before(rect)) a = mid + 1;
      else b = mid;
    }
    return { block: Number(el.dataset.block), offset: baseOf(el) + skipSpace(el, Math.min(a, Math.max(0, length - 1))) };
  }

  /**
   * Where a character is in the content's own coordinates (its first non-space character at or
   * after it), so a transform in progress does not matter. `strict`: null unless that very
   * character is laid out; otherwise a place outside its element's text is clamped into it.
   */
  private offsetOf(place: Place, strict = false): { x: number; y: number; height: number } | null {
    const el = this.content && blockElement(this.content, place.block);
    if (!el || !this.content) return null;
    const local = place.offset - baseOf(el);
    if (strict && (local < 0 || local > Math.max(0, textLength(el) - 1))) return null;
    const rect = charRect(el, skipSpace(el, Math.max(0, local))) ?? el.getBoundingClientRect();
    const origin = this.content.getBoundingClientRect();
    return { x: rect.left - origin.left, y: rect.top - origin.top, height: rect.height };
  }

  /** The page that holds a character. */
  private pageOf(place: Place): number {
    const found = this.offsetOf(place);
    return found ? Math.max(0, Math.min(this.pageCount - 1, Math.floor((found.x + 1) / this.step))) : 0;
  }

  private showPage(page: number, animate: boolean): void {
    this.page = page;
    if (!this.content) return;
    const style = this.content.style;
    style.transition = animate ? '' : 'none';
    style.transform = `translateX(${-page * this.step}px)`;
    if (!animate) {
      // Apply the jump at once, then give the transition back for the next animated turn.
      void this.content.offsetWidth;
      style.transition = '';
    }
  }

  private scrollToPlace(place: Place): void {
    this.scrollOwnTo(Math.max(0, Math.round(this.offsetOf(place)?.y ?? 0)));
  }
}
