/** Bootstrap only: render at once, open storage meanwhile, load what the first screen needs, start the service worker. */
import { effect } from '@preact/signals';
import { render } from 'preact';
import './styles/index.css';
import './ui/controls/style.css';
import { App } from './app';
import { decodePassage } from './annotations/link';
import { catalogue, loadSection, sectionUrls } from './content/catalogue';
import { firstSection } from './content/first-section';
import { isNewer } from './reader/locate';
import type { Locator } from './reader/locator';
import { createSearchClient } from './search/client';
import { startPwa } from './pwa';
import { followLaunches } from './pwa/launch';
import { createSettingsState } from './settings/state';
import { parseHash } from './state/router';
import { AppStateContext, createAppState } from './state/app-state';
import { createStartMirror, readStartHints, sectionsOf } from './state/start-hints';
import { createStatsState } from './stats/state';
import { takeJournal } from './storage/journal';
import { handOver, wirePageLifecycle } from './storage/lifecycle';
import { createStore } from './storage/store';
import { firstScreenPainted } from './ui/lazy/idle';
import { indexWorks } from './storage/validate';

// What the last start mirrored (places, notices passed, settings): the reader opens on it while
// storage opens, and storage's answer moves it only if it holds newer (src/state/start-hints.ts).
const hints = readStartHints(indexWorks(catalogue));
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
const settings = createSettingsState(store, undefined, hints.settings);
const state = createAppState({
  catalogue,
  store,
  search: createSearchClient({ catalogue, loadSection, sectionUrls }),
  settings,
  hash: location.hash,
  pageLeaving: page.leaving,
  positions: hints.places,
  acknowledged: hints.acknowledged,
  hinted: hints.present,
  loaded: false,
  stats: createStatsState([], { put: (records) => store.putStats(records), clear: () => store.clearStats() }),
});
window.addEventListener('hashchange', () => state.actions.syncFromHash(location.hash));
// The next start's hints, once storage has answered (before, they are what was read).
const mirrorStart = createStartMirror();
effect(() => {
  if (state.loaded.value) mirrorStart({ places: state.positions.value, acknowledged: state.acknowledged.value, settings: settings.settings.value });
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
  const stored: Record<string, Locator> = {};
  for (const p of positions) if (p) stored[p.workId] = p;
  // A place the last page journalled as it went away, newer than the stored one, is stored again.
  const known = takeJournal(stored, indexWorks(catalogue), (p) => store.putPosition(p));
  // Newer places the app has already (the start hints it opened on, a turn while storage opened) stay.
  for (const p of Object.values(state.positions.value)) if (isNewer(p, known[p.workId])) known[p.workId] = p;
  state.positions.value = known;
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
  const first = firstSection(catalogue, route.workId, link?.ok ? link.passage.sectionId : undefined, sectionsOf(hints.places));
  // A failure here is the reader's to report when it asks for the section itself.
  if (first) void loadSection(first.workId, first.sectionId).catch(() => undefined);
}
