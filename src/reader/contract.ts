/** The reader model's contract: what others code against to drive the reader and follow it. See ./README.md. */
import type { ReadonlySignal } from '@preact/signals';
import type { Section, WorkInfo } from '../content/types';
import type { ReaderPosition } from './estimates';
import type { LayoutPort } from './layout-port';
import type { Locator, Target } from './locator';
import type { Place, ReadingMode } from './place';
import type { BlockWindow } from './window';

/** Why the place changed (or, for 'relayout', why the same place was laid out again). */
export type RelocateReason = 'restore' | 'turn' | 'jump' | 'back' | 'adopt' | 'follow' | 'relayout';

/** One relocate: the place now, and why. */
export interface Relocate {
  locator: Locator;
  reason: RelocateReason;
}

/** What the model needs: the work, its sections, a layout, and where places go. */
export interface ReaderModelOptions {
  work: WorkInfo;
  loadSection: (workId: string, sectionId: string) => Promise<Section>;
  port: LayoutPort;
  mode: ReadonlySignal<ReadingMode>;
  /** The newest place the app knows for this work: the reader opens there, and adopts a newer one when it comes. */
  known: ReadonlySignal<Locator | undefined>;
  /** Open here instead (a search hit chosen in the library); the known place becomes "Back to where you were". */
  startAt?: Target | undefined;
  /** Called with every place the reader's own moves make (turn, jump, back, follow). */
  save: (locator: Locator) => void;
  /** A forward page turn: the words that page held, and when it was first shown. */
  onPageRead?: (words: number, shownAt: number) => void;
  now?: () => number;
  /** Characters in a window of paginated layout (tests use small ones). */
  windowChars?: number;
  /** How long a scroll must rest before its first line becomes the place. */
  scrollSettleMs?: number;
}

/** A window of a section, as the view renders it. */
export interface SectionWindow {
  section: Section;
  window: BlockWindow;
}

/** The reader as signals and actions; everything that moves the reader goes through here. */
export interface ReaderModel {
  section: ReadonlySignal<Section | null>;
  /** The part of the section laid out (all of it when scrolling). */
  window: ReadonlySignal<BlockWindow | null>;
  /** The reading place: the one source of truth. */
  locator: ReadonlySignal<Locator | null>;
  position: ReadonlySignal<ReaderPosition>;
  /** "Back to where you were". */
  back: ReadonlySignal<Locator | null>;
  atEnd: ReadonlySignal<boolean>;
  error: ReadonlySignal<string | null>;
  /** +1 after every layout: redraw decorations. */
  layouts: ReadonlySignal<number>;
  /**
   * The window the next turn out of this layout will ask for, staged for the view to lay out
   * hidden, in idle time (paginated): the next section's first window once the window shown
   * reaches its section's end, or, near the start of a window, the window before it (when the
   * window starts its section: the previous section's last window). The turn then shows it with
   * no layout on the way. Null until there is one.
   */
  staged: ReadonlySignal<SectionWindow | null>;
  /** Settles once the opening place is laid out. */
  opened: Promise<void>;
  next(): Promise<void>;
  prev(): Promise<void>;
  /** The start of the next (+1) or previous (-1) section. */
  goSection(direction: 1 | -1): Promise<void>;
  /** A jump; `remember` (default true) keeps the place before it for Back. */
  jump(target: Target, opts?: { remember?: boolean }): Promise<void>;
  goBack(): Promise<void>;
  dismissBack(): void;
  /** A place from outside (an import, another tab): moves there, Back offers the place left. */
  adopt(locator: Locator): Promise<void>;
  /** The place becomes `target` (read aloud); the page turns only when it is not on screen; Back untouched. */
  follow(target: Target): Promise<void>;
  /**
   * Lays the current window out again (call after rendering it); never moves the place. `cut`
   * (new type, paginated): the window is first cut to two pages past the place (`cutWindow`),
   * rendered and laid out so; it grows forward in idle time, as any window does.
   */
  relayout(opts?: { cut?: boolean }): void;
  /** The reader scrolled (scroll mode): once it rests, the first line on screen becomes the place. */
  scrolled(): void;
  onRelocate(listener: (e: Relocate) => void): () => void;
  /** True when a character of the current section is on screen. */
  isOnScreen(place: Place): boolean;
  dispose(): void;
}
