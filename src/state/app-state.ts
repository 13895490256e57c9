/** App state as signals, made once in createAppState() and handed down by context, with its actions beside it. */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { WorkInfo } from '../content/types';
import { isNewer } from '../reader/locate';
import type { Locator } from '../reader/locator';
import { pageSample, readingSpeed } from '../reader/reading-speed';
import type { SearchClient } from '../search/client';
import type { SettingsState } from '../settings/state';
import { createStatsState, type StatsState } from '../stats/state';
import type { ReadingStore, SpeedSample, StorageStatus } from '../storage/types';
import { journalPlaces } from '../storage/journal';
import { createPositionWriter } from '../storage/position-writer';
import { parseHash, routeHash, type Route } from './router';

export interface AppState {
  catalogue: readonly WorkInfo[];
  store: ReadingStore;
  search: SearchClient;
  route: Signal<Route>;
  settings: SettingsState;
  storageStatus: Signal<StorageStatus>;
  /** The latest known place in each work (for "continue reading" and progress). */
  positions: Signal<Readonly<Record<string, Locator>>>;
  /** Works whose adult-content notice was passed on this device. */
  acknowledged: Signal<ReadonlySet<string>>;
  currentWork: ReadonlySignal<WorkInfo | undefined>;
  /** Goes up when stored data changed under the app (an import): screens re-read what they show. */
  dataVersion: Signal<number>;
  /** False until storage's first read (places, notices) is in: the reader waits for it, the library doesn't. */
  loaded: Signal<boolean>;
  /** The reader's own page-read samples, newest last. */
  speedSamples: Signal<readonly SpeedSample[]>;
  /** Words per minute for time estimates, and whether it is measured or the default. */
  speed: ReadonlySignal<{ wpm: number; measured: boolean }>;
  /** Reading statistics (src/stats), fed by every page read. */
  stats: StatsState;
  actions: ReturnType<typeof createActions>;
}

interface Init {
  catalogue: readonly WorkInfo[];
  store: ReadingStore;
  search: SearchClient;
  settings: SettingsState;
  speedSamples?: readonly SpeedSample[];
  positions?: Record<string, Locator>;
  acknowledged?: Iterable<string>;
  hash?: string;
  stats?: StatsState;
  /** True while the page is going away (see src/storage/lifecycle.ts). */
  pageLeaving?: () => boolean;
  /** False when rendering before storage's first read (main.tsx); default true. */
  loaded?: boolean;
}

/** Makes the app's state and actions. */
export function createAppState(init: Init): AppState {
  const route = signal<Route>(parseHash(init.hash ?? ''));
  const speedSamples = signal<readonly SpeedSample[]>(init.speedSamples ?? []);
  const state = {
    catalogue: init.catalogue,
    store: init.store,
    search: init.search,
    route,
    settings: init.settings,
    storageStatus: signal<StorageStatus>({ kind: 'ok' }),
    positions: signal<Readonly<Record<string, Locator>>>(init.positions ?? {}),
    acknowledged: signal<ReadonlySet<string>>(new Set(init.acknowledged ?? [])),
    currentWork: computed(() => {
      const r = route.value;
      return r.name === 'read' ? init.catalogue.find((w) => w.id === r.workId) : undefined;
    }),
    speedSamples,
    dataVersion: signal(0),
    loaded: signal(init.loaded ?? true),
    speed: computed(() => readingSpeed(speedSamples.value)),
    stats: init.stats ?? createStatsState(),
  };
  const full = state as AppState;
  full.actions = createActions(full, init.pageLeaving);
  init.store.onStatus((status) => {
    state.storageStatus.value = status;
  });
  init.store.onPositionChange((locator) => {
    const known = state.positions.value[locator.workId];
    if (isNewer(locator, known)) {
      state.positions.value = { ...state.positions.value, [locator.workId]: locator };
    }
  });
  return full;
}

function createActions(state: AppState, pageLeaving?: () => boolean) {
  const writer = createPositionWriter(state.store, { pageLeaving, journal: (places) => journalPlaces(places) });
  return {
    /** Goes to a route and puts it in the URL (a new history entry, so Back works). */
    navigate(route: Route): void {
      const hash = routeHash(route);
      if (location.hash !== hash) location.hash = hash;
      state.route.value = route;
    },
    /** Follows the URL after the browser changed it (back/forward, a typed URL). */
    syncFromHash(hash: string): void {
      state.route.value = parseHash(hash);
    },
    /** A page was read: learn the reader's speed from it (pauses and skips are not counted). */
    pageRead(workId: string, words: number, shownAt: number, now = Date.now()): void {
      state.stats.pageRead({ workId, words, shownAt, turnedAt: now });
      const sample = pageSample(workId, words, shownAt, now);
      if (!sample) return;
      state.speedSamples.value = [...state.speedSamples.value.slice(-199), sample];
      void state.store.addSpeedSample(sample);
    },
    /** The reader moved: remember the place (debounced write, flushed on hide); an older place never replaces a newer one. */
    savePosition(locator: Locator): void {
      if (!isNewer(locator, state.positions.value[locator.workId])) return;
      state.positions.value = { ...state.positions.value, [locator.workId]: locator };
      writer.schedule(locator);
    },
    /** Stored data changed under the app (an import): settings and open screens read it again. */
    async imported(): Promise<void> {
      await state.settings.reload();
      state.stats.replace(await state.store.listStats());
      state.dataVersion.value++;
    },
    /** Writes any pending place now. */
    flush(): Promise<void> {
      return Promise.all([writer.flush(), state.settings.flush()]).then(() => state.store.flush());
    },
    /** The reader passed a work's adult-content notice. */
    async acknowledge(workId: string): Promise<void> {
      state.acknowledged.value = new Set([...state.acknowledged.value, workId]);
      await state.store.acknowledge(workId);
    },
    /** Shows every notice again. */
    async resetAcknowledgements(): Promise<void> {
      state.acknowledged.value = new Set();
      await state.store.clearAcknowledgements();
    },
  };
}

export const AppStateContext = createContext<AppState | null>(null);

/** The app state from context. */
export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState() needs <AppStateContext.Provider>.');
  return state;
}
