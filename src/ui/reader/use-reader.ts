/** The reader's engine as a hook: loads sections, lays them out, turns pages, and reports places. */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { loadSection } from '../../content/catalogue';
import type { Section, WorkInfo } from '../../content/types';
import { makeLocator, resolveLocator } from '../../reader/locate';
import type { Locator } from '../../reader/locator';
import { Paginator, type Place } from '../../reader/paginator';
import { charsAfter, charsIn, holds, reachesEnd, sectionEnd, startsSection, wholeSection, windowBefore, windowFrom, type BlockWindow } from '../../reader/window';
import type { ColumnsChoice, ReadingMode } from '../../settings/types';

/** Where to go: a section and a character in it; with a quote, the place is found again if the text moved. */
export type Target = Pick<Locator, 'sectionId' | 'block' | 'offset'> & { quote?: Locator['quote'] };

interface Options {
  work: WorkInfo;
  initial: Locator | undefined;
  /** Open at this place instead (a search hit from the library); the saved place becomes "Back to where you were". */
  startAt?: Target | undefined;
  mode: ReadingMode;
  columns: ColumnsChoice;
  /** Changes whenever anything that affects layout changes (typography settings). */
  layoutKey: string;
  /** Called for every move made by the reader's own navigation, never for a re-layout. */
  onLocator: (locator: Locator) => void;
  /** Called after a forward page turn with the words that page held. */
  onPageRead?: (words: number) => void;
}

/**
 * What happens after the next layout: 'stay' (a re-layout: the place does not move),
 * 'restore' (opening at the saved place: shown, not saved again), 'commit' (a page turn:
 * the first character on screen becomes the place), 'target' (a jump: the character
 * jumped to becomes the place, so it stays on screen through later re-layouts), 'last'
 * (arriving from the next section: its last page).
 */
type After = 'stay' | 'restore' | 'commit' | 'target' | 'last';

/** Where the reader is in the layout: the page, the pages of this layout, and pages left in the section. */
export interface ReaderPosition {
  page: number;
  pageCount: number;
  pagesLeft: number;
}

/** True when a window is the whole section. */
function isWhole(s: Section, w: BlockWindow): boolean {
  return startsSection(w) && reachesEnd(s, w) && w.end.offset === 0;
}

/** Two columns need room for two comfortable lines. */
function columnCount(choice: ColumnsChoice, width: number, height: number, fontPx: number): 1 | 2 {
  const roomForTwo = width >= fontPx * 40;
  if (choice === 'one' || !roomForTwo) return 1;
  if (choice === 'two') return 2;
  return width >= 900 && width > height ? 2 : 1;
}

export function useReader({ work, initial, startAt, mode, columns, layoutKey, onLocator, onPageRead }: Options) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const paginator = useRef<Paginator | null>(null);
  const sectionRef = useRef<Section | null>(null);
  const anchor = useRef<Place>({ block: 0, offset: 0 });
  const after = useRef<After>('stay');
  // Section loads are numbered: only the newest one asked for is shown, whatever finishes last.
  const request = useRef(0);
  const loading = useRef(false);
  const [section, setSection] = useState<Section | null>(null);
  // Paginated reading lays out a window of the section; scrolling lays out all of it.
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const [range, setRangeState] = useState<BlockWindow | null>(null);
  const rangeRef = useRef<BlockWindow | null>(null);
  // Set while the range is the whole section because of scrolling: back to pages, a window is made.
  const wholeForScroll = useRef(false);
  const setRange = useCallback((next: BlockWindow) => {
    rangeRef.current = next;
    wholeForScroll.current = modeRef.current === 'scroll';
    setRangeState(next);
  }, []);
  const [locator, setLocatorState] = useState<Locator | null>(null);
  // The newest place at once, for key handlers that run before the next render.
  const locatorRef = useRef<Locator | null>(null);
  const setLocator = useCallback((next: Locator) => {
    locatorRef.current = next;
    setLocatorState(next);
  }, []);
  const [pageInfo, setPageInfo] = useState<ReaderPosition>({ page: 0, pageCount: 1, pagesLeft: 0 });
  const [error, setError] = useState<string | null>(null);
  const [back, setBackState] = useState<Locator | null>(null);
  const backRef = useRef<Locator | null>(null);
  const setBack = useCallback((next: Locator | null) => {
    backRef.current = next;
    setBackState(next);
  }, []);
  // Whether the reader read on (turned or scrolled) since the last jump: a run of jumps keeps
  // the first "Back to where you were", reading on and jumping again replaces it.
  const readSinceJump = useRef(true);
  const [atEnd, setAtEnd] = useState(false);
  const callbacks = useRef({ onLocator, onPageRead });
  callbacks.current = { onLocator, onPageRead };
  const scrollTimer = useRef(0);

  /** The first character on screen (or `place`, for a jump) becomes the reader's place. */
  const commitFromScreen = useCallback(
    (target?: Place) => {
      const p = paginator.current;
      const s = sectionRef.current;
      if (!p || !s) return;
      const place = target ?? p.firstVisible();
      anchor.current = place;
      const next = makeLocator(work, s, place.block, place.offset);
      setLocator(next);
      callbacks.current.onLocator(next);
    },
    [work, setLocator],
  );

  // Characters on a full page in the latest layout, for estimating pages beyond the window.
  const perPage = useRef(1500);
  /** Near a section's end (or start), its neighbour is loaded ahead, so turning into it costs only a layout. */
  const prefetch = (s: Section, info: ReaderPosition) => {
    const neighbour = info.pagesLeft <= 2 ? work.sections[s.index + 1] : info.page <= 1 && startsSection(rangeRef.current ?? wholeSection(s)) ? work.sections[s.index - 1] : undefined;
    if (neighbour) loadSection(work.id, neighbour.id).catch(() => undefined); // a failed load is retried when turned into
  };

  /** Where the reader is in this layout, with the pages left in the section (estimated past the window). */
  const measure = useCallback((): ReaderPosition => {
    const p = paginator.current;
    const s = sectionRef.current;
    const w = rangeRef.current;
    if (!p || !s || !w) return { page: 0, pageCount: 1, pagesLeft: 0 };
    const { page, pageCount } = p.info();
    if (modeRef.current === 'scroll' || reachesEnd(s, w)) return { page, pageCount, pagesLeft: Math.max(0, pageCount - 1 - page) };
    // Past the window, pages are estimated at the rate of this window's full pages; its last page
    // is where the next window starts, so its text is counted with what follows.
    const seam = pageCount > 1 ? p.firstOfPage(pageCount - 1) : w.start;
    if (pageCount > 1) perPage.current = Math.max(1, charsIn(s, { start: w.start, end: seam }) / (pageCount - 1));
    const rest = charsIn(s, { start: seam, end: w.end }) + charsAfter(s, w);
    return { page, pageCount, pagesLeft: Math.max(0, pageCount - 2 - page) + Math.ceil(rest / perPage.current) };
  }, []);

  /** Updates the page info (and loads a neighbouring section ahead when it will soon be needed). */
  const report = useCallback(() => {
    const info = measure();
    setPageInfo(info);
    if (sectionRef.current) prefetch(sectionRef.current, info);
  }, [measure, work]);

  /** Lays the section out again, keeping the anchor on screen; never moves the place. */
  const relayout = useCallback(() => {
    const viewport = viewportRef.current;
    const content = contentRef.current;
    const s = sectionRef.current;
    if (!viewport || !content || !s) return;
    // Switching to pages after scrolling elsewhere: lay out a window around the place first.
    const w = rangeRef.current;
    if (modeRef.current === 'paginated' && (!w || !holds(w, anchor.current) || wholeForScroll.current)) {
      setRange(windowFrom(s, anchor.current));
      return;
    }
    if (modeRef.current === 'scroll' && (!w || !isWhole(s, w))) {
      setRange(wholeSection(s));
      return;
    }
    if (!paginator.current) paginator.current = new Paginator(viewport, content);
    const p = paginator.current;
    // A scroll that has not settled when the layout changes is dropped: a resize makes the
    // browser move the scroll position itself, and that must not become the reader's place.
    window.clearTimeout(scrollTimer.current);
    const fontPx = parseFloat(getComputedStyle(content).fontSize) || 18;
    // Decide on the room the page has, not the viewport (whose width follows the choice).
    const room = viewport.parentElement ?? viewport;
    const count = columnCount(columns, room.clientWidth, room.clientHeight, fontPx);
    content.dataset.cols = String(count);
    p.layout(modeRef.current, count, anchor.current);
    const todo = after.current;
    after.current = 'stay';
    if (todo === 'last') p.showLast();
    if (todo === 'target') commitFromScreen(anchor.current);
    else if (todo === 'commit' || todo === 'last') commitFromScreen();
    else if (todo === 'restore') setLocator(makeLocator(work, s, anchor.current.block, anchor.current.offset, locatorRef.current?.updatedAt));
    report();
  }, [columns, commitFromScreen, setLocator, setRange, report, work]);
  const relayoutRef = useRef(relayout);
  relayoutRef.current = relayout;

  /** Where a target is in a loaded section: its quote's place if the text moved, else its block and offset. */
  const placeIn = (s: Section, target: Target): Place =>
    target.quote ? resolveLocator(s, { block: target.block, offset: target.offset, quote: target.quote }) : { block: target.block, offset: target.offset };

  /** The window to lay out for a place: where a jump lands, its paragraph starts the page flow. */
  const windowFor = (s: Section, place: Place, todo: After): BlockWindow => {
    if (modeRef.current === 'scroll') return wholeSection(s);
    if (todo === 'last') return windowBefore(s, sectionEnd(s));
    if (todo === 'target') return windowFrom(s, { block: place.block, offset: 0 });
    return windowFrom(s, place);
  };

  /** Shows a section with the target on screen, loading it if needed; a newer request supersedes this one. */
  const show = useCallback(
    async (target: Target, todo: After): Promise<void> => {
      const id = ++request.current;
      let s = sectionRef.current;
      if (s?.id !== target.sectionId) {
        loading.current = true;
        try {
          s = await loadSection(work.id, target.sectionId);
        } catch (e) {
          if (id === request.current) {
            loading.current = false;
            setError(e instanceof Error ? e.message : String(e));
          }
          return;
        }
        if (id !== request.current) return;
        loading.current = false;
      }
      const place = placeIn(s, target);
      anchor.current = place;
      after.current = todo;
      const current = rangeRef.current;
      if (sectionRef.current === s && current && holds(current, place) && todo !== 'last') {
        // Already laid out: just show the page that holds it.
        relayout();
        return;
      }
      sectionRef.current = s;
      setAtEnd(false);
      setSection(s);
      setRange(windowFor(s, place, todo));
    },
    [work, relayout, setRange],
  );

  /** Lays out a new window of the current section (crossing a window's edge while turning pages). */
  const showWindow = useCallback(
    (w: BlockWindow, place: Place, todo: After) => {
      ++request.current;
      anchor.current = place;
      after.current = todo;
      setRange(w);
    },
    [setRange],
  );

  // Open: at a library search hit, else at the saved place, else at the start of the work.
  useEffect(() => {
    const first = work.sections[0];
    if (!first) {
      setError('This work has no text.');
      return;
    }
    const known = initial && work.sections.some((s) => s.id === initial.sectionId) ? initial : undefined;
    if (startAt && work.sections.some((s) => s.id === startAt.sectionId)) {
      if (known) setBack(known);
      readSinceJump.current = false;
      void show(startAt, 'target');
      return;
    }
    if (known) locatorRef.current = known;
    void show(known ?? { sectionId: first.id, block: 0, offset: 0 }, 'restore');
  }, [work]); // opening happens once per work

  // Every render of a section, mode, column or typography change: lay out again before paint.
  useLayoutEffect(relayout, [section, range, mode, columns, layoutKey, relayout]);

  // Size changes (rotation, resize, panels) and web fonts finishing loading re-lay the page.
  const hasSection = section !== null;
  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const again = () => relayoutRef.current();
    let width = viewport.clientWidth;
    let height = viewport.clientHeight;
    const observer = new ResizeObserver(() => {
      if (viewport.clientWidth === width && viewport.clientHeight === height) return;
      width = viewport.clientWidth;
      height = viewport.clientHeight;
      again();
    });
    observer.observe(viewport);
    const fonts = document.fonts;
    fonts.addEventListener('loadingdone', again);
    void fonts.ready.then(again);
    return () => {
      observer.disconnect();
      fonts.removeEventListener('loadingdone', again);
    };
  }, [hasSection]); // attach once the viewport exists

  const next = useCallback(async (): Promise<void> => {
    const p = paginator.current;
    const s = sectionRef.current;
    const w = rangeRef.current;
    if (!p || !s || !w || loading.current) return;
    readSinceJump.current = true;
    const { page, pageCount } = p.info();
    // Words on the page just read, for the reading speed.
    const pageWords = (s.words * (charsIn(s, w) / Math.max(1, s.chars))) / Math.max(1, pageCount);
    if (modeRef.current === 'scroll') {
      if (p.scrollBy(1)) {
        commitFromScreen();
        report();
        return;
      }
    } else {
      // A window that stops short of the section's end ends mid-flow: its last page is where
      // the next window starts, so it is never shown as a page of its own going forward.
      const final = reachesEnd(s, w);
      const lastShown = final ? pageCount - 1 : Math.max(0, pageCount - 2);
      if (page < lastShown && p.next(true)) {
        callbacks.current.onPageRead?.(pageWords);
        commitFromScreen();
        report();
        return;
      }
      if (!final) {
        callbacks.current.onPageRead?.(pageWords);
        const start = page < pageCount - 1 ? p.firstOfPage(page + 1) : w.end;
        showWindow(windowFrom(s, start), start, 'commit');
        return;
      }
    }
    const following = work.sections[s.index + 1];
    if (!following) {
      setAtEnd(true);
      return;
    }
    if (modeRef.current === 'paginated') callbacks.current.onPageRead?.(pageWords);
    await show({ sectionId: following.id, block: 0, offset: 0 }, 'commit');
  }, [work, show, showWindow, commitFromScreen, report]);

  const prev = useCallback(async (): Promise<void> => {
    const p = paginator.current;
    const s = sectionRef.current;
    const w = rangeRef.current;
    if (!p || !s || !w || loading.current) return;
    readSinceJump.current = true;
    setAtEnd(false);
    const moved = modeRef.current === 'scroll' ? p.scrollBy(-1) : p.prev(true);
    if (moved) {
      commitFromScreen();
      report();
      return;
    }
    if (modeRef.current === 'paginated' && !startsSection(w)) {
      // Back across the window's start: a window that ends exactly there, shown at its last page.
      showWindow(windowBefore(s, w.start), w.start.offset > 0 ? { block: w.start.block, offset: w.start.offset - 1 } : { block: Math.max(0, w.start.block - 1), offset: 0 }, 'last');
      return;
    }
    const previous = work.sections[s.index - 1];
    if (!previous) return;
    // Arrive at the end of the previous section: its last page, or its last block when scrolling.
    const end = { sectionId: previous.id, block: Math.max(0, previous.blockCount - 1), offset: 0 };
    await show(end, modeRef.current === 'scroll' ? 'commit' : 'last');
  }, [work, show, showWindow, commitFromScreen, report]);

  /** Goes to the start of the next (+1) or previous (-1) section. */
  const goSection = useCallback(
    async (direction: 1 | -1): Promise<void> => {
      const s = sectionRef.current;
      const to = s && work.sections[s.index + direction];
      if (!to) return;
      readSinceJump.current = true;
      await show({ sectionId: to.id, block: 0, offset: 0 }, 'commit');
    },
    [work, show],
  );

  /** Jumps to a place; `remember` keeps the place before it for "Back to where you were". */
  const jump = useCallback(
    async (target: Target, remember: boolean): Promise<void> => {
      const here = locatorRef.current;
      if (remember && here && (backRef.current === null || readSinceJump.current)) setBack(here);
      readSinceJump.current = false;
      await show(target, 'target');
    },
    [show, setBack],
  );

  /** Returns to the place before the jumps. */
  const goBack = useCallback(async (): Promise<void> => {
    const target = backRef.current;
    if (!target) return;
    setBack(null);
    readSinceJump.current = true;
    await show(target, 'target');
  }, [show, setBack]);

  /** The user scrolled (scroll mode): the first line on screen becomes the place, once the scroll settles. */
  const onScroll = useCallback(() => {
    const p = paginator.current;
    if (!p || modeRef.current !== 'scroll' || p.isOwnScroll()) return;
    window.clearTimeout(scrollTimer.current);
    scrollTimer.current = window.setTimeout(() => {
      readSinceJump.current = true;
      if (modeRef.current === 'scroll') commitFromScreen();
    }, 120);
  }, [commitFromScreen]);
  useEffect(() => () => window.clearTimeout(scrollTimer.current), []);

  return {
    viewportRef,
    contentRef,
    section,
    /** The part of the section laid out (all of it when scrolling). */
    range,
    locator,
    pageInfo,
    error,
    back,
    atEnd,
    next,
    prev,
    goSection,
    jump,
    goBack,
    dismissBack: () => setBack(null),
    /** The newest place, even before the render that shows it. */
    currentLocator: () => locatorRef.current,
    onScroll,
  };
}
