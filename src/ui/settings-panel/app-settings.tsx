/** The settings panel as the app shows it, from the library or the reader: reading settings, offline storage, reading data. */
import { useAppState } from '../../state/app-state';
import { OfflineStorage } from '../install/offline-storage';
import { ReadingData } from '../reading-data';
import { KeepScreenOn } from '../keep-screen-on';
import { sharedWakeLock } from '../../device/wake-lock';
import { SettingsPanel } from '.';

export function AppSettings({ onClose }: { onClose: () => void }) {
  const { settings, store, actions } = useAppState();
  return (
    <SettingsPanel settings={settings.settings.value} onChange={settings.set} onClose={onClose}>
      <KeepScreenOn settings={settings.settings.value} onChange={settings.set} supported={sharedWakeLock().supported} />
      <OfflineStorage />
      <ReadingData store={store} beforeExport={actions.flush} onImported={() => void actions.imported()} />
    </SettingsPanel>
  );
}
