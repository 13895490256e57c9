/** The PWA's state as signals; src/pwa/index.ts keeps them current. */
import { signal, type Signal } from '@preact/signals';

/** Chromium's install offer (not in TypeScript's DOM types). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

/** What the notices, the offline indicator and the install button read. */
export interface PwaState {
  /** A new version is ready: show "A new version of Quire is ready". */
  needRefresh: Signal<boolean>;
  /** "Reload" was chosen; the new version is being activated. */
  updating: Signal<boolean>;
  /** The precache is complete: the app works offline. */
  offlineReady: Signal<boolean>;
  /** Show the one-time "Ready to read offline" notice. */
  offlineReadyNotice: Signal<boolean>;
  /** navigator.onLine, kept current. */
  online: Signal<boolean>;
  /** The browser's deferred install offer, when it made one. */
  installPrompt: Signal<BeforeInstallPromptEvent | null>;
  /** Running as an installed app (display-mode: standalone). */
  installed: Signal<boolean>;
  /** iOS Safari, where installing is "Add to Home Screen" by hand. */
  iosSafari: Signal<boolean>;
}

/** Fresh PWA state; `initial` is for tests and for values known at start. */
export function createPwaState(initial: Partial<{ [K in keyof PwaState]: PwaState[K]['value'] }> = {}): PwaState {
  return {
    needRefresh: signal(initial.needRefresh ?? false),
    updating: signal(initial.updating ?? false),
    offlineReady: signal(initial.offlineReady ?? false),
    offlineReadyNotice: signal(initial.offlineReadyNotice ?? false),
    online: signal(initial.online ?? true),
    installPrompt: signal(initial.installPrompt ?? null),
    installed: signal(initial.installed ?? false),
    iosSafari: signal(initial.iosSafari ?? false),
  };
}
