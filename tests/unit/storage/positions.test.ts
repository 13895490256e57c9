import { afterEach, describe, expect, it, vi } from 'vitest';
import { wirePageLifecycle } from '../../../src/storage/lifecycle';
import { createPositionWriter, WRITE_MAX_WAIT_MS } from '../../../src/storage/position-writer';
import { openStore } from '../../../src/storage/store';
import type { Locator } from '../../../src/reader/locator';
import { channelName, freshIdb, place, until, works } from './helpers';

afterEach(() => vi.useRealTimers());

describe('positions: the newest navigation wins', () => {
  it('an older place never overwrites a newer one; an equal time does not either', async () => {
    const factory = freshIdb();
    const a = await openStore({ works, indexedDB: factory, channelName: channelName() });
    const b = await openStore({ works, indexedDB: factory, channelName: channelName() });
    expect(await a.putPosition(place({ block: 5, updatedAt: 200 }))).toBe(true);
    expect(await b.putPosition(place({ block: 1, updatedAt: 100 }))).toBe(false); // a stale tab
    expect(await b.putPosition(place({ block: 1, updatedAt: 200 }))).toBe(false);
    expect((await b.getPosition('alpha'))?.block).toBe(5);
    expect(await b.putPosition(place({ block: 8, updatedAt: 300 }))).toBe(true);
    expect((await a.getPosition('alpha'))?.block).toBe(8);
    a.close();
    b.close();
  });

  it('a newer and a stale write issued together from two tabs: the newer stays (compare and write in one transaction)', async () => {
    const factory = freshIdb();
    const a = await openStore({ works, indexedDB: factory, channelName: channelName() });
    const b = await openStore({ works, indexedDB: factory, channelName: channelName() });
    await a.putPosition(place({ block: 0, updatedAt: 1 }));
    for (let t = 10; t < 200; t += 10) {
      const results = await Promise.all([a.putPosition(place({ block: 5, updatedAt: t + 5 })), b.putPosition(place({ block: 1, updatedAt: t }))]);
      expect(results).toEqual([true, false]);
      expect((await a.getPosition('alpha'))?.updatedAt).toBe(t + 5);
    }
    a.close();
    b.close();
  });

  it('survives close and reopen', async () => {
    const factory = freshIdb();
    const a = await openStore({ works, indexedDB: factory, channelName: channelName() });
    await a.putPosition(place({ workId: 'gamma', sectionId: 'g2', block: 6, offset: 3, updatedAt: 9 }));
    a.close();
    const b = await openStore({ works, indexedDB: factory, channelName: channelName() });
    expect(await b.getPosition('gamma')).toEqual(place({ workId: 'gamma', sectionId: 'g2', block: 6, offset: 3, updatedAt: 9 }));
    b.close();
  });

  it('refuses a malformed place with a TypeError (a bug to fix, not data to store)', async () => {
    const store = await openStore({ works, indexedDB: freshIdb(), channelName: channelName() });
    await expect(store.putPosition({ ...place(), block: NaN })).rejects.toThrow(TypeError);
    store.close();
  });
});

describe('other tabs learn of newer places (BroadcastChannel)', () => {
  it('B hears what A wrote, and only when it is newer than what B knows', async () => {
    const factory = freshIdb();
    const name = channelName();
    const a = await openStore({ works, indexedDB: factory, channelName: name });
    const b = await openStore({ works, indexedDB: factory, channelName: name });
    const heard: Locator[] = [];
    b.onPositionChange((l) => heard.push(l));
    const heardByA: Locator[] = [];
    a.onPositionChange((l) => heardByA.push(l));

    await b.putPosition(place({ block: 4, updatedAt: 500 })); // B knows 500
    await a.putPosition(place({ block: 6, updatedAt: 600 }));
    await until(() => heard.length === 1);
    expect(heard[0]).toMatchObject({ block: 6, updatedAt: 600 });

    // A message with an older place (e.g. A's write raced B's newer one) is not passed on.
    await b.putPosition(place({ block: 7, updatedAt: 900 }));
    const sender = new BroadcastChannel(name);
    sender.postMessage({ type: 'position', locator: place({ block: 1, updatedAt: 700 }) });
    sender.postMessage({ type: 'position', locator: { nonsense: true } });
    sender.postMessage({ type: 'position', locator: place({ workId: 'beta', sectionId: 'b1', block: 2, updatedAt: 1 }) });
    await until(() => heard.length === 2);
    expect(heard[1]).toMatchObject({ workId: 'beta' });
    expect(heard.some((l) => l.updatedAt === 700)).toBe(false);
    // A heard B's newest write, and never its own.
    await until(() => heardByA.some((l) => l.updatedAt === 900));
    expect(heardByA.some((l) => l.updatedAt === 600)).toBe(false);
    sender.close();
    a.close();
    b.close();
  });

  it('a stale write is not broadcast', async () => {
    const factory = freshIdb();
    const name = channelName();
    const a = await openStore({ works, indexedDB: factory, channelName: name });
    const b = await openStore({ works, indexedDB: factory, channelName: name });
    await a.putPosition(place({ updatedAt: 50 }));
    const heard: Locator[] = [];
    a.onPositionChange((l) => heard.push(l));
    expect(await b.putPosition(place({ updatedAt: 10 }))).toBe(false);
    await b.putPosition(place({ workId: 'beta', sectionId: 'b1', updatedAt: 60 })); // a marker that B's posts arrive
    await until(() => heard.length > 0);
    expect(heard.map((l) => l.workId)).toEqual(['beta']);
    a.close();
    b.close();
  });
});

describe('position writer', () => {
  it('writes the first move after a quiet spell at once', async () => {
    vi.useFakeTimers();
    const put = vi.fn(async (_l: Locator) => true);
    const writer = createPositionWriter({ putPosition: put });
    writer.schedule(place({ block: 1, updatedAt: 1 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(put).toHaveBeenCalledTimes(1);
    // After a quiet spell, the next move is written at once too.
    await vi.advanceTimersByTimeAsync(5_000);
    writer.schedule(place({ block: 2, updatedAt: 2 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(put).toHaveBeenCalledTimes(2);
    expect(put.mock.calls[1]?.[0]).toMatchObject({ block: 2 });
  });

  it('a move while a write is in flight waits for it; the places in between are skipped; the newest always lands', async () => {
    vi.useFakeTimers();
    const written: Locator[] = [];
    // A slow disk: each write takes 100 ms.
    const put = vi.fn((l: Locator) => new Promise<boolean>((resolve) => setTimeout(() => (written.push(l), resolve(true)), 100)));
    const writer = createPositionWriter({ putPosition: put });
    const turns = 60;
    for (let i = 0; i < turns; i++) {
      writer.schedule(place({ block: i % 10, updatedAt: i }));
      await vi.advanceTimersByTimeAsync(30);
      // Never more than one write at a time while writes finish within the max wait.
      expect(put.mock.calls.length - written.length).toBeLessThanOrEqual(1);
      // What is stored is never more than one write behind the reader.
      if (i >= 8) expect(written.at(-1)?.updatedAt).toBeGreaterThanOrEqual(i - 8);
    }
    await vi.advanceTimersByTimeAsync(300);
    expect(written.at(-1)?.updatedAt).toBe(turns - 1);
    expect(put.mock.calls.length).toBeLessThan(turns / 2);
  });

  it(`a write that hangs holds the next place up for at most ${WRITE_MAX_WAIT_MS} ms`, async () => {
    vi.useFakeTimers();
    const put = vi.fn((_l: Locator) => (put.mock.calls.length === 1 ? new Promise<boolean>(() => {}) : Promise.resolve(true)));
    const writer = createPositionWriter({ putPosition: put });
    writer.schedule(place({ block: 1, updatedAt: 1 })); // hangs
    writer.schedule(place({ block: 2, updatedAt: 2 }));
    await vi.advanceTimersByTimeAsync(WRITE_MAX_WAIT_MS - 1);
    expect(put).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(put).toHaveBeenCalledTimes(2);
    expect(put.mock.calls[1]?.[0]).toMatchObject({ block: 2 });
  });

  it('every move is written at once while no write is in flight (a write per turn at reading pace)', async () => {
    vi.useFakeTimers();
    const put = vi.fn(async (_l: Locator) => true);
    const writer = createPositionWriter({ putPosition: put });
    for (let i = 0; i < 20; i++) {
      writer.schedule(place({ block: i % 10, updatedAt: i }));
      await vi.advanceTimersByTimeAsync(150);
      expect(put).toHaveBeenCalledTimes(i + 1);
    }
  });

  it('while the page is leaving, a move does not wait behind the write in flight', async () => {
    vi.useFakeTimers();
    let leaving = false;
    const put = vi.fn((_l: Locator) => new Promise<boolean>(() => {}));
    const writer = createPositionWriter({ putPosition: put }, { pageLeaving: () => leaving });
    writer.schedule(place({ block: 1, updatedAt: 1 }));
    leaving = true;
    writer.schedule(place({ block: 2, updatedAt: 2 }));
    expect(put).toHaveBeenCalledTimes(2);
  });

  it('orders each place when it is scheduled (stampPosition), not when it is written', async () => {
    vi.useFakeTimers();
    const put = vi.fn(async (_l: Locator) => true);
    let order = 0;
    const stampPosition = (l: Locator) => ({ ...l, seq: ++order });
    const writer = createPositionWriter({ putPosition: put, stampPosition });
    writer.schedule(place({ block: 1 }));
    writer.schedule(place({ block: 2 }));
    order = 100; // e.g. news of another tab arriving before the write
    await vi.advanceTimersByTimeAsync(WRITE_MAX_WAIT_MS);
    expect(put.mock.calls.map((c) => (c[0] as Locator & { seq: number }).seq)).toEqual([1, 2]);
  });

  it('flush writes the pending place at once and waits for it; a second flush writes nothing', async () => {
    const factory = freshIdb();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    const writer = createPositionWriter(store, { maxWait: 60_000 });
    writer.schedule(place({ block: 3, updatedAt: 1 }));
    writer.schedule(place({ block: 4, updatedAt: 2 }));
    await writer.flush();
    const other = await openStore({ works, indexedDB: factory, channelName: channelName() });
    expect((await other.getPosition('alpha'))?.block).toBe(4);
    const spy = vi.spyOn(store, 'putPosition');
    await writer.flush();
    expect(spy).not.toHaveBeenCalled();
    writer.dispose();
    store.close();
    other.close();
  });

  it('a failing store does not break the writer', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const writer = createPositionWriter({ putPosition: () => Promise.reject(new Error('boom')) });
    writer.schedule(place());
    await expect(writer.flush()).resolves.toBeUndefined();
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });
});

describe('wirePageLifecycle', () => {
  function page() {
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
    return { window: win, document: doc };
  }

  it('flushes on pagehide and on visibilitychange to hidden, not to visible; dispose stops it', () => {
    const p = page();
    const flush = vi.fn();
    const life = wirePageLifecycle({ flush }, p);
    p.window.dispatchEvent(new Event('pagehide'));
    expect(flush).toHaveBeenCalledTimes(1);
    p.document.dispatchEvent(new Event('visibilitychange'));
    expect(flush).toHaveBeenCalledTimes(1);
    p.document.visibilityState = 'hidden';
    p.document.dispatchEvent(new Event('visibilitychange'));
    expect(flush).toHaveBeenCalledTimes(2);
    life.dispose();
    p.window.dispatchEvent(new Event('pagehide'));
    p.document.dispatchEvent(new Event('visibilitychange'));
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('says the page is leaving from hidden or pagehide until shown again, before the flush runs; visible after hidden is reported', () => {
    const p = page();
    const seen: boolean[] = [];
    const visible = vi.fn();
    const life = wirePageLifecycle({ flush: () => seen.push(life.leaving()), visible }, p);
    expect(life.leaving()).toBe(false);
    p.window.dispatchEvent(new Event('pagehide'));
    expect(seen).toEqual([true]);
    p.window.dispatchEvent(new Event('pageshow'));
    expect(life.leaving()).toBe(false);
    p.document.visibilityState = 'hidden';
    p.document.dispatchEvent(new Event('visibilitychange'));
    expect(seen).toEqual([true, true]);
    expect(visible).not.toHaveBeenCalled();
    p.document.visibilityState = 'visible';
    p.document.dispatchEvent(new Event('visibilitychange'));
    expect(life.leaving()).toBe(false);
    expect(visible).toHaveBeenCalledOnce();
    life.dispose();
  });
});

describe('acknowledgements, speed samples, bookmarks', () => {
  it('round-trip, and clear/delete remove', async () => {
    const store = await openStore({ works, indexedDB: freshIdb(), channelName: channelName(), now: () => 42 });
    expect(await store.isAcknowledged('alpha')).toBe(false);
    await store.acknowledge('alpha');
    expect(await store.isAcknowledged('alpha')).toBe(true);
    await store.clearAcknowledgements();
    expect(await store.isAcknowledged('alpha')).toBe(false);

    await store.addSpeedSample({ workId: 'alpha', words: 250, ms: 60_000, updatedAt: 1 });
    await store.addSpeedSample({ workId: 'beta', words: 100, ms: 20_000, updatedAt: 2 });
    expect(await store.getSpeedSamples()).toHaveLength(2);

    const mark = { id: 'm1', workId: 'alpha', locator: place(), snippet: 'a dark', createdAt: 5, updatedAt: 5 };
    await store.putBookmark(mark);
    await store.putBookmark({ ...mark, id: 'm2', createdAt: 3 });
    await store.putBookmark({ ...mark, id: 'm3', workId: 'gamma', locator: place({ workId: 'gamma', sectionId: 'g1' }) });
    expect((await store.listBookmarks('alpha')).map((b) => b.id)).toEqual(['m2', 'm1']);
    await store.deleteBookmark('m2');
    expect((await store.listBookmarks('alpha')).map((b) => b.id)).toEqual(['m1']);
    await expect(store.putBookmark({ ...mark, locator: place({ workId: 'beta', sectionId: 'b1' }) })).rejects.toThrow(TypeError);
    store.close();
  });
});
