import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import type * as LazyChunks from '../../../src/ui/lazy';
import type * as IdlePreload from '../../../src/ui/lazy/idle';

type LazyModule = typeof LazyChunks;
type IdleModule = typeof IdlePreload;

// Both modules keep state per page (the declared lazies, the one schedule): a fresh copy per test.
async function fresh(): Promise<{ lazy: LazyModule; idle: IdleModule }> {
  vi.resetModules();
  const lazy = await import('../../../src/ui/lazy');
  const idle = await import('../../../src/ui/lazy/idle');
  return { lazy, idle };
}

const Part = () => null;

describe('lazy(): declaring loads nothing, preload loads once and never rejects', () => {
  test('nothing is loaded until preload; a second preload reuses the first load', async () => {
    const { lazy } = await fresh();
    const load = vi.fn(() => Promise.resolve(Part));
    const Lazy = lazy.lazy(load);
    expect(load).not.toHaveBeenCalled();
    await Lazy.preload();
    await Lazy.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('a chunk that failed to load is tried again by the next preload, and preload resolves either way', async () => {
    const { lazy } = await fresh();
    const load = vi.fn<() => Promise<typeof Part>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(Part);
    const Lazy = lazy.lazy(load);
    await expect(Lazy.preload()).resolves.toBeUndefined();
    await expect(Lazy.preload()).resolves.toBeUndefined();
    expect(load).toHaveBeenCalledTimes(2);
  });

  test('preloaders() lists every lazy declared, in order; running them loads each once', async () => {
    const { lazy } = await fresh();
    const loads = [vi.fn(() => Promise.resolve(Part)), vi.fn(() => Promise.reject(new Error('gone'))), vi.fn(() => Promise.resolve(Part))];
    const parts = loads.map((load) => lazy.lazy(load));
    await parts[0]?.preload();
    const all = lazy.preloaders();
    expect(all).toHaveLength(3);
    for (const preload of all) await expect(preload()).resolves.toBeUndefined();
    expect(loads.map((l) => l.mock.calls.length)).toEqual([1, 1, 1]);
  });
});

describe('preloadWhenIdle(): once per page, after a frame, one task per idle moment', () => {
  let frames: Map<number, () => void>;
  let idles: Map<number, () => void>;
  let ids: number;

  beforeEach(() => {
    vi.useFakeTimers();
    frames = new Map();
    idles = new Map();
    ids = 0;
    const queue = (into: () => Map<number, () => void>) => (cb: () => void) => (into().set(++ids, cb), ids);
    vi.stubGlobal('requestAnimationFrame', queue(() => frames));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
    vi.stubGlobal('requestIdleCallback', queue(() => idles));
    vi.stubGlobal('cancelIdleCallback', (id: number) => idles.delete(id));
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** Runs the callbacks waiting in `map` now (not those they queue). */
  const drain = (map: Map<number, () => void>) => {
    const waiting = [...map.values()];
    map.clear();
    waiting.forEach((f) => f());
    return waiting.length;
  };
  const runFrames = () => drain(frames);
  /** Runs the idle callbacks waiting now, then lets the tasks they started settle. */
  const runIdle = async () => {
    const ran = drain(idles);
    await vi.advanceTimersByTimeAsync(0);
    return ran;
  };
  const task = () => vi.fn(() => Promise.resolve());

  test('waits for a frame and a task, then runs one task per idle moment, in order', async () => {
    const { idle } = await fresh();
    const a = task();
    const b = task();
    idle.preloadWhenIdle([a, b]);
    expect(frames.size).toBe(1);
    runFrames();
    expect(idles.size).toBe(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(a).not.toHaveBeenCalled();
    expect(await runIdle()).toBe(1);
    expect([a.mock.calls.length, b.mock.calls.length]).toEqual([1, 0]);
    expect(await runIdle()).toBe(1);
    expect([a.mock.calls.length, b.mock.calls.length]).toEqual([1, 1]);
    expect(await runIdle()).toBe(0);
  });

  test('once per page: a second call schedules nothing, while running or after', async () => {
    const { idle } = await fresh();
    const a = task();
    const b = task();
    idle.preloadWhenIdle([a]);
    idle.preloadWhenIdle([b]);
    expect(frames.size).toBe(1);
    runFrames();
    await vi.advanceTimersByTimeAsync(0);
    await runIdle();
    idle.preloadWhenIdle([b]);
    expect(frames.size).toBe(0);
    expect(b).not.toHaveBeenCalled();
  });

  test('cancelled part-way, the rest waits; a later call goes on, and cancelling once done changes nothing', async () => {
    const { idle } = await fresh();
    const a = task();
    const b = task();
    const cancel = idle.preloadWhenIdle([a, b]);
    runFrames();
    await vi.advanceTimersByTimeAsync(0);
    await runIdle();
    cancel();
    expect(await runIdle()).toBe(0);
    expect(b).not.toHaveBeenCalled();
    const again = idle.preloadWhenIdle([a, b]);
    runFrames();
    await vi.advanceTimersByTimeAsync(0);
    await runIdle();
    await runIdle();
    expect(b).toHaveBeenCalledTimes(1);
    again();
    idle.preloadWhenIdle([a, b]);
    expect(frames.size).toBe(0);
  });

  test('without requestIdleCallback (Safari) a timer stands in', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const { idle } = await fresh();
    const a = task();
    const b = task();
    idle.preloadWhenIdle([a, b]);
    runFrames();
    await vi.advanceTimersByTimeAsync(1000);
    expect([a.mock.calls.length, b.mock.calls.length]).toEqual([1, 1]);
  });
});
