// The reader follows the voice through the model: sentence starts, words off the page, never back behind the start.
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createFollower } from '../../../src/speech/follow';
import type { SpeechPlace, SpokenSentence } from '../../../src/speech/types';

function reader(onScreen: (p: { block: number; offset: number }) => boolean) {
  const follows: SpeechPlace[] = [];
  return {
    follows,
    port: { section: signal({ id: 'one' }), follow: async (t: SpeechPlace) => void follows.push(t), isOnScreen: onScreen },
  };
}
const s = (block: number, start: number, end: number, sectionId = 'one'): SpokenSentence => ({ sectionId, block, start, end, text: 'x'.repeat(end - start) });

describe('follower', () => {
  it('moves the place to each sentence’s first character', () => {
    const r = reader(() => true);
    const f = createFollower(r.port);
    f.sentence(s(0, 0, 10));
    f.sentence(s(0, 10, 20));
    f.sentence(s(0, 0, 5, 'two'));
    expect(r.follows).toEqual([
      { sectionId: 'one', block: 0, offset: 0 },
      { sectionId: 'one', block: 0, offset: 10 },
      { sectionId: 'two', block: 0, offset: 0 },
    ]);
  });

  it('keeps the page when the first sentence began on the page before', () => {
    const r = reader(() => true);
    const f = createFollower(r.port);
    f.begin({ sectionId: 'one', block: 3, offset: 40 });
    f.sentence(s(3, 20, 60));
    f.sentence(s(3, 60, 90));
    expect(r.follows).toEqual([{ sectionId: 'one', block: 3, offset: 60 }]);
  });

  it('turns the page to a word that is off it, and only then', () => {
    const r = reader((p) => p.offset < 50);
    const f = createFollower(r.port);
    f.word(s(2, 0, 80), 30);
    f.word(s(2, 0, 80), 55);
    f.word(s(2, 0, 80, 'two'), 70); // not the section on screen: its own follow brings it
    expect(r.follows).toEqual([{ sectionId: 'one', block: 2, offset: 55 }]);
  });

  it('swallows a failed follow', async () => {
    const f = createFollower({ section: signal(null), follow: () => Promise.reject(new Error('gone')), isOnScreen: () => false });
    expect(() => f.sentence(s(0, 0, 1))).not.toThrow();
    await Promise.resolve();
  });
});
