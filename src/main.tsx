/** Bootstrap only: render at once, open storage meanwhile, load what the first screen needs, start the service worker. */
import { effect } from '@preact/signals';
import { render } from 'preact';
import './styles/index.css';
import './ui/controls/style.css';
import { App } from './app';
import { decodePassage } from './annotations/link';
import { catalogue, loadSection, sectionUrls } from './content/catalogue';
import { createSectionMirror, firstSection, readSectionHints } from './content/first-section';
import { isNewer } from './reader/locate';
import { createSearchClient } from './search/client';
import { startPwa } from './pwa';
import { followLaunches } from './pwa/launch';
import { createSettingsState } from './settings/state';
import { parseHash } from './state/router';
import { AppStateContext, createAppState } from './state/app-state';
import { createStatsState } from './stats/state';
import { takeJournal } from './storage/journal';
import { handOver, wirePageLifecycle } from './storage/lifecycle';
import { createStore } from './storage/store';
import { indexWorks } from './storage/validate';
import { firstScreenPainted } from './ui/lazy/idle';

// The first page's section and the reading font are fetched now, while storage opens, not once
// the page is rendered: the first layout is then in the reading font, not laid out again for it.
prefetchFirstSection(location.hash);
void document.fonts?.load(`1em ${getComputedStyle(document.documentElement).getPropertyValue('--reader-font-family') || 'Literata'}`).catch(() => undefined);
// The service worker's first install precaches the whole build: it starts once the first screen is painted.
const pwa = startPwa({ registerAfter: firstScreenPainted() });
// The page's life is wired here only: leaving (pagehide, hidden) flushes every pending write
// (the place, the settings, storage's retries) once, through the app's one flush; coming back
// lets storage reopen a connection the browser closed in the background.
const page = wirePageLifecycle({ flush: () => state.actions.flush(), visible: () => void store.resume() });
const store = createStore({
  works: catalogue,
  pageLeaving: page.leaving,
  // A newer Quire in another tab: save the place on screen, close, reload into it.
  onBlocking: () => void handOver(() => state.actions.flush(), store),
  // Blocked or slow at first: what the database holds now comes in.
  onLateOpen: () => void load().then(() => state.actions.imported()),
});
const settings = createSettingsState(store);
const state = createAppState({
  catalogue,
  store,
  search: createSearchClient({ catalogue, loadSection, sectionUrls }),
  settings,
  hash: location.hash,
  pageLeaving: page.leaving,
  loaded: false,
  stats: createStatsState([], { put: (records) => store.putStats(records), clear: () => store.clearStats() }),
});
window.addEventListener('hashchange', () => state.actions.syncFromHash(location.hash));
// Which section each work was last read in, for the next start's prefetch (once the places are in).
const mirrorSections = createSectionMirror();
effect(() => {
  if (state.loaded.value) mirrorSections(state.positions.value);
});

render(
  <AppStateContext.Provider value={state}>
    <App pwa={pwa} />
  </AppStateContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
// "Continue reading" (#/continue) needs the places: followed once they are in.
void load().then(() => followLaunches(state.actions.syncFromHash, () => state.positions.value));

/** Reads the places, notices, speed samples and statistics into the app state (newer places it has stay). */
async function load(): Promise<void> {
  const [positions, acknowledged, speedSamples, statsRecords] = await Promise.all([
    Promise.all(catalogue.map((w) => store.getPosition(w.id))),
    Promise.all(catalogue.map(async (w) => ((await store.isAcknowledged(w.id)) ? w.id : null))),
    store.getSpeedSamples(),
    store.listStats(),
    settings.ready,
  ]);
  const known = { ...state.positions.value };
  for (const p of positions) if (p && isNewer(p, known[p.workId])) known[p.workId] = p;
  // A place the last page journalled as it went away, newer than the stored one, is stored again.
  state.positions.value = takeJournal(known, indexWorks(catalogue), (p) => store.putPosition(p));
  state.acknowledged.value = new Set([...state.acknowledged.value, ...acknowledged.filter((id): id is string => id !== null)]);
  state.speedSamples.value = speedSamples;
  state.stats.replace(statsRecords);
  state.loaded.value = true;
}

/** Starts loading the section the route will open: a passage link's, else the one last read in, else the first. */
function prefetchFirstSection(hash: string): void {
  const route = parseHash(hash);
  if (route.name !== 'read') return;
  const link = route.at === undefined ? undefined : decodePassage(route.at);
  const first = firstSection(catalogue, route.workId, link?.ok ? link.passage.sectionId : undefined, readSectionHints());
  // A failure here is the reader's to report when it asks for the section itself.
  if (first) void loadSection(first.workId, first.sectionId).catch(() => undefined);
}
