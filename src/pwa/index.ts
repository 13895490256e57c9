/** Quire as an installable, offline app: start it once from main.tsx; see ./README.md. */
import { promptInstall, watchInstall } from './install';
import { requestPersistence, type PersistenceStatus } from './persist';
import { registerServiceWorker, type ServiceWorkerControls } from './register';
import { markSeen, wasSeen } from './seen';
import { createPwaState, type PwaState } from './state';

/** The running PWA: its state, and what the UI may do. */
export interface Pwa {
  state: PwaState;
  /** "Reload": runs `beforeReload` (write the reading position) first, then brings in the new version. */
  applyUpdate(beforeReload?: () => Promise<void>): Promise<void>;
  /** "Later": hides the update notice until the next new version (or the next start). */
  dismissUpdate(): void;
  /** Hides the "Ready to read offline" notice. */
  dismissOfflineReady(): void;
  /** Checks for a new version now. */
  checkForUpdate(): Promise<void>;
  /** The browser's install dialog, when it offered one. */
  install(): Promise<'accepted' | 'dismissed' | 'unavailable'>;
  /** Asks for persistent storage and reports usage (see ./persist.ts for when). */
  requestPersistence(): Promise<PersistenceStatus>;
}

/** Options for startPwa. */
export interface StartPwaOptions {
  /** Register the service worker (default: in production builds only; dev has no sw.js). */
  register?: boolean;
  /** Runs after the app was installed (default: ask for persistent storage). */
  onInstalled?: () => void;
  /** Registers once this resolves (main.tsx: the first screen painted); see `RegisterOptions.registerAfter`. */
  registerAfter?: Promise<unknown>;
}

const OFFLINE_READY = 'offline-ready';

/** Starts registration, update checks, the online flag and the install offer. Call once, before rendering. */
export function startPwa(options: StartPwaOptions = {}): Pwa {
  const state = createPwaState({ online: navigator.onLine });
  const setOnline = () => {
    state.online.value = navigator.onLine;
  };
  window.addEventListener('online', setOnline);
  window.addEventListener('offline', setOnline);
  watchInstall(state, options.onInstalled ?? (() => void requestPersistence()));

  let controls: ServiceWorkerControls | undefined;
  if (options.register ?? import.meta.env.PROD) {
    controls = registerServiceWorker({
      onNeedRefresh: () => {
        state.needRefresh.value = true;
      },
      onOfflineReady: () => {
        state.offlineReady.value = true;
        if (!wasSeen(OFFLINE_READY)) {
          markSeen(OFFLINE_READY);
          state.offlineReadyNotice.value = true;
        }
      },
      onError: (error) => console.warn('Quire could not set up offline reading:', error),
    }, { registerAfter: options.registerAfter });
  }

  return {
    state,
    async applyUpdate(beforeReload = async () => undefined) {
      if (state.updating.value) return;
      state.updating.value = true;
      try {
        if (controls) await controls.applyUpdate(beforeReload);
        else {
          await beforeReload();
          location.reload();
        }
      } catch (error) {
        state.updating.value = false; // The position could not be written: stay, keep the notice.
        throw error;
      }
    },
    dismissUpdate() {
      state.needRefresh.value = false;
    },
    dismissOfflineReady() {
      state.offlineReadyNotice.value = false;
    },
    checkForUpdate: () => controls?.update() ?? Promise.resolve(),
    install: () => promptInstall(state),
    requestPersistence: () => requestPersistence(),
  };
}

export type { PwaState } from './state';
export type { PersistenceStatus } from './persist';
export { persistenceStatus, requestPersistence, formatBytes } from './persist';
export { BUILD_ID } from './version';
