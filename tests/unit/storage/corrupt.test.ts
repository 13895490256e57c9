import { describe, expect, it, vi } from 'vitest';
import { warnOncePerKind } from '../../../src/storage/core';
import { openStore } from '../../../src/storage/store';
import { channelName, freshIdb, place, plant, problems, works } from './helpers';

/** Opens a store, plants `value` as alpha's place behind its back, and reads it. */
async function readPlanted(value: unknown) {
  const factory = freshIdb();
  const seen = problems();
  (await openStore({ works, indexedDB: factory, channelName: channelName() })).close();
  await plant(factory, 'positions', [{ value }]);
  const store = await openStore({ works, indexedDB: factory, channelName: channelName(), onProblem: seen.onProblem });
  const result = await store.getPosition(typeof value === 'object' && value && 'workId' in value ? String(value.workId) : 'alpha');
  store.close();
  return { result, problems: seen.list };
}

describe('damaged places are ignored and reported, never thrown', () => {
  const cases: [string, unknown][] = [
    ['block is a string', { ...place(), block: '3' }],
    ['offset missing', (({ offset: _o, ...rest }) => rest)(place())],
    ['block is NaN', { ...place(), block: NaN }],
    ['offset is Infinity', { ...place(), offset: Infinity }],
    ['updatedAt missing', (({ updatedAt: _u, ...rest }) => rest)(place())],
    ['quote is a string', { ...place(), quote: 'dark' }],
    ['quote.text missing', { ...place(), quote: { before: '', after: '' } }],
    ['sectionId is a number', { ...place(), sectionId: 1 }],
    ['progression is null', { ...place(), progression: null }],
    ['unknown work', place({ workId: 'nowhere', sectionId: 'n1' })],
    ['unknown section', place({ sectionId: 'a9' })],
  ];
  for (const [name, value] of cases) {
    it(name, async () => {
      const { result, problems } = await readPlanted(value);
      expect(result).toBeUndefined();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ store: 'positions', action: 'ignored' });
    });
  }

  it("a place naming another work's section is ignored", async () => {
    const factory = freshIdb();
    const seen = problems();
    (await openStore({ works, indexedDB: factory, channelName: channelName() })).close();
    await plant(factory, 'positions', [{ value: place({ workId: 'beta', sectionId: 'a1' }) }]);
    const store = await openStore({ works, indexedDB: factory, channelName: channelName(), onProblem: seen.onProblem });
    expect(await store.getPosition('beta')).toBeUndefined();
    expect(seen.list[0]?.reason).toMatch(/unknown section/);
    store.close();
  });
});

describe('places out of range move to the nearest valid place', () => {
  it('a block past the end of its section → the last block, offset 0', async () => {
    const { result, problems } = await readPlanted(place({ block: 99, offset: 40 }));
    expect(result).toMatchObject({ sectionId: 'a1', block: 9, offset: 0 });
    expect(problems[0]).toMatchObject({ action: 'clamped' });
  });
  it('a negative offset → 0 in the same block', async () => {
    const { result } = await readPlanted(place({ block: 4, offset: -12 }));
    expect(result).toMatchObject({ block: 4, offset: 0 });
  });
  it('a negative block → the start of the section', async () => {
    const { result } = await readPlanted(place({ block: -3, offset: 8 }));
    expect(result).toMatchObject({ block: 0, offset: 0 });
  });
  it('fractional block and offset are floored; progressions kept within 0..1', async () => {
    const { result } = await readPlanted(place({ block: 2.7, offset: 3.5, progression: 1.4, totalProgression: -0.2 }));
    expect(result).toMatchObject({ block: 2, offset: 3, progression: 1, totalProgression: 0 });
  });
  it('a valid place comes back exactly, with nothing reported', async () => {
    const { result, problems } = await readPlanted(place());
    expect(result).toEqual(place());
    expect(problems).toEqual([]);
  });
});

describe('other stores', () => {
  it('damaged settings wrapper → undefined; validate gets the value; a throwing validate → undefined', async () => {
    const factory = freshIdb();
    const seen = problems();
    (await openStore({ works, indexedDB: factory, channelName: channelName() })).close();
    await plant(factory, 'settings', [{ value: { value: { fontSize: 18 }, updatedAt: 'yesterday' }, key: 'current' }]);
    let store = await openStore({ works, indexedDB: factory, channelName: channelName(), onProblem: seen.onProblem });
    expect(await store.getSettings((raw) => raw)).toBeUndefined();
    await store.putSettings({ fontSize: 18 });
    expect(await store.getSettings((raw) => (raw as { fontSize: number }).fontSize)).toBe(18);
    expect(
      await store.getSettings(() => {
        throw new Error('bad');
      }),
    ).toBeUndefined();
    expect(seen.list.map((p) => p.store)).toEqual(['settings', 'settings']);
    store.close();
    // A settings value of the wrong shape is the validate function's to replace with defaults.
    await plant(factory, 'settings', [{ value: { value: 'garbage', updatedAt: 1 }, key: 'current' }]);
    store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    expect(await store.getSettings((raw) => (typeof raw === 'object' ? raw : { fontSize: 16 }))).toEqual({ fontSize: 16 });
    store.close();
  });

  it('a damaged acknowledgement counts as none (the notice shows again)', async () => {
    const factory = freshIdb();
    (await openStore({ works, indexedDB: factory, channelName: channelName() })).close();
    await plant(factory, 'acknowledgements', [{ value: { workId: 'alpha', updatedAt: null } }]);
    const seen = problems();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName(), onProblem: seen.onProblem });
    expect(await store.isAcknowledged('alpha')).toBe(false);
    expect(seen.list).toHaveLength(1);
    store.close();
  });

  it('damaged speed samples and bookmarks are left out; good ones stay', async () => {
    const factory = freshIdb();
    (await openStore({ works, indexedDB: factory, channelName: channelName() })).close();
    await plant(factory, 'speedSamples', [
      { value: { workId: 'alpha', words: 100, ms: 30_000, updatedAt: 1 } },
      { value: { workId: 'alpha', words: -5, ms: 30_000, updatedAt: 2 } },
      { value: { workId: 'alpha', words: 100, ms: 0, updatedAt: 3 } },
    ]);
    const good = { id: 'b1', workId: 'alpha', locator: place(), snippet: 'a dark', createdAt: 1, updatedAt: 1 };
    await plant(factory, 'bookmarks', [
      { value: good },
      { value: { ...good, id: 'b2', snippet: 7 } },
      { value: { ...good, id: 'b3', locator: place({ block: 50 }) } },
      { value: { ...good, id: 'b4', locator: { ...place(), offset: 'x' } } },
    ]);
    const seen = problems();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName(), onProblem: seen.onProblem });
    expect(await store.getSpeedSamples()).toEqual([{ workId: 'alpha', words: 100, ms: 30_000, updatedAt: 1 }]);
    const marks = await store.listBookmarks('alpha');
    expect(marks.map((b) => b.id)).toEqual(['b1', 'b3']);
    expect(marks[1]?.locator.block).toBe(9);
    expect(seen.list.filter((p) => p.action === 'ignored')).toHaveLength(4);
    store.close();
  });
});

describe('the default reporter warns once per kind of problem', () => {
  it('2,000 damaged samples make one warning; another kind makes its own', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const factory = freshIdb();
      (await openStore({ works, indexedDB: factory, channelName: channelName() })).close();
      const bad = Array.from({ length: 2_000 }, (_, i) => ({ value: { workId: 'alpha', words: -i - 1, ms: 1_000, updatedAt: i } }));
      await plant(factory, 'speedSamples', [...bad, { value: { workId: 'alpha', words: 10, ms: 0, updatedAt: 1 } }]);
      const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
      expect(await store.getSpeedSamples()).toEqual([]);
      expect(await store.getSpeedSamples()).toEqual([]);
      expect(warn).toHaveBeenCalledTimes(2);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/speedSamples.*words is not a number/);
      expect(String(warn.mock.calls[1]?.[0])).toMatch(/speedSamples.*ms is not a number/);
      store.close();
    } finally {
      warn.mockRestore();
    }
  });

  it('a huge key is clipped in the warning', () => {
    const lines: string[] = [];
    warnOncePerKind((m) => lines.push(m))({ store: 'positions', key: 'k'.repeat(100_000), action: 'ignored', reason: 'unknown work "x"' });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.length).toBeLessThan(300);
  });
});
