import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { WorkInfo } from '../../content/types';
import { loadSection } from '../../content/catalogue';
import { placeAtFraction, sectionAtFraction } from '../../reader/locate';
import type { Locator } from '../../reader/locator';
import { readerVars } from '../../settings/css';
import type { Settings } from '../../settings/types';
import type { SearchHit } from '../../search/types';
import { useAppState } from '../../state/app-state';
import { gestureMayAct, hasSelectionIn, keyMayTurn } from '../../annotations/gesture';
import { ReaderAnnotations } from '../annotations-panel/reader-annotations';
import { PassageNotice } from '../passage-link/notice';
import { BookmarksPanel } from '../bookmarks-panel';
import { ContentsPanel } from '../contents-panel';
import { Icon, type IconName } from '../icons';
import { SearchPanel } from '../search-panel';
import type { Highlight } from '../section-view';
import { ReaderFooter } from '../reader-footer';
import { ReaderHeader } from '../reader-header';
import { SectionView } from '../section-view';
import { useBookmarks } from './use-bookmarks';
import { useReader, type Target } from './use-reader';
import './style.css';

/** Panels the reader can open; 'settings' is rendered by the app through `renderPanel`. */
export type ReaderPanel = 'contents' | 'settings' | 'search' | 'bookmarks' | 'annotations';

/** Where to open instead of the saved place (a search hit chosen in the library), with its match marked. */
export interface OpenAt {
  target: Target;
  highlight?: Highlight;
}

interface Props {
  work: WorkInfo;
  initial: Locator | undefined;
  openAt?: OpenAt | undefined;
  /** A message to show on opening (a passage link that could not be followed). */
  notice?: string | undefined;
  settings: Settings;
  wpm: number;
  measured: boolean;
  onLocator: (locator: Locator) => void;
  /** A page was read: its words and when it was first shown. */
  onPageRead: (words: number, shownAt: number) => void;
  onLibrary: () => void;
  onModeChange: (mode: Settings['mode']) => void;
  /** The settings panel, given the way to close it. */
  renderSettings: (close: () => void) => ComponentChildren;
}

/** A header tool: an icon and a label (the label is hidden on narrow screens but stays the button's name). */
function ToolButton(props: { icon: IconName; label: string; onClick: () => void; pressed?: boolean; keyshortcuts?: string }) {
  return (
    <button
      type="button"
      class="icon-button tool-button"
      aria-pressed={props.pressed}
      aria-keyshortcuts={props.keyshortcuts}
      title={props.label}
      onClick={props.onClick}
    >
      <Icon name={props.icon} />
      <span class="tool-label">{props.label}</span>
    </button>
  );
}

/** Keys that turn pages. */
const NEXT_KEYS = new Set(['ArrowRight', 'PageDown']);
const PREV_KEYS = new Set(['ArrowLeft', 'PageUp']);

/** The reader: the page, its controls and the contents. */
export function ReaderScreen(props: Props) {
  const { work, settings } = props;
  const app = useAppState();
  const [panel, setPanel] = useState<ReaderPanel | null>(null);
  const panelRef = useRef(panel);
  panelRef.current = panel;
  const [highlight, setHighlight] = useState<(Highlight & { sectionId: string }) | null>(
    props.openAt?.highlight ? { ...props.openAt.highlight, sectionId: props.openAt.target.sectionId } : null,
  );
  const [searchQuery, setSearchQuery] = useState('');
  const marks = useBookmarks(app.store, work.id, app.dataVersion.value);
  const [controls, setControls] = useState(true);
  // When the page now on screen was first shown, for the reading-speed samples.
  const shownAt = useRef(Date.now());
  const layoutKey = [settings.font, settings.fontSize, settings.lineHeight, settings.measure, settings.justify, settings.paragraphs, settings.smartPunctuation].join('|');
  const reader = useReader({
    work,
    initial: props.initial,
    startAt: props.openAt?.target,
    mode: settings.mode,
    columns: settings.columns,
    layoutKey,
    onLocator: (locator) => {
      props.onLocator(locator);
      shownAt.current = Date.now();
    },
    onPageRead: (words) => props.onPageRead(words, shownAt.current),
  });
  const { section, locator } = reader;
  const pageRef = useRef<HTMLElement>(null);
  const contentEl = useCallback(() => reader.contentRef.current, []);
  const pageEl = useCallback(() => pageRef.current, []);
  const paginated = settings.mode === 'paginated';

  const turn = useCallback(
    (direction: 1 | -1) => {
      setControls(false);
      setHighlight(null);
      void (direction > 0 ? reader.next() : reader.prev());
    },
    [reader.next, reader.prev],
  );

  const jump = useCallback(
    (target: Target) => {
      setPanel(null);
      void reader.jump(target, true);
    },
    [reader.jump],
  );

  const openHit = useCallback(
    (hit: SearchHit) => {
      setHighlight({ sectionId: hit.sectionId, block: hit.block, offset: hit.offset, length: hit.length });
      jump({ sectionId: hit.sectionId, block: hit.block, offset: hit.offset });
    },
    [jump],
  );

  const toggleBookmark = useCallback(() => {
    const current = reader.currentLocator();
    if (current) void marks.toggle(current);
  }, [reader.currentLocator, marks.toggle]);

  const scrub = useCallback(
    async (fraction: number) => {
      const { sectionId, within } = sectionAtFraction(work, fraction);
      const loaded = await loadSection(work.id, sectionId);
      jump({ sectionId, ...placeAtFraction(loaded, within) });
    },
    [work, jump],
  );

  // Keyboard: page keys turn, Space too (Shift+Space back), Escape leaves; never while typing or in a panel.
  // The listener is added once and reads the latest callbacks: a key pressed right after a
  // turn must act on the new page, not on the one an older render saw.
  const keys = useRef({ turn, toggleBookmark, onLibrary: props.onLibrary });
  keys.current = { turn, toggleBookmark, onLibrary: props.onLibrary };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('dialog, input, textarea, select, [contenteditable="true"]')) return;
      // A panel is open: its own keys (Escape closes it) come first.
      if (panelRef.current !== null || document.querySelector('dialog[open]')) return;
      // A selection never turns the page: Shift+arrows extend it.
      if (!keyMayTurn(event.key, event.shiftKey)) return;
      const onControl = target?.closest('button, a, summary') !== null && target !== document.body;
      if (event.key === 'Escape') {
        event.preventDefault();
        keys.current.onLibrary();
      } else if (NEXT_KEYS.has(event.key) || (event.key === ' ' && !event.shiftKey && !onControl)) {
        event.preventDefault();
        keys.current.turn(1);
      } else if (PREV_KEYS.has(event.key) || (event.key === ' ' && event.shiftKey && !onControl)) {
        event.preventDefault();
        keys.current.turn(-1);
      } else if ((event.key === 'Enter' && !onControl) || event.key === 'm') {
        setControls((v) => !v);
      } else if (event.key === 'b' || event.key === 'B') {
        keys.current.toggleBookmark();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Taps: left and right edges turn, the middle shows or hides the controls; swipes turn (touch and pen only).
  const down = useRef<{ x: number; y: number; type: string; selected: boolean } | null>(null);
  const selecting = () => hasSelectionIn(reader.contentRef.current, window.getSelection());
  const onPointerDown = (event: PointerEvent) => {
    down.current = { x: event.clientX, y: event.clientY, type: event.pointerType, selected: selecting() };
  };
  const onPointerUp = (event: PointerEvent) => {
    const start = down.current;
    down.current = null;
    if (!start || event.button > 0) return;
    if ((event.target as HTMLElement).closest('a, button, input')) return;
    // A selection never turns the page: a gesture that starts on one or ends one does nothing else.
    if (!gestureMayAct({ selectedAtStart: start.selected, selectedAtEnd: selecting() })) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (start.type !== 'mouse' && Math.abs(dx) > 48 && Math.abs(dx) > 1.5 * Math.abs(dy)) {
      if (paginated) turn(dx < 0 ? 1 : -1);
      return;
    }
    if (Math.abs(dx) > 8 || Math.abs(dy) > 8) return;
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const x = (event.clientX - box.left) / box.width;
    if (paginated && x < 0.3) turn(-1);
    else if (paginated && x > 0.7) turn(1);
    else setControls((v) => !v);
  };

  const showControls = controls || panel !== null || !section;
  const openPanel = (p: ReaderPanel) => setPanel(p);
  const closePanel = () => setPanel(null);

  return (
    <div
      class={`reader ${paginated ? 'paginated' : 'scrolling'}`}
      data-controls={showControls ? 'shown' : 'hidden'}
      // The typography, set here too: it lands in the same commit as the re-layout that measures it.
      style={readerVars(settings)}
    >
      <ReaderHeader
        title={work.meta.addedByApp.displayTitle}
        sectionTitle={section?.title}
        visible={showControls}
        onLibrary={props.onLibrary}
        onFocus={() => setControls(true)}
      >
        <ToolButton icon="contents" label="Contents" onClick={() => openPanel('contents')} />
        <ToolButton
          icon="search"
          label="Search"
          onClick={() => {
            // Build the index while the reader types the first letters.
            app.search.prepare({ workId: work.id });
            openPanel('search');
          }}
        />
        <ToolButton icon="bookmark" label="Bookmark" pressed={marks.at(locator) !== undefined} keyshortcuts="B" onClick={toggleBookmark} />
        <ToolButton icon="bookmarks" label="Bookmarks" onClick={() => openPanel('bookmarks')} />
        <ToolButton icon="notes" label="Notes" onClick={() => openPanel('annotations')} />
        <ToolButton icon="settings" label="Settings" onClick={() => openPanel('settings')} />
        <ToolButton icon="scroll" label="Scroll" pressed={!paginated} onClick={() => props.onModeChange(paginated ? 'scroll' : 'paginated')} />
      </ReaderHeader>
      {reader.error ? (
        <main class="reader-error" role="alert">
          <h2>This work could not be opened</h2>
          <p>{reader.error}</p>
          <button type="button" class="button primary" onClick={props.onLibrary}>
            Back to the library
          </button>
        </main>
      ) : (
        <main class="reader-page" aria-label="Text" ref={pageRef}>
          <div
            class="reader-viewport"
            ref={reader.viewportRef}
            tabIndex={paginated ? -1 : 0}
            onPointerDown={onPointerDown}
            onPointerUp={onPointerUp}
            onScroll={reader.onScroll}
          >
            <article
              class="reader-content"
              ref={reader.contentRef}
              lang="en"
              aria-label={work.meta.addedByApp.displayTitle}
              // The reader's place, for tools and tests to read (never read back by the app).
              data-place-section={locator?.sectionId}
              data-place-block={locator?.block}
              data-place-offset={locator?.offset}
            >
              {section && reader.range && (
                <SectionView
                  section={section}
                  range={reader.range}
                  smart={settings.smartPunctuation}
                  highlight={highlight?.sectionId === section.id ? highlight : null}
                />
              )}
            </article>
            {!paginated && section && (
              // At the ends of a section when scrolling: the way on (and back) is part of the text's flow.
              <nav class="section-nav" aria-label="Sections">
                {section.index > 0 && (
                  <button type="button" class="button" onClick={() => void reader.goSection(-1)}>
                    Previous section
                  </button>
                )}
                {section.index < work.sections.length - 1 && (
                  <button type="button" class="button" onClick={() => void reader.goSection(1)}>
                    Next section: {work.sections[section.index + 1]?.title}
                  </button>
                )}
              </nav>
            )}
          </div>
          <ReaderAnnotations
            store={app.store}
            work={work}
            dataVersion={app.dataVersion.value}
            section={section}
            content={contentEl}
            frame={pageEl}
            redraw={reader.pageInfo}
            panelOpen={panel === 'annotations'}
            onClosePanel={closePanel}
            onJump={(h) => jump({ sectionId: h.sectionId, block: h.start.block, offset: h.start.offset, quote: { before: '', text: h.quote.text.split('\n')[0] ?? '', after: '' } })}
          />
          {reader.back && (
            <div class="back-to-place">
              <button
                type="button"
                class="button primary"
                // The button goes away once used: keep the focus on the page, not lost to <body>.
                onClick={() => void reader.goBack().then(() => reader.viewportRef.current?.focus())}
              >
                Back to where you were
              </button>
              <button type="button" class="icon-button" aria-label="Dismiss back to where you were" onClick={reader.dismissBack}>
                <span aria-hidden="true">×</span>
              </button>
            </div>
          )}
          <p class="visually-hidden" role="status">
            {reader.atEnd ? 'End of the work.' : ''}
          </p>
          <PassageNotice message={props.notice} />
        </main>
      )}
      <ReaderFooter
        work={work}
        section={section ?? undefined}
        locator={locator}
        pageInfo={reader.pageInfo}
        paginated={paginated}
        wpm={props.wpm}
        measured={props.measured}
        expanded={showControls}
        onScrub={(f) => void scrub(f)}
      />
      {panel === 'contents' && (
        <ContentsPanel
          work={work}
          currentSectionId={section?.id}
          wpm={props.wpm}
          onClose={closePanel}
          onChoose={(sectionId) => jump({ sectionId, block: 0, offset: 0 })}
        />
      )}
      {panel === 'search' && (
        <SearchPanel
          label="Search this work"
          search={(query) => app.search.search(query, { workId: work.id })}
          onOpen={openHit}
          onClose={closePanel}
          initialQuery={searchQuery}
          onQueryChange={setSearchQuery}
        />
      )}
      {panel === 'bookmarks' && (
        <BookmarksPanel
          bookmarks={marks.bookmarks}
          sections={work.sections}
          onOpen={(b) => jump(b.locator)}
          onRemove={(b) => void marks.remove(b)}
          onClose={closePanel}
        />
      )}
      {panel === 'settings' && props.renderSettings(closePanel)}
    </div>
  );
}
