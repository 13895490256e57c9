import { describe, expect, it } from 'vitest';
import { formatBytes, persistenceStatus, requestPersistence } from '../../../src/pwa/persist';

function fakeStorage(options: { persisted?: boolean; grant?: boolean; estimate?: StorageEstimate | Error } = {}) {
  const calls: string[] = [];
  return {
    calls,
    storage: {
      persisted: async () => (calls.push('persisted'), options.persisted ?? false),
      persist: async () => (calls.push('persist'), options.grant ?? false),
      estimate: async () => {
        if (options.estimate instanceof Error) throw options.estimate;
        return options.estimate ?? { usage: 1200, quota: 5_000_000 };
      },
    },
  };
}

describe('requestPersistence', () => {
  it('asks, and reports the answer with usage and quota', async () => {
    const { storage, calls } = fakeStorage({ grant: true });
    expect(await requestPersistence(storage)).toEqual({ supported: true, persisted: true, usage: 1200, quota: 5_000_000 });
    expect(calls).toEqual(['persisted', 'persist']);
  });

  it('does not ask again when already persisted', async () => {
    const { storage, calls } = fakeStorage({ persisted: true });
    expect((await requestPersistence(storage)).persisted).toBe(true);
    expect(calls).toEqual(['persisted']);
  });

  it('reports a refusal, and a missing estimate as unknown', async () => {
    const { storage } = fakeStorage({ grant: false, estimate: new Error('blocked') });
    expect(await requestPersistence(storage)).toEqual({ supported: true, persisted: false, usage: null, quota: null });
  });

  it('says when the browser has no StorageManager', async () => {
    expect(await requestPersistence(undefined)).toEqual({ supported: false, persisted: false, usage: null, quota: null });
  });
});

describe('persistenceStatus', () => {
  it('reports without asking', async () => {
    const { storage, calls } = fakeStorage();
    expect((await persistenceStatus(storage)).persisted).toBe(false);
    expect(calls).toEqual(['persisted']);
  });
});

describe('formatBytes', () => {
  it('uses decimal units', () => {
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1200)).toBe('1.2 kB');
    expect(formatBytes(434_797)).toBe('435 kB');
    expect(formatBytes(5_000_000_000)).toBe('5.0 GB');
  });
});
