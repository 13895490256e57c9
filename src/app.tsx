/** Which screen is showing: the library, a work's adult-content notice, the reader, or "no such work". */
import { useState } from 'preact/hooks';
import type { Pwa } from './pwa';
import { useAppState } from './state/app-state';
import { AdultNotice } from './ui/adult-notice';
import { Library } from './ui/library';
import { NotFound } from './ui/not-found';
import { ReaderScreen } from './ui/reader';
import { SettingsPanel } from './ui/settings-panel';
import { StorageNote } from './ui/storage-note';
import { ReadingData } from './ui/reading-data';
import { PwaNotices } from './ui/update-notice';
import { OfflineIndicator } from './ui/offline-indicator';
import { InstallPrompt } from './ui/install';
import { OfflineStorage } from './ui/install/offline-storage';

export function App({ pwa }: { pwa: Pwa }) {
  const state = useAppState();
  const { route, actions, settings, store } = state;
  const [settingsOpen, setSettingsOpen] = useState(false);
  const r = route.value;
  const work = state.currentWork.value;
  const speed = state.speed.value;
  const toLibrary = () => actions.navigate({ name: 'library' });
  const settingsPanel = (close: () => void) => (
    <SettingsPanel settings={settings.settings.value} onChange={settings.set} onClose={close}>
      <OfflineStorage />
      <ReadingData store={store} />
    </SettingsPanel>
  );

  let screen;
  if (r.name === 'library') {
    screen = (
      <>
        <Library
          wpm={speed.wpm}
          tools={
            <>
              <InstallPrompt
                canPrompt={pwa.state.installPrompt.value !== null}
                iosSafari={pwa.state.iosSafari.value}
                installed={pwa.state.installed.value}
                onInstall={() => void pwa.install()}
              />
              <button type="button" class="button" onClick={() => setSettingsOpen(true)}>
                Settings
              </button>
            </>
          }
        />
        {settingsOpen && settingsPanel(() => setSettingsOpen(false))}
      </>
    );
  } else if (!work) {
    screen = <NotFound workId={r.workId} />;
  } else if (work.meta.addedByApp.adult && !state.acknowledged.value.has(work.id)) {
    screen = <AdultNotice work={work} onContinue={() => void actions.acknowledge(work.id)} onBack={toLibrary} />;
  } else {
    screen = (
      <ReaderScreen
        key={work.id}
        work={work}
        initial={state.positions.value[work.id]}
        settings={settings.settings.value}
        wpm={speed.wpm}
        measured={speed.measured}
        onLocator={actions.savePosition}
        onPageRead={(words, shownAt) => actions.pageRead(work.id, words, shownAt)}
        onLibrary={toLibrary}
        onModeChange={(mode) => settings.set({ ...settings.settings.value, mode })}
        tools={(open) => (
          <button type="button" class="icon-button" onClick={() => open('settings')}>
            Settings
          </button>
        )}
        renderPanel={(panel, close) => (panel === 'settings' ? settingsPanel(close) : null)}
      />
    );
  }

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
