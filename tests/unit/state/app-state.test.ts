import { describe, expect, test } from 'vitest';
import type { Locator } from '../../../src/reader/locator';
import type { SearchClient } from '../../../src/search/client';
import type { SettingsState } from '../../../src/settings/state';
import { createAppState } from '../../../src/state/app-state';
import type { ReadingStore } from '../../../src/storage/types';

const place = (block: number, updatedAt: number): Locator => ({
  workId: 'w',
  sectionId: 's',
  block,
  offset: 0,
  quote: { before: '', text: '', after: '' },
  progression: 0,
  totalProgression: 0,
  updatedAt,
});

/** App state over a store that only records what it is asked, and lets the test play another tab. */
function setup() {
  const written: Locator[] = [];
  let news: ((l: Locator) => void) | undefined;
  const store = {
    onStatus: () => () => undefined,
    onPositionChange: (listener: (l: Locator) => void) => {
      news = listener;
      return () => undefined;
    },
    putPosition: (l: Locator) => {
      written.push(l);
      return Promise.resolve(true);
    },
    flush: () => Promise.resolve(),
  } as unknown as ReadingStore;
  const settings = { flush: () => Promise.resolve(), reload: () => Promise.resolve() } as unknown as SettingsState;
  const state = createAppState({ catalogue: [], store, search: {} as SearchClient, settings, positions: { w: place(5, 100) } });
  return { state, written, news: (l: Locator) => news?.(l) };
}

describe('the app\'s places: an older place never replaces a newer one', () => {
  test('a newer save replaces the known place and is written; an older one is dropped', async () => {
    const { state, written } = setup();
    state.actions.savePosition(place(6, 200));
    expect(state.positions.value.w?.block).toBe(6);
    state.actions.savePosition(place(2, 150));
    expect(state.positions.value.w?.block).toBe(6);
    await state.actions.flush();
    expect(written.map((l) => l.block)).toEqual([6]);
  });

  test('news from storage (an import, another tab) is taken only when newer', () => {
    const { state, news } = setup();
    news(place(1, 50));
    expect(state.positions.value.w?.block).toBe(5);
    news(place(9, 300));
    expect(state.positions.value.w?.block).toBe(9);
  });
});
