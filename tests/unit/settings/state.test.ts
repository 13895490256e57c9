import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/settings/defaults';
import { createSettingsState, type SettingsState } from '../../../src/settings/state';
import type { Settings } from '../../../src/settings/types';

/** A store holding one raw settings record, like src/storage does. */
function fakeStore(initial: unknown) {
  let raw = initial;
  const puts: unknown[] = [];
  return {
    puts,
    getSettings: <T,>(validate: (raw: unknown) => T) => Promise.resolve(raw === undefined ? undefined : validate(raw)),
    putSettings: (value: unknown) => {
      raw = value;
      puts.push(value);
      return Promise.resolve();
    },
  };
}

let state: SettingsState | undefined;
afterEach(() => {
  state?.dispose();
  state = undefined;
  vi.useRealTimers();
});

describe('createSettingsState', () => {
  it('paints nothing until the stored record is read, then paints it', async () => {
    const painted: Settings[] = [];
    state = createSettingsState(fakeStore({ ...DEFAULT_SETTINGS, theme: 'dark' }), (s) => painted.push(s));
    expect(painted).toEqual([]);
    await state.ready;
    expect(state.settings.value.theme).toBe('dark');
    expect(painted.map((s) => s.theme)).toEqual(['dark']);
  });

  it('validates what it reads: a bad stored value becomes its default', async () => {
    state = createSettingsState(fakeStore({ fontSize: 'huge', theme: 'sepia' }), () => undefined);
    await state.ready;
    expect(state.settings.value).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia' });
  });

  it('uses the defaults when nothing is stored or storage fails', async () => {
    state = createSettingsState(fakeStore(undefined), () => undefined);
    await state.ready;
    expect(state.settings.value).toEqual(DEFAULT_SETTINGS);
    state.dispose();
    const failing = { getSettings: () => Promise.reject(new Error('IDB gone')), putSettings: () => Promise.resolve() };
    const painted: Settings[] = [];
    state = createSettingsState(failing, (s) => painted.push(s));
    await state.ready;
    expect(painted).toEqual([DEFAULT_SETTINGS]);
  });

  it('paints each change at once and saves a burst of changes as one write', async () => {
    vi.useFakeTimers();
    const store = fakeStore(undefined);
    const painted: number[] = [];
    state = createSettingsState(store, (s) => painted.push(s.fontSize));
    await state.ready;
    for (const fontSize of [19, 20, 21]) state.set({ ...state.settings.value, fontSize });
    expect(painted).toEqual([18, 19, 20, 21]);
    expect(store.puts).toEqual([]);
    await vi.runAllTimersAsync();
    expect(store.puts).toEqual([{ ...DEFAULT_SETTINGS, fontSize: 21 }]);
  });

  it('flush writes a pending change at once', async () => {
    const store = fakeStore(undefined);
    state = createSettingsState(store, () => undefined);
    await state.ready;
    state.set({ ...DEFAULT_SETTINGS, justify: true });
    await state.flush();
    expect(store.puts).toEqual([{ ...DEFAULT_SETTINGS, justify: true }]);
  });

  it('reset returns every setting to its default and saves that', async () => {
    const store = fakeStore({ ...DEFAULT_SETTINGS, font: 'sans', measure: 44 });
    state = createSettingsState(store, () => undefined);
    await state.ready;
    state.reset();
    await state.flush();
    expect(state.settings.value).toEqual(DEFAULT_SETTINGS);
    expect(store.puts).toEqual([DEFAULT_SETTINGS]);
  });

  it('a change made before the stored record arrives wins over it', async () => {
    state = createSettingsState(fakeStore({ ...DEFAULT_SETTINGS, theme: 'dark' }), () => undefined);
    state.set({ ...DEFAULT_SETTINGS, theme: 'sepia' });
    await state.ready;
    expect(state.settings.value.theme).toBe('sepia');
  });
});
