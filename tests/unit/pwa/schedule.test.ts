import { describe, expect, it } from 'vitest';
import { browserUpdateEnv, scheduleUpdateChecks, UPDATE_INTERVAL_MS, type UpdateCheckEnv } from '../../../src/pwa/schedule';

/** A hand-driven browser: flip online/visible, fire the events, tick the clock. */
function fakeEnv() {
  const state = { online: true, visible: true };
  const visible = new Set<() => void>();
  const focus = new Set<() => void>();
  const restored = new Set<() => void>();
  const online = new Set<() => void>();
  const timers = new Map<number, () => void>();
  const env: UpdateCheckEnv = {
    isOnline: () => state.online,
    isVisible: () => state.visible,
    onVisible: (l) => (visible.add(l), () => visible.delete(l)),
    onFocus: (l) => (focus.add(l), () => focus.delete(l)),
    onRestored: (l) => (restored.add(l), () => restored.delete(l)),
    onOnline: (l) => (online.add(l), () => online.delete(l)),
    every: (ms, tick) => (timers.set(ms, tick), () => timers.delete(ms)),
  };
  return {
    env,
    state,
    showPage: () => visible.forEach((l) => l()),
    focus: () => focus.forEach((l) => l()),
    restore: () => restored.forEach((l) => l()),
    comeOnline: () => online.forEach((l) => l()),
    tick: (ms: number) => timers.get(ms)?.(),
    listeners: () => visible.size + focus.size + restored.size + online.size + timers.size,
  };
}

/** A check that counts calls and settles when told to. */
function counter() {
  let calls = 0;
  let settle: () => void = () => undefined;
  const check = () => {
    calls += 1;
    return new Promise<void>((done) => {
      settle = done;
    });
  };
  return { check, calls: () => calls, settle: async () => { settle(); await Promise.resolve(); await Promise.resolve(); } };
}

describe('scheduleUpdateChecks', () => {
  it('checks on start, when visible again, when back online, and hourly', async () => {
    const f = fakeEnv();
    const c = counter();
    scheduleUpdateChecks(c.check, f.env);
    expect(c.calls()).toBe(1);
    await c.settle();
    f.showPage();
    expect(c.calls()).toBe(2);
    await c.settle();
    f.comeOnline();
    expect(c.calls()).toBe(3);
    await c.settle();
    f.tick(UPDATE_INTERVAL_MS);
    expect(c.calls()).toBe(4);
  });

  it('checks when the window gets focus and when the page is restored from the back/forward cache (installed iOS apps)', async () => {
    const f = fakeEnv();
    const c = counter();
    scheduleUpdateChecks(c.check, f.env, { immediate: false });
    f.focus();
    expect(c.calls()).toBe(1);
    await c.settle();
    f.restore();
    expect(c.calls()).toBe(2);
    await c.settle();
    f.showPage();
    expect(c.calls()).toBe(3);
  });

  it('skips the start check when asked (registering already checked)', () => {
    const f = fakeEnv();
    const c = counter();
    scheduleUpdateChecks(c.check, f.env, { immediate: false });
    expect(c.calls()).toBe(0);
  });

  it('never checks while offline', () => {
    const f = fakeEnv();
    f.state.online = false;
    const c = counter();
    scheduleUpdateChecks(c.check, f.env);
    f.showPage();
    f.tick(UPDATE_INTERVAL_MS);
    expect(c.calls()).toBe(0);
  });

  it('does not check a hidden page on the hourly tick', () => {
    const f = fakeEnv();
    f.state.visible = false;
    const c = counter();
    scheduleUpdateChecks(c.check, f.env, { immediate: false });
    f.tick(UPDATE_INTERVAL_MS);
    expect(c.calls()).toBe(0);
  });

  it('runs one check at a time', async () => {
    const f = fakeEnv();
    const c = counter();
    scheduleUpdateChecks(c.check, f.env);
    f.showPage();
    f.tick(UPDATE_INTERVAL_MS);
    expect(c.calls()).toBe(1);
    await c.settle();
    f.showPage();
    expect(c.calls()).toBe(2);
  });

  it('survives a failing check', async () => {
    const f = fakeEnv();
    let calls = 0;
    scheduleUpdateChecks(() => {
      calls += 1;
      return Promise.reject(new Error('server unreachable'));
    }, f.env);
    await new Promise((done) => setTimeout(done, 0));
    f.showPage();
    expect(calls).toBe(2);
  });

  it('the browser env reacts to visible, focus and pageshow with persisted, not to a fresh pageshow', async () => {
    const doc = Object.assign(new EventTarget(), { visibilityState: 'hidden' as DocumentVisibilityState });
    const win = new EventTarget();
    const saved = { document: globalThis.document, window: globalThis.window, navigator: globalThis.navigator };
    const settled = () => new Promise((done) => setTimeout(done, 0));
    Object.assign(globalThis, { document: doc, window: win });
    Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true });
    let calls = 0;
    const stop = scheduleUpdateChecks(async () => void (calls += 1), browserUpdateEnv(), { immediate: false, intervalMs: 1e9 });
    try {
      doc.visibilityState = 'visible';
      doc.dispatchEvent(new Event('visibilitychange'));
      expect(calls).toBe(1);
      await settled();
      win.dispatchEvent(new Event('focus'));
      expect(calls).toBe(2);
      await settled();
      win.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }));
      expect(calls).toBe(2);
      win.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
      expect(calls).toBe(3);
    } finally {
      stop();
      Object.assign(globalThis, { document: saved.document, window: saved.window });
      Object.defineProperty(globalThis, 'navigator', { value: saved.navigator, configurable: true });
    }
  });

  it('stop() removes every listener and timer', () => {
    const f = fakeEnv();
    const stop = scheduleUpdateChecks(counter().check, f.env);
    expect(f.listeners()).toBe(5);
    stop();
    expect(f.listeners()).toBe(0);
  });
});
