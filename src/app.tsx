/** Which screen is showing: the library, a work's adult-content notice, the reader, or "no such work". */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Pwa } from './pwa';
import { useAppState } from './state/app-state';
import { preloadWhenIdle } from './ui/lazy/idle';
import { AboutWork } from './ui/about-work/lazy';
import { AdultNotice } from './ui/adult-notice';
import { Library } from './ui/library';
import { NotFound } from './ui/not-found';
import { ReaderScreen, type OpenAt } from './ui/reader';
import { SearchPanel } from './ui/search-panel/lazy';
import { AppSettings } from './ui/settings-panel/lazy';
import { StorageNote } from './ui/storage-note';
import { PwaNotices } from './ui/update-notice';
import { OfflineIndicator } from './ui/offline-indicator';
import { PwaInstall } from './ui/install/lazy';
import { encodePassage } from './annotations/link';
import { usePassageLink } from './ui/passage-link';

export function App({ pwa }: { pwa: Pwa }) {
  const state = useAppState();
  const { route, actions } = state;
  const [libraryPanel, setLibraryPanel] = useState<'settings' | 'search' | null>(null);
  const [searchQuery, setSearchQuery] = useState('');
  // A search hit chosen in the library: the reader opens there, with the match marked.
  const [openAt, setOpenAt] = useState<(OpenAt & { workId: string }) | null>(null);
  const r = route.value;
  const work = state.currentWork.value;
  // A library search hit is used once, by the reader it opens: leaving the reader (by any way,
  // the browser's Back included) forgets it, so the next visit opens at the saved place.
  useEffect(() => {
    if (r.name !== 'read') setOpenAt(null);
  }, [r.name]);
  const reading = work !== undefined && (!work.meta.addedByApp.adult || state.acknowledged.value.has(work.id));
  // A passage link is followed once its notice is passed: the reader opens at that character.
  const link = usePassageLink(reading ? work : undefined, r.name === 'read' ? r.at : undefined);
  // The first time a work is opened, ask the browser to keep Quire's data: the reader has shown intent.
  useEffect(() => {
    if (reading) void pwa.requestPersistence();
  }, [reading, pwa]);
  // The first screen is up (the reader: once its first page is): only then are the lazy chunks preloaded, in idle time.
  const [pageUp, setPageUp] = useState(false);
  const onSettled = useCallback(() => setPageUp(true), []);
  let waitForPage = false;
  const toLibrary = () => actions.navigate({ name: 'library' });
  const closeLibraryPanel = () => setLibraryPanel(null);

  let screen;
  if (r.name === 'library') {
    screen = (
      <>
        <Library
          wpm={state.speed.value.wpm}
          tools={
            <>
              <PwaInstall pwa={pwa} />
              <button
                type="button"
                class="button"
                onClick={() => {
                  // Build the indexes while the reader types the first letters.
                  state.search.prepare('all');
                  setLibraryPanel('search');
                }}
              >
                Search
              </button>
              <button type="button" class="button" onClick={() => setLibraryPanel('settings')}>
                Settings
              </button>
            </>
          }
        />
        {libraryPanel === 'settings' && <AppSettings onClose={closeLibraryPanel} />}
        {libraryPanel === 'search' && (
          <SearchPanel
            label="Search all works"
            showWorkTitles
            search={(query) => state.search.search(query, 'all')}
            initialQuery={searchQuery}
            onQueryChange={setSearchQuery}
            onClose={closeLibraryPanel}
            onOpen={(hit) => {
              const target = { sectionId: hit.sectionId, block: hit.block, offset: hit.offset };
              setOpenAt({ workId: hit.workId, target, highlight: { block: hit.block, offset: hit.offset, length: hit.length } });
              setLibraryPanel(null);
              // Through the one passage link, so the hit opens as any link to it would (after the notice).
              actions.navigate({ name: 'read', workId: hit.workId, at: encodePassage({ ...target, quote: hit.snippet.match }) });
            }}
          />
        )}
      </>
    );
  } else if (r.name === 'about') {
    const about = state.catalogue.find((w) => w.id === r.workId);
    screen = about ? <AboutWork work={about} position={state.positions.value[about.id]} wpm={state.speed.value.wpm} stats={state.stats} /> : <NotFound workId={r.workId} />;
  } else if (!work) {
    screen = <NotFound workId={r.workId} />;
  } else if (!state.loaded.value) {
    // Storage is still opening (at most a few seconds; see src/storage/README.md).
    waitForPage = true;
    screen = <main class="app-opening"><p role="status">Opening {work.meta.addedByApp.displayTitle}…</p></main>;
  } else if (work.meta.addedByApp.adult && !state.acknowledged.value.has(work.id)) {
    screen = <AdultNotice work={work} onContinue={() => void actions.acknowledge(work.id)} onBack={toLibrary} />;
  } else if (link.pending) {
    waitForPage = true;
    screen = null;
  } else {
    waitForPage = true;
    screen = (
      <ReaderScreen
        key={`${work.id}?${r.name === 'read' ? (r.at ?? '') : ''}`}
        work={work}
        openAt={link.result?.ok ? { target: link.result.target, highlight: openAt?.workId === work.id ? openAt.highlight : undefined } : openAt?.workId === work.id ? openAt : undefined}
        notice={link.result && !link.result.ok ? link.result.message : undefined}
        onSettled={onSettled}
      />
    );
  }

  const settled = pageUp || !waitForPage;
  useEffect(() => (settled ? preloadWhenIdle() : undefined), [settled]);

  return (
    <>
      {screen}
      <aside class="app-notices" aria-label="Notices">
        <StorageNote status={state.storageStatus.value} />
        <OfflineIndicator online={pwa.state.online.value} />
        <PwaNotices pwa={pwa} beforeReload={actions.flush} />
      </aside>
    </>
  );
}
