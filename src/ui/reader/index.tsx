import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { loadSection } from '../../content/catalogue';
import type { WorkInfo } from '../../content/types';
import type { ReaderAction } from '../../reader/input';
import { placeAtFraction, sectionAtFraction } from '../../reader/locate';
import type { Target } from '../../reader/locator';
import { readerVars } from '../../settings/css';
import type { SearchHit } from '../../search/types';
import { useAppState } from '../../state/app-state';
import { ReaderAnnotations } from '../annotations-panel/reader-annotations';
import { placeAt, rangeFor } from '../../reader/dom-range';
import { ReadAloudBar } from '../read-aloud/lazy';
import { useReadAloud } from '../read-aloud/use-read-aloud';
import { BookmarksPanel } from '../bookmarks-panel/lazy';
import { ContentsPanel } from '../contents-panel/lazy';
import { EndPage } from '../end-page/lazy';
import { Icon, type IconName } from '../icons';
import { SearchPanel } from '../search-panel/lazy';
import type { Highlight } from '../section-view';
import { ReaderFooter } from '../reader-footer';
import { ReaderHeader } from '../reader-header';
import { AppSettings } from '../settings-panel/lazy';
import { ReaderKeyboardHelp } from '../keyboard-help/lazy';
import { useReadingWake } from '../../device/use-reading-wake';
import { useBookmarks } from './use-bookmarks';
import { ReaderPages } from './pages';
import { useReader } from './use-reader';
import './style.css';

/** Panels the reader can open. */
export type ReaderPanel = 'contents' | 'settings' | 'search' | 'bookmarks' | 'keys' | 'annotations';

/** Where to open instead of the saved place (a search hit chosen in the library), with its match marked. */
export interface OpenAt {
  target: Target;
  highlight?: Highlight;
}

interface Props {
  work: WorkInfo;
  openAt?: OpenAt | undefined;
  /** Said on opening (a passage link that could not be followed). */
  notice?: string | undefined;
  /** Called once the first page is painted (or the work could not be opened): the app then preloads in idle time. */
  onSettled?: () => void;
}

/** A header tool: an icon and a label (the label is hidden on narrow screens but stays the button's name). */
function ToolButton(props: { icon: IconName; label: string; onClick: () => void; pressed?: boolean; keyshortcuts?: string; title?: string }) {
  return (
    <button
      type="button"
      class="icon-button tool-button"
      aria-pressed={props.pressed}
      aria-keyshortcuts={props.keyshortcuts}
      title={props.title ?? props.label}
      onClick={props.onClick}
    >
      <Icon name={props.icon} />
      <span class="tool-label">{props.label}</span>
    </button>
  );
}

/** The reader: the page, its controls and the contents. Everything that moves it goes through its model. */
export function ReaderScreen({ work, openAt, notice, onSettled }: Props) {
  const app = useAppState();
  const settings = app.settings.settings.value;
  const { wpm, measured } = app.speed.value;
  const [panel, setPanel] = useState<ReaderPanel | null>(null);
  const [highlight, setHighlight] = useState<(Highlight & { sectionId: string }) | null>(
    openAt?.highlight ? { ...openAt.highlight, sectionId: openAt.target.sectionId } : null,
  );
  const [searchQuery, setSearchQuery] = useState('');
  const marks = useBookmarks(app.store, work.id, app.dataVersion.value);
  const [controls, setControls] = useState(true);
  const paginated = settings.mode === 'paginated';
  const toLibrary = () => app.actions.navigate({ name: 'library' });

  const toggleBookmark = () => {
    // The newest place, even before the render that shows it.
    const current = model.locator.peek();
    if (current) void marks.toggle(current);
  };
  const turn = (direction: 1 | -1) => {
    setControls(false);
    setHighlight(null);
    void (direction > 0 ? model.next() : model.prev());
  };
  const actions: Record<ReaderAction, () => void> = {
    next: () => turn(1),
    prev: () => turn(-1),
    library: toLibrary,
    controls: () => setControls((v) => !v),
    bookmark: toggleBookmark,
    readAloud: () => readAloud.toggle(),
    help: () => setPanel('keys'),
  };
  const { model, paginator, layoutKey, viewportRef, contentRef, onPointerDown, onPointerUp, onScroll } = useReader({
    work,
    startAt: openAt?.target,
    settings,
    act: (action) => actions[action](),
    panelOpen: panel !== null,
  });
  useReadingWake(settings.keepScreenOn, model.onRelocate);
  const readAloud = useReadAloud({ work, reader: model, contentRef, settings: app.settings, hit: highlight, rangeFor, placeAt, pageShown: model.window.value !== null });
  const reading = readAloud.controller !== null && readAloud.controller.state.value.status !== 'idle';
  const section = model.section.value;
  const locator = model.locator.value;
  const shown = model.window.value;
  const back = model.back.value;
  const error = model.error.value;
  const pageRef = useRef<HTMLElement>(null);
  // Once the first page is up, the work's search index is built in idle time (in the worker).
  const hasPage = shown !== null;
  useEffect(() => (hasPage ? app.search.prepareWhenIdle({ workId: work.id }) : undefined), [hasPage, app.search, work.id]);
  const settled = hasPage || error !== null;
  useEffect(() => void (settled && onSettled?.()), [settled, onSettled]);

  const jump = useCallback(
    (target: Target) => {
      setPanel(null);
      void model.jump(target);
    },
    [model],
  );

  const openHit = (hit: SearchHit) => {
    setHighlight({ sectionId: hit.sectionId, block: hit.block, offset: hit.offset, length: hit.length });
    jump({ sectionId: hit.sectionId, block: hit.block, offset: hit.offset });
  };

  const scrub = async (fraction: number) => {
    const { sectionId, within } = sectionAtFraction(work, fraction);
    const loaded = await loadSection(work.id, sectionId);
    jump({ sectionId, ...placeAtFraction(loaded, within) });
  };

  const showControls = controls || panel !== null || !section;
  const openPanel = (p: ReaderPanel) => setPanel(p);
  const closePanel = () => setPanel(null);

  return (
    <div
      class={`reader ${paginated ? 'paginated' : 'scrolling'}`}
      data-controls={showControls ? 'shown' : 'hidden'}
    >
      <ReaderHeader
        title={work.meta.addedByApp.displayTitle}
        sectionTitle={section?.title}
        visible={showControls}
        onLibrary={toLibrary}
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
        <ToolButton icon="speak" label="Read aloud" title="Read aloud (R)" keyshortcuts="R" pressed={reading} onClick={() => (reading ? readAloud.controller?.stop() : readAloud.start())} />
        <ToolButton icon="settings" label="Settings" onClick={() => openPanel('settings')} />
        <ToolButton icon="scroll" label="Scroll" pressed={!paginated} onClick={() => app.settings.set({ ...settings, mode: paginated ? 'scroll' : 'paginated' })} />
      </ReaderHeader>
      {error ? (
        <main class="reader-error" role="alert">
          <h2>This work could not be opened</h2>
          <p>{error}</p>
          <button type="button" class="button primary" onClick={toLibrary}>
            Back to the library
          </button>
        </main>
      ) : (
        // The typography is set on the text's part of the screen alone, in the same commit as the
        // re-layout that measures it: a variable changed on .reader restyled its bars and panels too.
        <main class="reader-page" aria-label="Text" ref={pageRef} style={readerVars(settings)}>
          <ReaderPages
            model={model}
            paginator={paginator}
            viewportRef={viewportRef}
            contentRef={contentRef}
            paginated={paginated}
            layoutKey={layoutKey}
            smart={settings.smartPunctuation}
            label={work.meta.addedByApp.displayTitle}
            locator={locator}
            highlight={highlight}
            onPointerDown={onPointerDown}
            onPointerUp={onPointerUp}
            onScroll={onScroll}
          >
            {!paginated && section && (
              // At the ends of a section when scrolling: the way on (and back) is part of the text's flow.
              <nav class="section-nav" aria-label="Sections">
                {section.index > 0 && (
                  <button type="button" class="button" onClick={() => void model.goSection(-1)}>
                    Previous section
                  </button>
                )}
                {section.index < work.sections.length - 1 && (
                  <button type="button" class="button" onClick={() => void model.goSection(1)}>
                    Next section: {work.sections[section.index + 1]?.title}
                  </button>
                )}
              </nav>
            )}
          </ReaderPages>
          <ReaderAnnotations work={work} model={model} content={contentRef} page={pageRef} notice={notice} panelOpen={panel === 'annotations'} onClosePanel={closePanel} />
          {back && (
            <div class="back-to-place">
              <button
                type="button"
                class="button primary"
                // The button goes away once used: keep the focus on the page, not lost to <body>.
                onClick={() => void model.goBack().then(() => viewportRef.current?.focus())}
              >
                Back to where you were
              </button>
              <button type="button" class="icon-button" aria-label="Dismiss back to where you were" onClick={model.dismissBack}>
                <span aria-hidden="true">×</span>
              </button>
            </div>
          )}
          <p class="visually-hidden" role="status">
            {model.atEnd.value ? 'End of the work.' : ''}
          </p>
          {model.atEnd.value && (
            // "Back to the last page": one page back and on again, so the next turn comes back here.
            <EndPage work={work} section={section} works={app.catalogue} positions={app.positions.value} onLibrary={toLibrary} onBack={() => void model.prev().then(model.next)} />
          )}
        </main>
      )}
      <ReaderFooter
        work={work}
        section={section ?? undefined}
        locator={locator}
        position={model.position.value}
        paginated={paginated}
        wpm={wpm}
        measured={measured}
        expanded={showControls}
        atEnd={model.atEnd.value}
        onScrub={(f) => void scrub(f)}
      />
      {readAloud.controller && <ReadAloudBar controller={readAloud.controller} onResume={readAloud.resume} onRate={readAloud.setRate} onVoice={readAloud.setVoice} />}
      {readAloud.unavailable && (
        <p class="reader-alert" role="alert">
          {readAloud.unavailable}
        </p>
      )}
      {panel === 'contents' && (
        <ContentsPanel
          work={work}
          currentSectionId={section?.id}
          wpm={wpm}
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
      {panel === 'settings' && <AppSettings onClose={closePanel} />}
      {panel === 'keys' && <ReaderKeyboardHelp onClose={closePanel} />}
    </div>
  );
}
