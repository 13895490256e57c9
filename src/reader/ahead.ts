/**
 * Laying out ahead of need (issue 16): while the reader is idle, the window laid out grows
 * forward by the next window, so turning across the old seam is a transform, not a layout,
 * and the oldest part is let go, so the layout stays under twice a window. Pure: the model
 * calls it with what is laid out and carries the result out as a new window. See ./README.md.
 *
 * Exact by construction: pages flow forward from the window's start, so appending text after
 * the last page changes no earlier page, and the next window would have started at that last
 * page's first character anyway; the window is only ever cut at a page's first character.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { Section } from '../content/types';
import { afterPaint } from '../device/idle';
import type { SectionWindow } from './contract';
import { SECTION_START, type Place } from './place';
import { charsIn, reachesEnd, sameWindow, sectionEnd, startsSection, windowBefore, windowFrom, WINDOW_CHARS, type BlockWindow } from './window';

/** What is laid out, as the model sees it through the layout port. */
export interface AheadInput {
  section: Section;
  window: BlockWindow;
  page: number;
  pageCount: number;
  /** The reader's place (on the page shown). */
  anchor: Place;
  /** The first character of a page of this layout. */
  firstOfPage(page: number): Place;
  windowChars?: number | undefined;
}

/**
 * The window to lay out next while idle, or null when the one laid out already reaches a
 * window's worth past the place (or the section's end), or when the page shown is the window's
 * last (reached going back: it may be short, and text appended would appear on it as it is read).
 * Its start is the current start, or the first character of a page before the one shown when
 * the whole would pass twice a window.
 */
export function aheadWindow(i: AheadInput): BlockWindow | null {
  const size = i.windowChars ?? WINDOW_CHARS;
  const { section: s, window: w } = i;
  if (reachesEnd(s, w) || i.pageCount < 2 || i.page >= i.pageCount - 1) return null;
  if (charsIn(s, { start: i.anchor, end: w.end }) >= size) return null;
  // The last page is where the next window would start: the text from there on is appended.
  const end = windowFrom(s, i.firstOfPage(i.pageCount - 1), size).end;
  let start = w.start;
  for (let page = 1; page <= i.page && charsIn(s, { start, end }) > 2 * size; page++) start = i.firstOfPage(page);
  return { start, end };
}

/** What to stage (lay out hidden, for the view): the next section's start (`last`: the previous one's end), or the window before this one. */
export type Stage = { section: string; last?: true } | { before: BlockWindow } | null;

/**
 * What to stage once nothing is left to grow. Near the window's start (its first two pages),
 * what a turn back will ask for: the window before it, or, when it starts the section, the
 * previous section's last window; unless the window is also the section's last and the place
 * within three pages of its end (reading on is likelier). Else, when the window reaches the
 * section's end, the next section; else nothing.
 */
export function whatToStage(i: AheadInput, next: { id: string } | undefined, prev?: { id: string }): Stage {
  const toNext = next !== undefined && reachesEnd(i.section, i.window);
  if (i.page <= 1 && !(toNext && i.pageCount - i.page <= 3)) {
    if (!startsSection(i.window)) return { before: windowBefore(i.section, i.window.start, i.windowChars) };
    if (prev) return { section: prev.id, last: true };
  }
  return toNext ? { section: next.id } : null;
}

/** What the model hands over: how to load a section ahead (null when it fails), lay out a window, and whether it may now. */
export interface AheadOptions {
  load(sectionId: string): Promise<Section | null>;
  lay(window: BlockWindow): void;
  /** False while a move is under way (a section loading, a layout pending) or when scrolling. */
  ready(): boolean;
}

/**
 * The work the model does ahead of need, after each layout or turn: the neighbouring section it
 * will soon need is loaded once the frame in flight is painted (never before the first page),
 * and in the next idle period the window laid out grows ahead (`aheadWindow`) or, when there
 * is nothing to grow, a window is staged (`whatToStage`). A later call
 * replaces what an earlier one had not started. Where there is no requestAnimationFrame or
 * requestIdleCallback (Node: the model's unit tests) the load happens at once and nothing is laid ahead.
 */
export function createAhead(o: AheadOptions): {
  after(input: AheadInput, neighbour: { id: string } | undefined, next: { id: string } | undefined, prev?: { id: string }): void;
  cancel(): void;
  /** The staged window, exactly as the turn that needs it asks for it (see contract.ts). */
  staged: ReadonlySignal<SectionWindow | null>;
} {
  const staged = signal<SectionWindow | null>(null);
  const stage = (section: Section, window: BlockWindow): void => {
    if (o.ready() && !sameWindow(staged.peek(), { section, window })) staged.value = { section, window };
  };
  let cancels: (() => void)[] = [];
  const cancel = (): void => {
    for (const c of cancels) c();
    cancels = [];
  };
  return {
    after(input, neighbour, next, prev) {
      cancel();
      if (neighbour) {
        if (typeof requestAnimationFrame !== 'function') void o.load(neighbour.id);
        else cancels.push(afterPaint(() => void o.load(neighbour.id)));
      }
      if (typeof requestIdleCallback !== 'function') return;
      const idle = requestIdleCallback(
        () => {
          if (!o.ready()) return;
          const grown = aheadWindow(input);
          const what = grown ? null : whatToStage(input, next, prev);
          if (grown) o.lay(grown);
          else if (what && 'before' in what) stage(input.section, what.before);
          // Exactly the window the turn asks for: the next section's first, or the previous one's last (navigation.ts windowFor).
          else if (what) void o.load(what.section).then((s) => s && stage(s, what.last ? windowBefore(s, sectionEnd(s), input.windowChars) : windowFrom(s, SECTION_START, input.windowChars)));
        },
        { timeout: 1000 },
      );
      cancels.push(() => cancelIdleCallback(idle));
    },
    cancel,
    staged,
  };
}
