/** Bootstrap only: open storage, load what the first screen needs, render, start the service worker. */
import { render } from 'preact';
import './styles/index.css';
import './ui/controls/style.css';
import { App } from './app';
import { catalogue, loadSection, sectionUrls } from './content/catalogue';
import { createSearchClient } from './search/client';
import { startPwa } from './pwa';
import { followLaunches } from './pwa/launch';
import { createSettingsState } from './settings/state';
import { AppStateContext, createAppState } from './state/app-state';
import { wirePageLifecycle } from './storage/lifecycle';
import { openStore } from './storage/store';

const pwa = startPwa();
const page = wirePageLifecycle({ flush: () => state.actions.flush(), visible: () => void store.resume() });
const store = await openStore({ works: catalogue, pageLeaving: page.leaving });
const settings = createSettingsState(store);
const [positions, acknowledged, speedSamples] = await Promise.all([
  Promise.all(catalogue.map((w) => store.getPosition(w.id))),
  Promise.all(catalogue.map(async (w) => ((await store.isAcknowledged(w.id)) ? w.id : null))),
  store.getSpeedSamples(),
  settings.ready,
]);
const state = createAppState({
  catalogue,
  store,
  search: createSearchClient({ catalogue, loadSection, sectionUrls }),
  settings,
  speedSamples,
  positions: Object.fromEntries(positions.flatMap((p) => (p ? [[p.workId, p]] : []))),
  acknowledged: acknowledged.filter((id): id is string => id !== null),
  hash: location.hash,
  pageLeaving: page.leaving,
});
window.addEventListener('hashchange', () => state.actions.syncFromHash(location.hash));
followLaunches(state.actions.syncFromHash, () => state.positions.value);

render(
  <AppStateContext.Provider value={state}>
    <App pwa={pwa} />
  </AppStateContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
