/** The reader's engine as a hook: loads sections, lays them out, turns pages, and reports places. */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { loadSection } from '../../content/catalogue';
import type { Section, WorkInfo } from '../../content/types';
import { makeLocator, resolveLocator } from '../../reader/locate';
import type { Locator } from '../../reader/locator';
import { Paginator, type PageInfo, type Place } from '../../reader/paginator';
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
  const [locator, setLocatorState] = useState<Locator | null>(null);
  // The newest place at once, for key handlers that run before the next render.
  const locatorRef = useRef<Locator | null>(null);
  const setLocator = useCallback((next: Locator) => {
    locatorRef.current = next;
    setLocatorState(next);
  }, []);
  const [pageInfo, setPageInfo] = useState<PageInfo>({ page: 0, pageCount: 1 });
  const [cols, setCols] = useState<1 | 2>(1);
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
  const modeRef = useRef(mode);
  modeRef.current = mode;
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

  /** Lays the section out again, keeping the anchor on screen; never moves the place. */
  const relayout = useCallback(() => {
    const viewport = viewportRef.current;
    const content = contentRef.current;
    const s = sectionRef.current;
    if (!viewport || !content || !s) return;
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
    setCols(count);
    p.layout(modeRef.current, count, anchor.current);
    const todo = after.current;
    after.current = 'stay';
    if (todo === 'last') p.showLast();
    if (todo === 'target') commitFromScreen(anchor.current);
    else if (todo === 'commit' || todo === 'last') commitFromScreen();
    else if (todo === 'restore') setLocator(makeLocator(work, s, anchor.current.block, anchor.current.offset, locatorRef.current?.updatedAt));
    setPageInfo(p.info());
  }, [columns, commitFromScreen, setLocator, work]);
  const relayoutRef = useRef(relayout);
  relayoutRef.current = relayout;

  /** Where a target is in a loaded section: its quote's place if the text moved, else its block and offset. */
  const placeIn = (s: Section, target: Target): Place =>
    target.quote ? resolveLocator(s, { block: target.block, offset: target.offset, quote: target.quote }) : { block: target.block, offset: target.offset };

  /** Shows a section with the target on screen, loading it if needed; a newer request supersedes this one. */
  const show = useCallback(
    async (target: Target, todo: After): Promise<void> => {
      const id = ++request.current;
      const current = sectionRef.current;
      if (current?.id === target.sectionId) {
        loading.current = false;
        anchor.current = placeIn(current, target);
        after.current = todo;
        relayout();
        return;
      }
      loading.current = true;
      try {
        const loaded = await loadSection(work.id, target.sectionId);
        if (id !== request.current) return;
        anchor.current = placeIn(loaded, target);
        after.current = todo;
        sectionRef.current = loaded;
        setAtEnd(false);
        setSection(loaded);
      } catch (e) {
        if (id === request.current) setError(e instanceof Error ? e.message : String(e));
      } finally {
        if (id === request.current) loading.current = false;
      }
    },
    [work, relayout],
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
  useLayoutEffect(relayout, [section, mode, columns, layoutKey, relayout]);

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
    if (!p || !s || loading.current) return;
    readSinceJump.current = true;
    const before = p.info();
    const moved = modeRef.current === 'scroll' ? p.scrollBy(1) : p.next(true);
    if (moved) {
      if (modeRef.current === 'paginated') callbacks.current.onPageRead?.(s.words / Math.max(1, before.pageCount));
      commitFromScreen();
      setPageInfo(p.info());
      return;
    }
    const following = work.sections[s.index + 1];
    if (!following) {
      setAtEnd(true);
      return;
    }
    callbacks.current.onPageRead?.(s.words / Math.max(1, before.pageCount));
    await show({ sectionId: following.id, block: 0, offset: 0 }, 'commit');
  }, [work, show, commitFromScreen]);

  const prev = useCallback(async (): Promise<void> => {
    const p = paginator.current;
    const s = sectionRef.current;
    if (!p || !s || loading.current) return;
    readSinceJump.current = true;
    setAtEnd(false);
    const moved = modeRef.current === 'scroll' ? p.scrollBy(-1) : p.prev(true);
    if (moved) {
      commitFromScreen();
      setPageInfo(p.info());
      return;
    }
    const previous = work.sections[s.index - 1];
    if (!previous) return;
    // Arrive at the end of the previous section: its last page, or its last block when scrolling.
    const end = { sectionId: previous.id, block: Math.max(0, previous.blockCount - 1), offset: 0 };
    await show(end, modeRef.current === 'scroll' ? 'commit' : 'last');
  }, [work, show, commitFromScreen]);

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
    locator,
    pageInfo,
    cols,
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
