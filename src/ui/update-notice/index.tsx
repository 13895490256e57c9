/** Quiet, non-modal notices from the service worker: a new version, and "Ready to read offline" once. */
import type { Pwa } from '../../pwa';
import './style.css';

/** Props for UpdateNotice. */
export interface UpdateNoticeProps {
  /** A new version is waiting. */
  open: boolean;
  /** "Reload" was chosen and is in progress. */
  busy?: boolean;
  onReload: () => void;
  onLater: () => void;
}

/**
 * "A new version of Quire is ready" with Reload and Later. It never takes focus and
 * never blocks the page: the reader finishes the sentence first. The status element
 * stays mounted so screen readers announce the text when it appears.
 */
export function UpdateNotice({ open, busy = false, onReload, onLater }: UpdateNoticeProps) {
  return (
    <div class={open ? 'update-notice open' : 'update-notice'} aria-label={open ? 'Update' : undefined} role={open ? 'group' : undefined}>
      <p class="update-notice-text" role="status">{open ? 'A new version of Quire is ready.' : ''}</p>
      {open && (
        <div class="update-notice-actions">
          <button type="button" class="button primary" onClick={onReload} disabled={busy}>
            {busy ? 'Reloading…' : 'Reload'}
          </button>
          <button type="button" class="button" onClick={onLater} disabled={busy}>Later</button>
        </div>
      )}
    </div>
  );
}

/** Props for OfflineReadyNotice. */
export interface OfflineReadyNoticeProps {
  open: boolean;
  onDismiss: () => void;
}

/** The one-time "Ready to read offline" notice, shown when the precache is complete. */
export function OfflineReadyNotice({ open, onDismiss }: OfflineReadyNoticeProps) {
  return (
    <div class={open ? 'update-notice open' : 'update-notice'} aria-label={open ? 'Offline reading' : undefined} role={open ? 'group' : undefined}>
      <p class="update-notice-text" role="status">{open ? 'Ready to read offline: every work is saved on this device.' : ''}</p>
      {open && (
        <div class="update-notice-actions">
          <button type="button" class="button" onClick={onDismiss}>OK</button>
        </div>
      )}
    </div>
  );
}

/** Props for PwaNotices. */
export interface PwaNoticesProps {
  pwa: Pwa;
  /** Writes the reading position before "Reload" (the reader's flush). */
  beforeReload?: () => Promise<void>;
}

/** Both notices wired to the running PWA: mount once, anywhere in the app. */
export function PwaNotices({ pwa, beforeReload }: PwaNoticesProps) {
  const { state } = pwa;
  const reload = () => {
    pwa.applyUpdate(beforeReload).catch((error: unknown) => console.error('Quire could not save the reading position, so it did not reload:', error));
  };
  return (
    <div class="update-notices">
      <UpdateNotice open={state.needRefresh.value} busy={state.updating.value} onReload={reload} onLater={() => pwa.dismissUpdate()} />
      <OfflineReadyNotice open={state.offlineReadyNotice.value && !state.needRefresh.value} onDismiss={() => pwa.dismissOfflineReady()} />
    </div>
  );
}
