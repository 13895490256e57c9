/** Settings as a signal: loaded from storage, painted on every change, saved (coalesced). See ./README.md. */
import { effect, signal, type ReadonlySignal } from '@preact/signals';
import type { ReadingStore } from '../storage/types';
import { applySettings } from './css';
import { DEFAULT_SETTINGS, validateSettings } from './defaults';
import type { Settings } from './types';

/** The app's settings and the actions on them. */
export interface SettingsState {
  /** The current settings; defaults until `ready`. */
  settings: ReadonlySignal<Settings>;
  /** True once the stored record has been read (or the user changed a setting): until then, boot.js's paint stands. */
  loaded: ReadonlySignal<boolean>;
  /** Resolves once the stored record has been read (or found missing or unreadable). */
  ready: Promise<void>;
  /** Replaces the settings: painted at once, saved shortly after. */
  set(next: Settings): void;
  /** Every setting back to its default. */
  reset(): void;
  /** Reads the stored record again (after an import), unless a change of the user's is still waiting to be saved. */
  reload(): Promise<void>;
  /** Saves a pending change now (the app calls it when the page may be going away: src/main.tsx). */
  flush(): Promise<void>;
  dispose(): void;
}

/** How long a burst of changes (a slider being dragged) is coalesced into one write. */
const SAVE_DELAY_MS = 300;

/**
 * Creates the settings state. Nothing is painted until the stored record is read, so the
 * first frame painted by public/boot.js is not overwritten with defaults in between.
 */
export function createSettingsState(
  store: Pick<ReadingStore, 'getSettings' | 'putSettings'>,
  paint: (settings: Settings) => void = applySettings,
): SettingsState {
  const settings = signal<Settings>({ ...DEFAULT_SETTINGS });
  const loaded = signal(false);
  let changedByUser = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: Settings | undefined;

  const ready = store
    .getSettings(validateSettings)
    .then((stored) => {
      if (stored && !changedByUser) settings.value = stored;
    })
    .catch(() => {
      // Unreadable storage: defaults stand; src/storage reports the problem itself.
    })
    .finally(() => {
      loaded.value = true;
    });

  const stopPainting = effect(() => {
    if (loaded.value) paint(settings.value);
  });

  const flush = async () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const value = pending;
    pending = undefined;
    if (value) await store.putSettings(value);
  };

  const set = (next: Settings) => {
    changedByUser = true;
    loaded.value = true;
    settings.value = validateSettings(next);
    pending = settings.value;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void flush().catch(() => undefined), SAVE_DELAY_MS);
  };

  return {
    settings,
    loaded,
    ready,
    set,
    reset: () => set({ ...DEFAULT_SETTINGS }),
    async reload() {
      const stored = await store.getSettings(validateSettings);
      if (stored && pending === undefined) settings.value = stored;
    },
    flush,
    dispose: () => {
      stopPainting();
      void flush().catch(() => undefined);
    },
  };
}
