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

  test('preloadAll() loads every lazy declared, each once', async () => {
    const { lazy } = await fresh();
    const loads = [vi.fn(() => Promise.resolve(Part)), vi.fn(() => Promise.reject(new Error('gone'))), vi.fn(() => Promise.resolve(Part))];
    const parts = loads.map((load) => lazy.lazy(load));
    await parts[0]?.preload();
    await expect(lazy.preloadAll()).resolves.toBeUndefined();
    expect(loads.map((l) => l.mock.calls.length)).toEqual([1, 1, 1]);
  });
});

describe('preloadWhenIdle(): once per page, after a frame, in an idle moment', () => {
  let frames: (() => void)[];
  let idles: (() => void)[];

  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    idles = [];
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => void (frames[id - 1] = () => undefined));
    vi.stubGlobal('requestIdleCallback', (cb: () => void) => idles.push(cb));
    vi.stubGlobal('cancelIdleCallback', (id: number) => void (idles[id - 1] = () => undefined));
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const runFrames = () => frames.splice(0).forEach((f) => f());
  const runIdle = () => idles.splice(0).forEach((f) => f());

  test('waits for a frame, a task and an idle moment; a second call schedules nothing', async () => {
    const { idle } = await fresh();
    const preload = vi.fn(() => Promise.resolve());
    idle.preloadWhenIdle(preload);
    idle.preloadWhenIdle(preload);
    expect(frames).toHaveLength(1);
    runFrames();
    expect(idles).toHaveLength(0);
    vi.runAllTimers();
    expect(preload).not.toHaveBeenCalled();
    runIdle();
    expect(preload).toHaveBeenCalledTimes(1);
    idle.preloadWhenIdle(preload);
    expect(frames).toHaveLength(0);
  });

  test('cancelled before it ran, it can be scheduled again; cancelling after it ran changes nothing', async () => {
    const { idle } = await fresh();
    const preload = vi.fn(() => Promise.resolve());
    const cancel = idle.preloadWhenIdle(preload);
    runFrames();
    cancel();
    vi.runAllTimers();
    runIdle();
    expect(preload).not.toHaveBeenCalled();
    const again = idle.preloadWhenIdle(preload);
    runFrames();
    vi.runAllTimers();
    runIdle();
    expect(preload).toHaveBeenCalledTimes(1);
    again();
    idle.preloadWhenIdle(preload);
    expect(frames).toHaveLength(0);
  });

  test('without requestIdleCallback (Safari) a timer stands in', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const { idle } = await fresh();
    const preload = vi.fn(() => Promise.resolve());
    idle.preloadWhenIdle(preload);
    runFrames();
    vi.runAllTimers();
    expect(preload).toHaveBeenCalledTimes(1);
  });
});
