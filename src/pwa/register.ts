/** A thin bridge over workbox-window: registers /sw.js and turns its events into callbacks. */
import { Workbox } from 'workbox-window';
import { browserUpdateEnv, scheduleUpdateChecks, type UpdateCheckEnv } from './schedule';
import { createUpdateFlow } from './update-flow';

/** What the page hears from the service worker. */
export interface RegisterCallbacks {
  /** A new version is waiting (or already took over from another tab): offer "Reload". */
  onNeedRefresh(): void;
  /** The first install finished precaching: everything works offline. */
  onOfflineReady(): void;
  /** Registered (undefined: registration failed; see onError). */
  onRegistered?(registration: ServiceWorkerRegistration | undefined): void;
  onError?(error: unknown): void;
}

/** What the page can ask of the service worker. */
export interface ServiceWorkerControls {
  /** Checks for a new version now (skipped while offline). */
  update(): Promise<void>;
  /**
   * Awaits `beforeReload` (write the reading position; if it throws, nothing reloads),
   * then activates the waiting worker and reloads once it controls the page.
   */
  applyUpdate(beforeReload: () => Promise<void>): Promise<void>;
  /** Stops the update checks. */
  stop(): void;
}

/** Options, mostly for tests. */
export interface RegisterOptions {
  url?: string;
  scope?: string;
  reload?: () => void;
  env?: UpdateCheckEnv;
  /**
   * `wb.register()` waits for this (main.tsx: the first screen painted), or `REGISTER_LATEST_MS`
   * at most, whatever happens (a rejection too): the first install precaches the whole build,
   * and that must not compete with the first page. The listeners (a controller change from
   * another tab) are set up at once. Default: at once.
   */
  registerAfter?: Promise<unknown>;
}

/** The latest a registration waits for `registerAfter` (a first screen that never settles still gets offline reading). */
export const REGISTER_LATEST_MS = 5000;

const NO_SERVICE_WORKER: ServiceWorkerControls = {
  update: async () => undefined,
  applyUpdate: async (beforeReload) => {
    await beforeReload();
    location.reload();
  },
  stop: () => undefined,
};

/**
 * Registers the service worker and checks for updates on start, when the page becomes
 * visible again, when the network returns, and hourly, never while offline.
 * It never reloads the page unless the reader chose "Reload" (applyUpdate).
 */
export function registerServiceWorker(callbacks: RegisterCallbacks, options: RegisterOptions = {}): ServiceWorkerControls {
  if (!('serviceWorker' in navigator)) return NO_SERVICE_WORKER;
  const container = navigator.serviceWorker;
  // updateViaCache 'none': the browser never answers an update check for sw.js (or what it
  // imports) from its HTTP cache, so an installed app does not sit on an old worker.
  const wb = new Workbox(options.url ?? '/sw.js', { scope: options.scope ?? '/', updateViaCache: 'none' });
  const flow = createUpdateFlow({ reload: options.reload ?? (() => location.reload()), offer: callbacks.onNeedRefresh });
  let controlled = Boolean(container.controller);

  wb.addEventListener('waiting', () => callbacks.onNeedRefresh());
  wb.addEventListener('installed', (event) => {
    if (!event.isUpdate && !event.isExternal) callbacks.onOfflineReady();
  });
  wb.addEventListener('controlling', () => flow.controlling());
  container.addEventListener('controllerchange', () => {
    const wasControlled = controlled;
    controlled = true;
    flow.controllerChanged(wasControlled);
  });

  const after = options.registerAfter ? Promise.race([options.registerAfter, new Promise((done) => setTimeout(done, REGISTER_LATEST_MS))]) : Promise.resolve();
  const go = () => wb.register();
  const registered: Promise<ServiceWorkerRegistration | undefined> = after.then(go, go).then(
    (registration) => {
      if (registration) watchWaiting(registration, callbacks.onNeedRefresh);
      callbacks.onRegistered?.(registration);
      return registration;
    },
    (error: unknown) => {
      callbacks.onError?.(error);
      callbacks.onRegistered?.(undefined);
      return undefined;
    },
  );

  const update = async () => {
    if (!navigator.onLine) return;
    const registration = await registered;
    // A failed check (server unreachable) is not an error for the reader: the next one will tell.
    await registration?.update().catch(() => undefined);
  };
  // Registering is the start-up check, so the schedule starts with the next trigger.
  const stop = scheduleUpdateChecks(update, options.env ?? browserUpdateEnv(), { immediate: false });

  return {
    update,
    async applyUpdate(beforeReload) {
      await beforeReload();
      flow.choose();
      const registration = await registered;
      if (registration?.waiting) {
        wb.messageSkipWaiting();
        flow.awaitControl();
      } else flow.reloadNow(); // Already running under the newest worker (another tab activated it).
    },
    stop,
  };
}

/**
 * Workbox stops reporting updates after the first one it attributes to another tab,
 * so watch the registration too: any worker that reaches "installed" while this page
 * is controlled is a new version waiting.
 */
function watchWaiting(registration: ServiceWorkerRegistration, onWaiting: () => void): void {
  const check = () => {
    if (registration.waiting && navigator.serviceWorker.controller) onWaiting();
  };
  check();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') check();
    });
  });
}
