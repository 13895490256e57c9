/**
 * The reader model: the reading place and everything that moves it, as signals and actions.
 * Pure rules (navigation, history, estimates) decide; the layout port lays out and measures.
 * Every relocate says why it happened; only the reader's own moves are saved. See ./README.md.
 */
import { batch, computed, effect, signal, untracked } from '@preact/signals';
import { createAhead } from './ahead';
import type { ReaderModel, ReaderModelOptions, Relocate, RelocateReason } from './contract';
import type { Section } from '../content/types';
import { DEFAULT_CHARS_PER_PAGE, measure, NO_POSITION, wordsPerPage, type ReaderPosition } from './estimates';
import { adopted, jumped, NO_BACK, readOn, wentBack, type BackState } from './history';
import { isNewer, makeLocator, resolveLocator } from './locate';
import type { Locator, Target } from './locator';
import { beyond, cutWindow, endsShort, neighbourAhead, nextMove, opening, prevMove, windowFor, type Layout, type Leave } from './navigation';
import { samePlace, SECTION_START, type Place, type ReadingMode } from './place';
import { charsIn, holds, isWholeSection, wholeSection, windowFrom, WINDOW_CHARS, type BlockWindow } from './window';

export type { Target } from './locator';
export type { ReaderPosition } from './estimates';
export type { ReaderModel, ReaderModelOptions, Relocate, RelocateReason, SectionWindow } from './contract';

/** The reader's moves: only these are saved. */
const SAVED: ReadonlySet<RelocateReason> = new Set(['turn', 'jump', 'back', 'follow']);

/** What the next layout does with the place: keep it, restore or adopt it, take the screen's first character, the last page's, or the anchor. */
type Arrive = 'stay' | 'restore' | 'screen' | 'last' | 'anchor';
/** `short`: a window laid out short on purpose (a jump's, or one cut for new type); `grown`: and then once more, with a window more. */
type Step = { arrive: Arrive; reason: RelocateReason; updatedAt?: number | undefined; short?: true; grown?: true };
const STAY: Step = { arrive: 'stay', reason: 'relayout' };

/** Where a target is in its loaded section: its quote's place if the text moved, else its block and offset. */
const placeIn = (s: Section, t: Target): Place => (t.quote ? resolveLocator(s, { block: t.block, offset: t.offset, quote: t.quote }) : { block: t.block, offset: t.offset });

/** Makes the model and starts opening the work at its known place (or `startAt`). */
export function createReaderModel(o: ReaderModelOptions): ReaderModel {
  const { work, port } = o;
  const now = o.now ?? Date.now;
  const section = signal<Section | null>(null);
  const win = signal<BlockWindow | null>(null);
  const locator = signal<Locator | null>(null);
  const position = signal<ReaderPosition>(NO_POSITION);
  const backState = signal<BackState>(NO_BACK);
  const atEnd = signal(false);
  const error = signal<string | null>(null);
  const layouts = signal(0);
  const listeners = new Set<(e: Relocate) => void>();

  let anchor: Place = SECTION_START; // the character the layout keeps on screen
  let step: Step = STAY;
  const waiting: (() => void)[] = [];
  // Moves are numbered: only the newest one asked for is shown, whatever finishes last.
  let request = 0;
  let loading = false;
  // Set while the window is the whole section because of scrolling: back to pages, a window is made.
  let wholeForScroll = false;
  let shortWin: BlockWindow | null = null; // the window laid out short on purpose, until another is set
  let perPage: number | undefined; // characters a page holds, once a layout has measured it
  const pageChars = () => perPage ?? o.port.charsPerPage?.() ?? DEFAULT_CHARS_PER_PAGE;
  // The newest place made or seen: new places are stamped after it, older ones are never adopted.
  let newest = o.known.peek()?.updatedAt ?? 0;
  let shownAt = now();
  let scrollTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const ahead = createAhead({ load: (id) => o.loadSection(work.id, id).catch(() => null), lay: (w) => setWindow(w), ready: () => !disposed && !loading && step === STAY && mode() === 'paginated' });

  const stamp = (): number => (newest = Math.max(now(), newest + 1));
  const mode = (): ReadingMode => o.mode.peek();
  const laidOut = (): Promise<void> => new Promise((resolve) => waiting.push(resolve));
  // A newer move: a section still loading for an older one is not shown.
  const supersede = (): number => ((loading = false), ++request);

  function relocate(next: Locator, reason: RelocateReason): void {
    locator.value = next;
    if (reason !== 'relayout') shownAt = now();
    if (SAVED.has(reason)) o.save(next);
    for (const listener of listeners) listener({ locator: next, reason });
  }

  /** A character of the section becomes the place. */
  function placeAt(place: Place, reason: RelocateReason, updatedAt = stamp()): void {
    const s = section.peek();
    if (!s) return;
    const next = makeLocator(work, s, place.block, place.offset, updatedAt);
    anchor = { block: next.block, offset: next.offset };
    relocate(next, reason);
  }

  /** What is laid out now, for the navigation rules; null before the first layout. */
  function layout(): Layout | null {
    const s = section.peek();
    const w = win.peek();
    if (!s || !w) return null;
    return { ...port.pages(), section: s, window: w, mode: mode(), sections: work.sections, windowChars: o.windowChars };
  }

  /** Updates the position, and loads a neighbouring section ahead when it will soon be needed. */
  function report(): void {
    const l = layout();
    if (!l) return;
    const seam = (): Place => (l.pageCount > 1 ? port.firstOfPage(l.pageCount - 1) : l.window.start);
    const m = measure(l, seam, pageChars());
    perPage = m.perPage;
    position.value = m.position;
    ahead.after({ ...l, anchor, firstOfPage: (page) => port.firstOfPage(page), windowChars: o.windowChars }, neighbourAhead(l, m.position), work.sections[l.section.index + 1], work.sections[l.section.index - 1]);
  }

  /** Shows a new window (the view renders it and calls relayout); `next`: what that layout does with the place. */
  function setWindow(w: BlockWindow, next?: Step): void {
    if (next) step = next;
    shortWin = step.short ? w : null;
    wholeForScroll = mode() === 'scroll';
    win.value = w;
  }

  function relayout(opts?: { cut?: boolean }): void {
    const [s, w] = [section.peek(), win.peek()];
    if (!s || disposed) return;
    // New type: a window cut to two pages past the place is laid out, not the whole one (up to twice 12,000 characters).
    const cut = opts?.cut && step === STAY && mode() === 'paginated' && w && holds(w, anchor) && !wholeForScroll ? cutWindow(s, w, anchor, o.windowChars, pageChars()) : null;
    if (cut) return setWindow(cut, { ...STAY, short: true });
    // Switching to pages after scrolling elsewhere: lay out a window around the place first.
    if (mode() === 'paginated' && (!w || !holds(w, anchor) || wholeForScroll)) return setWindow(windowFrom(s, anchor, o.windowChars));
    if (mode() === 'scroll' && (!w || !isWholeSection(s, w))) return setWindow(wholeSection(s));
    if (!w) return;
    // An unsettled scroll is dropped: a resize moves the scroll itself, and that is not the reader's place.
    clearTimeout(scrollTimer);
    if (!port.layout(s, w, mode(), anchor)) return;
    const todo = step;
    // A short window whose page shown is its last (denser pages than measured, or a new size before it grew): once, a window more.
    if ((todo.short || w === shortWin) && !todo.grown && endsShort({ ...port.pages(), section: s, window: w, mode: mode() })) return setWindow(windowFrom(s, w.start, charsIn(s, w) + (o.windowChars ?? WINDOW_CHARS)), { ...todo, grown: true });
    step = STAY;
    if (todo.arrive === 'last') port.showLast();
    if (todo.arrive === 'screen' || todo.arrive === 'last') placeAt(port.firstVisible(), todo.reason);
    else if (todo.arrive !== 'stay') placeAt(anchor, todo.reason, todo.updatedAt);
    else if (locator.peek()) relocate(locator.peek() as Locator, 'relayout');
    report();
    layouts.value++;
    for (const resolve of waiting.splice(0)) resolve();
  }

  /** Shows a place, loading its section if needed; a newer move supersedes this one. */
  async function show(target: Target, todo: Step): Promise<void> {
    const id = supersede();
    let s = section.peek();
    if (s?.id !== target.sectionId) {
      loading = true;
      try {
        s = await o.loadSection(work.id, target.sectionId);
      } catch (e) {
        if (id === request) {
          loading = false;
          error.value = e instanceof Error ? e.message : String(e);
        }
        return;
      }
      if (id !== request || disposed) return;
      loading = false;
    }
    const place = placeIn(s, target);
    anchor = place;
    step = todo.arrive === 'anchor' || todo.arrive === 'restore' ? { ...todo, short: true } : todo;
    const done = laidOut();
    const w = win.peek();
    if (section.peek() === s && w && holds(w, place) && todo.arrive !== 'last') relayout();
    else {
      const at = todo.arrive === 'last' ? 'end' : todo.arrive === 'anchor' ? 'paragraph' : todo.arrive === 'restore' ? 'open' : 'place';
      batch(() => {
        section.value = s;
        atEnd.value = false;
        setWindow(windowFor(s, place, at, mode(), o.windowChars, pageChars()));
      });
    }
    await done;
  }

  /** Carries out a turn that leaves this layout: another window, or another section. */
  async function go(move: Leave, words: number): Promise<void> {
    if (move.kind === 'none') {
      if (move.atEnd) atEnd.value = true;
      return;
    }
    if (words > 0) o.onPageRead?.(words, shownAt);
    if (move.kind === 'window') {
      supersede();
      anchor = move.anchor;
      const done = laidOut();
      setWindow(move.window, { arrive: move.last ? 'last' : 'screen', reason: 'turn' });
      return done;
    }
    return show(move.target, { arrive: move.last ? 'last' : 'screen', reason: 'turn' });
  }

  async function turn(direction: 1 | -1): Promise<void> {
    const l = layout();
    if (!l || loading) return;
    backState.value = readOn(backState.peek());
    if (direction < 0) atEnd.value = false;
    // Words on the page being left, for the reading speed (forward page turns only).
    const words = direction > 0 && l.mode === 'paginated' ? wordsPerPage(l.section, l) : 0;
    const move = direction > 0 ? nextMove(l, (page) => port.firstOfPage(page)) : prevMove(l);
    if (move.kind !== 'page') return go(move, words);
    if (!port.turn(direction)) return go(beyond(l, direction), words);
    if (words > 0) o.onPageRead?.(words, shownAt);
    placeAt(port.firstVisible(), 'turn');
    report();
  }

  async function adopt(place: Locator): Promise<void> {
    if (place.workId !== work.id || !work.sections.some((s) => s.id === place.sectionId)) return;
    newest = Math.max(newest, place.updatedAt);
    const here = locator.peek();
    if (here && samePlace(here, place)) return;
    backState.value = adopted(backState.peek(), here);
    await show(place, { arrive: 'restore', reason: 'adopt', updatedAt: place.updatedAt });
  }

  function open(): Promise<void> {
    const at = opening(work.sections, o.known.peek(), o.startAt);
    if (!at) {
      error.value = 'This work has no text.';
      return Promise.resolve();
    }
    if (!at.jump) return show(at.target, { arrive: 'restore', reason: 'restore', updatedAt: at.saved?.updatedAt ?? now() });
    backState.value = jumped(NO_BACK, at.saved ?? null, true);
    return show(at.target, { arrive: 'anchor', reason: 'jump' });
  }

  // One source of truth: a newer place for this work in the app's state (an import, another tab) moves the reader.
  const stopFollowing = effect(() => {
    const place = o.known.value;
    if (place && isNewer(place, { updatedAt: newest })) untracked(() => void adopt(place));
  });

  return {
    section,
    window: win,
    locator,
    position,
    back: computed(() => backState.value.place),
    atEnd,
    error,
    layouts,
    staged: ahead.staged,
    opened: open(),
    next: () => turn(1),
    prev: () => turn(-1),
    async goSection(direction) {
      const s = section.peek();
      const to = s && work.sections[s.index + direction];
      if (!to) return;
      backState.value = readOn(backState.peek());
      await show({ sectionId: to.id, block: 0, offset: 0 }, { arrive: 'screen', reason: 'turn' });
    },
    async jump(target, opts) {
      backState.value = jumped(backState.peek(), locator.peek(), opts?.remember ?? true);
      await show(target, { arrive: 'anchor', reason: 'jump' });
    },
    async goBack() {
      const target = backState.peek().place;
      if (!target) return;
      backState.value = wentBack();
      await show(target, { arrive: 'anchor', reason: 'back' });
    },
    dismissBack: () => void (backState.value = wentBack()),
    adopt,
    async follow(target) {
      const [s, w] = [section.peek(), win.peek()];
      const place = s?.id === target.sectionId ? placeIn(s, target) : null;
      if (w && place && holds(w, place)) {
        supersede();
        if (!port.isOnScreen(place)) port.showPlace(place);
        placeAt(place, 'follow');
        report();
        return;
      }
      await show(target, { arrive: 'anchor', reason: 'follow' });
    },
    relayout,
    scrolled() {
      if (mode() !== 'scroll') return;
      clearTimeout(scrollTimer);
      scrollTimer = setTimeout(() => {
        if (mode() !== 'scroll' || disposed) return;
        backState.value = readOn(backState.peek());
        placeAt(port.firstVisible(), 'turn');
      }, o.scrollSettleMs ?? 120);
    },
    onRelocate: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    isOnScreen: (place) => port.isOnScreen(place),
    dispose() {
      disposed = true;
      supersede();
      stopFollowing();
      clearTimeout(scrollTimer);
      listeners.clear();
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}
