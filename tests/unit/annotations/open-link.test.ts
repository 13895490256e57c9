import { describe, expect, it } from 'vitest';
import { encodePassage } from '../../../src/annotations/link';
import { followLink } from '../../../src/annotations/open-link';
import type { Section } from '../../../src/content/types';

const section: Section = {
  id: 'story', index: 0, title: 'Story', titleSource: 'app', words: 9, chars: 60, blockCount: 2, wordsBefore: 0,
  blocks: [{ kind: 'para', text: 'The first paragraph is here.' }, { kind: 'para', text: 'And the second one, there.' }],
};
const work = { id: 'w', sections: [section] };
const load = async (_w: string, id: string) => {
  if (id !== 'story') throw new Error('no such section');
  return section;
};

describe('followLink', () => {
  it('opens at the linked character', async () => {
    const at = encodePassage({ sectionId: 'story', block: 1, offset: 8, quote: 'second one' });
    expect(await followLink(work, at, load)).toEqual({ ok: true, target: { sectionId: 'story', block: 1, offset: 8, quote: { before: '', text: 'second one, there.', after: '' } } });
  });

  it.each([
    ['garbage', 'This link could not be followed: The link is not a Quire link. Quire opened this work at your saved place instead.'],
    [encodePassage({ sectionId: 'elsewhere', block: 0, offset: 0, quote: '' }), 'This link points to a part that is not in this work. Quire opened this work at your saved place instead.'],
    [encodePassage({ sectionId: 'story', block: 0, offset: 900, quote: '' }), 'This link points to a place that is no longer in this work. Quire opened this work at your saved place instead.'],
    [encodePassage({ sectionId: 'story', block: 0, offset: 4, quote: 'not in the text' }), 'This link points to a place that is no longer in this work. Quire opened this work at your saved place instead.'],
  ])('says why %j is not followed', async (at, message) => {
    expect(await followLink(work, at, load)).toEqual({ ok: false, message });
  });

  it('says so when the section cannot be loaded', async () => {
    const at = encodePassage({ sectionId: 'story', block: 0, offset: 0, quote: '' });
    const failing = () => Promise.reject(new Error('offline'));
    expect(await followLink(work, at, failing)).toMatchObject({ ok: false, message: expect.stringContaining('could not be loaded') });
  });
});
