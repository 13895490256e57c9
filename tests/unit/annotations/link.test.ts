import { describe, expect, it } from 'vitest';
import { decodePassage, encodePassage, MAX_AT_LENGTH, passageAt, passageHash, passageUrl, resolvePassage, shortQuote, SHORT_QUOTE } from '../../../src/annotations/link';
import { parseHash } from '../../../src/state/router';

const section = {
  id: 'story',
  blocks: [{ text: 'Asami Ryuichi had not expected to meet anyone.' }, { text: '' }, { text: '“Takaba,” he said. 🦊 Then nothing.' }],
};

describe('the link encoding', () => {
  it('is compact and versioned', () => {
    expect(encodePassage({ sectionId: 'story', block: 12, offset: 340, quote: 'Asami' })).toBe('1.story.12.340.QXNhbWk');
    expect(passageHash('making-it-work', { sectionId: 'story', block: 0, offset: 0, quote: '' })).toBe('#/read/making-it-work?at=1.story.0.0.');
  });

  it('round-trips, curly quotes and emoji included', () => {
    const passages = [
      { sectionId: 'story', block: 0, offset: 0, quote: '' },
      { sectionId: 'recap', block: 3, offset: 17, quote: '“Takaba,” he sai' },
      { sectionId: 'text', block: 999999, offset: 123456789, quote: 'fox 🦊 fox' },
      passageAt(section, { block: 2, offset: 19 }),
    ];
    for (const p of passages) expect(decodePassage(encodePassage(p))).toEqual({ ok: true, passage: p });
  });

  it('keeps a short quote, never splitting a surrogate pair', () => {
    const text = `${'a'.repeat(SHORT_QUOTE - 1)}🦊b`;
    expect(shortQuote(text)).toBe('a'.repeat(SHORT_QUOTE - 1));
    expect(passageAt(section, { block: 0, offset: 0 }).quote).toBe('Asami Ryuichi ha');
    const p = decodePassage(encodePassage({ sectionId: 's', block: 0, offset: 0, quote: 'x'.repeat(100) }));
    expect(p.ok && p.passage.quote).toBe('x'.repeat(SHORT_QUOTE));
  });

  it.each([
    ['', 'The link names no place.'],
    ['garbage', 'The link is not a Quire link.'],
    ['<script>', 'The link is not a Quire link.'],
    ['2.story.1.2.QQ', 'The link was made by another version of Quire (format 2).'],
    ['0.story.1.2.QQ', 'The link was made by another version of Quire (format 0).'],
    ['1.story.1.2', 'The link is not a Quire link.'],
    ['1.story.1.2.QQ.extra', 'The link is not a Quire link.'],
    ['1.st%20ory.1.2.QQ', 'The link names no valid section.'],
    ['1..1.2.QQ', 'The link names no valid section.'],
    ['1.story.-1.2.QQ', 'The link names no valid place.'],
    ['1.story.1.-2.QQ', 'The link names no valid place.'],
    ['1.story.NaN.2.QQ', 'The link names no valid place.'],
    ['1.story.1.Infinity.QQ', 'The link names no valid place.'],
    ['1.story.1e3.2.QQ', 'The link names no valid place.'],
    ['1.story.01.2.QQ', 'The link names no valid place.'],
    ['1.story.1.2.5.QQ', 'The link is not a Quire link.'],
    ['1.story.1234567890.2.QQ', 'The link names no valid place.'],
    ['1.story.1.2.Q', 'The link’s text is damaged.'],
    ['1.story.1.2.QQ==', 'The link’s text is damaged.'],
    ['1.story.1.2.QR', 'The link’s text is damaged.'],
    ['1.story.1.2.gA', 'The link’s text is damaged.'],
    [`1.story.1.2.${'QUFB'.repeat(8)}`, 'The link’s text is damaged.'],
    [`1.story.1.2.${'A'.repeat(MAX_AT_LENGTH)}`, 'The link is too long to be a Quire link.'],
  ])('refuses %j', (at, reason) => {
    expect(decodePassage(at)).toEqual({ ok: false, reason });
  });

  it('refuses to encode what no link can hold', () => {
    expect(() => encodePassage({ sectionId: 'a.b', block: 0, offset: 0, quote: '' })).toThrow(TypeError);
    expect(() => encodePassage({ sectionId: 's', block: -1, offset: 0, quote: '' })).toThrow(TypeError);
    expect(() => encodePassage({ sectionId: 's', block: 0, offset: 1.5, quote: '' })).toThrow(TypeError);
  });

  it('makes a full link whose hash the router reads back', () => {
    const p = { sectionId: 'story', block: 2, offset: 19, quote: 'Then' };
    const url = passageUrl('http://127.0.0.1:4173/#/read/x', 'making-it-work', p);
    expect(url).toBe(`http://127.0.0.1:4173/#/read/making-it-work?at=${encodePassage(p)}`);
    expect(parseHash(new URL(url).hash)).toEqual({ name: 'read', workId: 'making-it-work', at: encodePassage(p) });
  });
});

describe('resolvePassage', () => {
  it('is the place when the text there starts with the quote', () => {
    expect(resolvePassage(section, passageAt(section, { block: 2, offset: 19 }))).toEqual({ block: 2, offset: 19 });
  });

  it('follows the quote when the offset is off', () => {
    expect(resolvePassage(section, { sectionId: 'story', block: 2, offset: 3, quote: 'Then nothing' })).toEqual({ block: 2, offset: 22 });
  });

  it('is null for an offset past the end or a quote that is not there', () => {
    expect(resolvePassage(section, { sectionId: 'story', block: 0, offset: 500, quote: '' })).toBeNull();
    expect(resolvePassage(section, { sectionId: 'story', block: 9, offset: 0, quote: '' })).toBeNull();
    expect(resolvePassage(section, { sectionId: 'story', block: 0, offset: 500, quote: 'Nowhere in it' })).toBeNull();
  });
});
