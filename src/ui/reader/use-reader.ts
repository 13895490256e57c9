/** The reader's engine as a hook: loads sections, lays them out, turns pages, and reports places. */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { loadSection } from '../../content/catalogue';
import type { Section, WorkInfo } from '../../content/types';
import { makeLocator, resolveLocator } from '../../reader/locate';
import type { Locator } from '../../reader/locator';
import { Paginator, type PageInfo, type Place } from '../../reader/paginator';
import type { ColumnsChoice, ReadingMode } from '../../settings/types';

/** Where to go: a section and a character in it. */
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
 * 'commit' (a page turn: the first character on screen becomes the place), 'target'
 * (a jump: the character jumped to becomes the place, so it stays on screen through later
 * re-layouts), 'last' (arriving from the next section: its last page).
 */
type After = 'stay' | 'commit' | 'target' | 'last';

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
  const busy = useRef(false);
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
  const [back, setBack] = useState<Locator | null>(null);
  const [atEnd, setAtEnd] = useState(false);
  const callbacks = useRef({ onLocator, onPageRead });
  callbacks.current = { onLocator, onPageRead };
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const scrollTimer = useRef(0);

  /** The first character on screen (or `place`, for a jump) becomes the reader's place. */
  const commitFromScreen = useCallback((target?: Place) => {
    const p = paginator.current;
    const s = sectionRef.current;
    if (!p || !s) return;
    const place = target ?? p.firstVisible();
    anchor.current = place;
    const next = makeLocator(work, s, place.block, place.offset);
    setLocator(next);
    callbacks.current.onLocator(next);
  }, [work]);

  /** Lays the section out again, keeping the anchor on screen; never moves the place. */
  const relayout = useCallback(() => {
    const viewport = viewportRef.current;
    const content = contentRef.current;
    if (!viewport || !content || !sectionRef.current) return;
    // A scroll the browser made while the size changed is not the reader's doing.
    window.clearTimeout(scrollTimer.current);
    if (!paginator.current) paginator.current = new Paginator(viewport, content);
    const fontPx = parseFloat(getComputedStyle(content).fontSize) || 18;
    // Decide on the room the page has, not the viewport (whose width follows the choice).
    const room = viewport.parentElement ?? viewport;
    const count = columnCount(columns, room.clientWidth, room.clientHeight, fontPx);
    content.dataset.cols = String(count);
    setCols(count);
    const p = paginator.current;
    p.layout(modeRef.current, count, anchor.current);
    const todo = after.current;
    after.current = 'stay';
    if (todo === 'last') p.showLast();
    if (todo === 'target') commitFromScreen(anchor.current);
    else if (todo !== 'stay') commitFromScreen();
    setPageInfo(p.info());
  }, [columns, commitFromScreen]);

  /** Shows a section with `place` on screen, loading it if needed. */
  const show = useCallback(
    async (sectionId: string, place: Place, todo: After): Promise<void> => {
      if (sectionRef.current?.id === sectionId) {
        anchor.current = place;
        after.current = todo;
        relayout();
        return;
      }
      busy.current = true;
      try {
        const loaded = await loadSection(work.id, sectionId);
        anchor.current = place;
        after.current = todo;
        sectionRef.current = loaded;
        setAtEnd(false);
        setSection(loaded);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        busy.current = false;
      }
    },
    [work, relayout],
  );

  // Open: the saved place, else the start of the work.
  useEffect(() => {
    const first = work.sections[0];
    if (!first) {
      setError('This work has no text.');
      return;
    }
    const known = initial && work.sections.some((s) => s.id === initial.sectionId) ? initial : undefined;
    if (startAt && work.sections.some((s) => s.id === startAt.sectionId)) {
      if (known) setBack(known);
      void show(startAt.sectionId, { block: startAt.block, offset: startAt.offset }, 'target');
      return;
    }
    const sectionId = known?.sectionId ?? first.id;
    void loadSection(work.id, sectionId).then(
      (loaded) => {
        const place = known ? resolveLocator(loaded, known) : { block: 0, offset: 0 };
        anchor.current = place;
        after.current = 'stay';
        sectionRef.current = loaded;
        setLocator(known ? { ...known, ...place } : makeLocator(work, loaded, 0, 0));
        setSection(loaded);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [work]); // opening happens once per work

  // Every render of a section, mode, column or typography change: lay out again before paint.
  useLayoutEffect(relayout, [section, mode, columns, layoutKey, relayout]);

  // Size changes (rotation, resize, panels) and web fonts finishing loading re-lay the page.
  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    let width = viewport.clientWidth;
    let height = viewport.clientHeight;
    const observer = new ResizeObserver(() => {
      if (viewport.clientWidth === width && viewport.clientHeight === height) return;
      width = viewport.clientWidth;
      height = viewport.clientHeight;
      relayout();
    });
    observer.observe(viewport);
    const fonts = document.fonts;
    fonts.addEventListener('loadingdone', relayout);
    void fonts.ready.then(relayout);
    return () => {
      observer.disconnect();
      fonts.removeEventListener('loadingdone', relayout);
    };
  }, [relayout, section !== null]); // re-attach once the viewport exists

  const next = useCallback(async (): Promise<void> => {
    const p = paginator.current;
    const s = sectionRef.current;
    if (!p || !s || busy.current) return;
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
    await show(following.id, { block: 0, offset: 0 }, 'commit');
  }, [work, show, commitFromScreen]);

  const prev = useCallback(async (): Promise<void> => {
    const p = paginator.current;
    const s = sectionRef.current;
    if (!p || !s || busy.current) return;
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
    await show(previous.id, { block: Math.max(0, previous.blockCount - 1), offset: 0 }, modeRef.current === 'scroll' ? 'commit' : 'last');
  }, [work, show, commitFromScreen]);

  /** Jumps to a place; `remember` keeps the current place for "Back to where you were". */
  const jump = useCallback(
    async (target: Target, remember: boolean): Promise<void> => {
      if (remember && locator) setBack(locator);
      const place = { block: target.block, offset: target.offset };
      await show(target.sectionId, place, 'target');
    },
    [locator, show],
  );

  /** Returns to the place before the last jump. */
  const goBack = useCallback(async (): Promise<void> => {
    if (!back) return;
    const target = back;
    setBack(null);
    await show(target.sectionId, { block: target.block, offset: target.offset }, 'target');
  }, [back, show]);

  /** The user scrolled (scroll mode): the first line on screen becomes the place, once the scroll settles. */
  const onScroll = useCallback(() => {
    const p = paginator.current;
    if (!p || modeRef.current !== 'scroll' || p.isOwnScroll()) return;
    window.clearTimeout(scrollTimer.current);
    scrollTimer.current = window.setTimeout(() => {
      // A layout since then (resize, mode switch) put the page where it belongs: that was no user scroll.
      if (modeRef.current === 'scroll' && !p.isOwnScroll()) commitFromScreen();
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
    jump,
    goBack,
    dismissBack: () => setBack(null),
    /** The newest place, even before the render that shows it. */
    currentLocator: () => locatorRef.current,
    onScroll,
  };
}
