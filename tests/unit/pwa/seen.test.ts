import { describe, expect, it } from 'vitest';
import { markSeen, wasSeen } from '../../../src/pwa/seen';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

describe('one-time flags', () => {
  it('remembers a notice as seen', () => {
    const storage = memoryStorage();
    expect(wasSeen('offline-ready', storage)).toBe(false);
    markSeen('offline-ready', storage);
    expect(wasSeen('offline-ready', storage)).toBe(true);
  });

  it('treats missing or throwing storage as not seen, without throwing', () => {
    const broken = { ...memoryStorage(), getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => markSeen('offline-ready', broken)).not.toThrow();
    expect(wasSeen('offline-ready', broken)).toBe(false);
    expect(wasSeen('offline-ready', undefined)).toBe(false);
  });
});
