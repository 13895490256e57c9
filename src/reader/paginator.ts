/**
 * The one DOM module of the reader: lays a rendered section (or a window of it) out as pages (CSS
 * columns, moved by a transform) or as a scroll, finds the first character on
 * screen, and shows the page that holds a given character. It never decides
 * where the reader is: the caller passes the anchor in and gets places out.
 */

/**
 * A character of the section: block index and UTF-16 offset into its text. Inside this
 * module, offsets into an element are local; an element with data-base starts that far in.
 */
export interface Place {
  block: number;
  offset: number;
}

export type LayoutMode = 'paginated' | 'scroll';

export interface PageInfo {
  page: number;
  pageCount: number;
}

/** Lays out one section inside `viewport` (overflow hidden) / `content` (the blocks, with [data-block] children). */
export class Paginator {
  private page = 0;
  private pageCount = 1;
  private step = 1;
  private mode: LayoutMode = 'paginated';
  /** The scroll position the reader itself just set, and until when a scroll event to it counts as its own. */
  private ownScroll = { top: -1, until: 0 };

  constructor(
    private readonly viewport: HTMLElement,
    private readonly content: HTMLElement,
  ) {}

  /** Re-lays the section for the current size and shows the page holding `anchor`. */
  layout(mode: LayoutMode, columns: 1 | 2, anchor: Place): void {
    this.mode = mode;
    const style = this.content.style;
    if (mode === 'scroll') {
      style.columnCount = '';
      style.columnGap = '';
      style.height = '';
      style.width = '';
      style.transform = '';
      this.page = 0;
      this.pageCount = 1;
      this.scrollToPlace(anchor);
      return;
    }
    const width = Math.floor(this.viewport.clientWidth);
    const height = Math.floor(this.viewport.clientHeight);
    const gap = Math.max(24, Math.round(width * 0.06));
    style.width = `${width}px`;
    style.height = `${height}px`;
    style.columnCount = String(columns);
    style.columnGap = `${gap}px`;
    this.step = width + gap;
    // scrollWidth counts the overflow columns; a transform does not change it.
    this.pageCount = Math.max(1, Math.round((this.content.scrollWidth + gap) / this.step));
    this.showPage(this.pageOf(anchor), false);
  }

  /** The page (0-based) and the number of pages in this layout. */
  info(): PageInfo {
    return { page: this.page, pageCount: this.pageCount };
  }

  /** Shows the next page; false at the end of the section. */
  next(animate: boolean): boolean {
    if (this.page >= this.pageCount - 1) return false;
    this.showPage(this.page + 1, animate);
    return true;
  }

  /** Shows the previous page; false at the start of the section. */
  prev(animate: boolean): boolean {
    if (this.page <= 0) return false;
    this.showPage(this.page - 1, animate);
    return true;
  }

  /** Shows the last page of the section (arriving from the next one). */
  showLast(): void {
    this.showPage(this.pageCount - 1, false);
  }

  /** Scrolls (scroll mode) by most of a screen; false when already at that end. */
  scrollBy(direction: 1 | -1): boolean {
    const v = this.viewport;
    const max = v.scrollHeight - v.clientHeight;
    if ((direction > 0 && v.scrollTop >= max - 1) || (direction < 0 && v.scrollTop <= 0)) return false;
    this.scrollOwnTo(Math.max(0, Math.min(max, v.scrollTop + direction * Math.round(v.clientHeight * 0.9))));
    return true;
  }

  /**
   * True when a scroll event was caused by the reader's own positioning, not by the user.
   * Answers true once, and only shortly after: a later scroll back to the same spot is the user's.
   */
  isOwnScroll(): boolean {
    const own = Math.abs(this.viewport.scrollTop - this.ownScroll.top) < 2 && performance.now() < this.ownScroll.until;
    // Either way the marker is spent: the reader's own scroll event comes before any of the user's.
    this.ownScroll.top = -1;
    return own;
  }

  private scrollOwnTo(top: number): void {
    this.viewport.scrollTop = top;
    // Marked even when the position did not change: a resize may have the browser send a scroll
    // event for it, and that is not the user's. The next scroll event spends the mark either way.
    this.ownScroll = { top: this.viewport.scrollTop, until: performance.now() + 250 };
  }

  /** The first character on screen. */
  firstVisible(): Place {
    return this.firstFrom(this.mode === 'paginated' ? this.page * this.step : this.viewport.scrollTop);
  }

  /** The first character of a page of this layout (paginated). */
  firstOfPage(page: number): Place {
    return this.firstFrom(page * this.step);
  }

  /** The first character at or after `edge`: a page's left edge, or the scroll position. */
  private firstFrom(edge: number): Place {
    const blocks = this.blockElements();
    if (blocks.length === 0) return { block: 0, offset: 0 };
    const origin = this.content.getBoundingClientRect();
    // A rect is "before" when it ends before the edge.
    const before = (r: DOMRect): boolean =>
      this.mode === 'paginated' ? r.right - origin.left <= edge + 1 : r.bottom - origin.top <= edge + 1;
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

  private blockElements(): NodeListOf<HTMLElement> {
    return this.content.querySelectorAll<HTMLElement>('[data-block]');
  }

  private elementFor(block: number): HTMLElement | null {
    return this.content.querySelector<HTMLElement>(`[data-block="${block}"]`);
  }

  /** The page that holds a character (its first non-space character at or after it). */
  private pageOf(place: Place): number {
    const el = this.elementFor(place.block);
    if (!el) return 0;
    const offset = skipSpace(el, Math.max(0, place.offset - baseOf(el)));
    const rect = charRect(el, offset) ?? el.getClientRects()[0];
    if (!rect) return 0;
    const x = rect.left - this.content.getBoundingClientRect().left;
    return Math.max(0, Math.min(this.pageCount - 1, Math.floor((x + 1) / this.step)));
  }

  private showPage(page: number, animate: boolean): void {
    this.page = page;
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
    const el = this.elementFor(place.block);
    let top = 0;
    if (el) {
      const rect = charRect(el, skipSpace(el, Math.max(0, place.offset - baseOf(el)))) ?? el.getBoundingClientRect();
      top = rect.top - this.content.getBoundingClientRect().top;
    }
    this.scrollOwnTo(Math.max(0, Math.round(top)));
  }
}

/** Where an element's text starts in its block's text (a window can start part-way into a block). */
function baseOf(el: HTMLElement): number {
  return Number(el.dataset.base ?? 0);
}

/** Total text length of an element's text nodes. */
function textLength(el: Element): number {
  let length = 0;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) length += (walker.currentNode as Text).length;
  return length;
}

/** The text node and local offset holding character `offset` of an element. */
function locate(el: Element, offset: number): { node: Text; at: number } | null {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let rest = offset;
  let last: Text | null = null;
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    if (rest < node.length) return { node, at: rest };
    rest -= node.length;
    last = node;
  }
  return last && last.length > 0 ? { node: last, at: last.length - 1 } : null;
}

/** The box of one character, or null when the element has no text. */
function charRect(el: Element, offset: number): DOMRect | null {
  const found = locate(el, offset);
  if (!found) return null;
  const range = document.createRange();
  range.setStart(found.node, found.at);
  range.setEnd(found.node, found.at + 1);
  const rects = range.getClientRects();
  for (const rect of rects) if (rect.width > 0 || rect.height > 0) return rect;
  return rects[0] ?? range.getBoundingClientRect();
}

/** The first offset at or after `offset` that is not white space (a space at a line end sits on the previous line). */
function skipSpace(el: Element, offset: number): number {
  const text = el.textContent ?? '';
  let i = offset;
  while (i < text.length - 1 && /\s/.test(text[i] as string)) i++;
  return i;
}
