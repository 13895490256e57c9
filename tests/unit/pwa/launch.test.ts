import { describe, expect, it } from 'vitest';
import { CONTINUE_HASH, lastReadWork, resolveLaunchHash } from '../../../src/pwa/launch';
import { CONTINUE_URL } from '../../../build/pwa';

const places = {
  a: { workId: 'a', updatedAt: 10 },
  'b c': { workId: 'b c', updatedAt: 30 },
  d: { workId: 'd', updatedAt: 20 },
};

describe('the "Continue reading" shortcut', () => {
  it('is the manifest shortcut’s hash', () => {
    expect(new URL(CONTINUE_URL, 'https://q.example').hash).toBe(CONTINUE_HASH);
  });

  it('goes to the work with the newest place', () => {
    expect(lastReadWork(places)).toBe('b c');
    expect(resolveLaunchHash(CONTINUE_HASH, places)).toBe('#/read/b%20c');
  });

  it('goes to the library when nothing was read yet', () => {
    expect(lastReadWork({})).toBeNull();
    expect(resolveLaunchHash(CONTINUE_HASH, {})).toBe('#/');
  });

  it('leaves every other hash alone', () => {
    for (const hash of ['', '#/', '#/read/a', '#/continue/x']) expect(resolveLaunchHash(hash, places)).toBe(hash);
  });
});
