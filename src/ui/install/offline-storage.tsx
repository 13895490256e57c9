/** Settings' "Offline storage" section: whether the data is kept, and the space it uses. */
import { useEffect, useState } from 'preact/hooks';
import { formatBytes, persistenceStatus, requestPersistence, type PersistenceStatus } from '../../pwa/persist';
import './style.css';

/** Props for OfflineStorage; both are injectable for tests, and default to the browser. */
export interface OfflineStorageProps {
  status?: () => Promise<PersistenceStatus>;
  request?: () => Promise<PersistenceStatus>;
}

/** Describes a status in words. */
export function describePersistence(status: PersistenceStatus): string {
  if (!status.supported) return 'This browser does not say how it keeps Quire’s data.';
  const kept = status.persisted
    ? 'Your reading data is kept until you remove it.'
    : 'The browser may clear Quire’s data when space runs low.';
  const used = status.usage === null ? '' : ` Using ${formatBytes(status.usage)}${status.quota === null ? '' : ` of ${formatBytes(status.quota)} available`}.`;
  return kept + used;
}

/** Shows the status and, while not persisted, a "Keep data on this device" button. */
export function OfflineStorage({ status = persistenceStatus, request = requestPersistence }: OfflineStorageProps) {
  const [current, setCurrent] = useState<PersistenceStatus | null>(null);
  useEffect(() => {
    let live = true;
    void status().then((s) => live && setCurrent(s));
    return () => {
      live = false;
    };
  }, [status]);
  return (
    <section class="offline-storage" aria-labelledby="offline-storage-title">
      <h3 id="offline-storage-title">Offline storage</h3>
      <p class="offline-storage__text" role="status">{current ? describePersistence(current) : 'Checking…'}</p>
      {current?.supported && !current.persisted && (
        <button type="button" class="offline-storage__button" onClick={() => void request().then(setCurrent)}>
          Keep data on this device
        </button>
      )}
    </section>
  );
}
