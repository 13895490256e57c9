/** registerServiceWorker: `wb.register()` waits for `registerAfter` (or REGISTER_LATEST_MS at most); the listeners do not. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const registerCalls: number[] = [];
vi.mock('workbox-window', () => ({
  Workbox: class {
    addEventListener(): void {}
    messageSkipWaiting(): void {}
    register(): Promise<undefined> {
      registerCalls.push(Date.now());
      return Promise.resolve(undefined);
    }
  },
}));

const { REGISTER_LATEST_MS, registerServiceWorker } = await import('../../../src/pwa/register');

// An update schedule that never fires: only registration is under test.
const never: UpdateEnv = { isOnline: () => true, isVisible: () => true, onVisible: () => () => undefined, onFocus: () => () => undefined, onRestored: () => () => undefined, onOnline: () => () => undefined, every: () => () => undefined };
type UpdateEnv = NonNullable<Parameters<typeof registerServiceWorker>[1]>['env'] & object;
const callbacks = { onNeedRefresh: () => undefined, onOfflineReady: () => undefined };
const containerListeners: string[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  registerCalls.length = 0;
  containerListeners.length = 0;
  vi.stubGlobal('navigator', { onLine: true, serviceWorker: { controller: null, addEventListener: (type: string) => containerListeners.push(type) } });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('registering after the first screen', () => {
  it('registers only once `registerAfter` resolves, and listens for a controller change at once', async () => {
    let painted: () => void = () => undefined;
    const after = new Promise<void>((resolve) => (painted = resolve));
    registerServiceWorker(callbacks, { env: never, registerAfter: after });
    await vi.advanceTimersByTimeAsync(100);
    expect(registerCalls).toEqual([]);
    expect(containerListeners).toContain('controllerchange');
    painted();
    await vi.advanceTimersByTimeAsync(0);
    expect(registerCalls).toHaveLength(1);
  });

  it('registers after REGISTER_LATEST_MS when the first screen never comes, and once only', async () => {
    registerServiceWorker(callbacks, { env: never, registerAfter: new Promise(() => undefined) });
    await vi.advanceTimersByTimeAsync(REGISTER_LATEST_MS - 1);
    expect(registerCalls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(registerCalls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(REGISTER_LATEST_MS);
    expect(registerCalls).toHaveLength(1);
  });

  it('registers when `registerAfter` rejects, and at once without it', async () => {
    registerServiceWorker(callbacks, { env: never, registerAfter: Promise.reject(new Error('no first screen')) });
    await vi.advanceTimersByTimeAsync(0);
    expect(registerCalls).toHaveLength(1);
    registerServiceWorker(callbacks, { env: never });
    await vi.advanceTimersByTimeAsync(0);
    expect(registerCalls).toHaveLength(2);
  });
});
