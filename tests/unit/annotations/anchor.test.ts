import { describe, expect, it } from 'vitest';
import { quoteFor, resolveAnchor, textBetween, tidyRange } from '../../../src/annotations/anchor';

const section = {
  blocks: [
    { text: 'It was late. The rain had stopped.' },
    { text: '' },
    { text: 'He said it was late. She said nothing.' },
    { text: 'The rain had stopped, and it was late.' },
  ],
};

describe('quotes', () => {
  it('holds the exact text with context either side, blocks joined by a line break', () => {
    expect(quoteFor(section, { block: 0, offset: 13 }, { block: 0, offset: 34 })).toEqual({
      before: 'It was late. ',
      text: 'The rain had stopped.',
      after: '\n\nHe said it was late. She said ',
    });
    expect(textBetween(section, { block: 2, offset: 21 }, { block: 3, offset: 8 })).toBe('She said nothing.\nThe rain');
  });

  it('is empty for places outside the section', () => {
    expect(quoteFor(section, { block: 9, offset: 0 }, { block: 9, offset: 3 }).text).toBe('');
    expect(textBetween(section, { block: 0, offset: 5 }, { block: 0, offset: 99 })).toBe('');
  });
});

describe('resolveAnchor', () => {
  const anchor = (start: { block: number; offset: number }, end: { block: number; offset: number }) => ({ start, end, quote: quoteFor(section, start, end) });

  it('keeps the places when they still hold the quote', () => {
    const a = anchor({ block: 2, offset: 0 }, { block: 2, offset: 20 });
    expect(resolveAnchor(section, a)).toEqual({ ok: true, start: a.start, end: a.end, moved: false });
  });

  it('finds the range again from its quote when the offsets are off', () => {
    const a = anchor({ block: 3, offset: 0 }, { block: 3, offset: 20 }); // "The rain had stopped"
    const shifted = { ...a, start: { block: 3, offset: 4 }, end: { block: 3, offset: 24 } };
    expect(resolveAnchor(section, shifted)).toEqual({ ok: true, start: { block: 3, offset: 0 }, end: { block: 3, offset: 20 }, moved: true });
  });

  it('chooses the occurrence whose surroundings match, not merely the nearest', () => {
    // "it was late" stands three times; the quote's context names the one in block 3.
    const a = anchor({ block: 3, offset: 26 }, { block: 3, offset: 37 });
    expect(a.quote.text).toBe('it was late');
    const wrongBlock = { ...a, start: { block: 0, offset: 0 }, end: { block: 0, offset: 11 } };
    expect(resolveAnchor(section, wrongBlock)).toMatchObject({ ok: true, start: { block: 3, offset: 26 }, end: { block: 3, offset: 37 } });
  });

  it('among equally good matches takes the nearest to the old place', () => {
    const bare = { start: { block: 3, offset: 0 }, end: { block: 3, offset: 4 }, quote: { before: '', text: 'late', after: '' } };
    expect(resolveAnchor(section, bare)).toMatchObject({ ok: true, start: { block: 2, offset: 15 } });
  });

  it('finds a range that crosses blocks', () => {
    const a = anchor({ block: 2, offset: 21 }, { block: 3, offset: 8 });
    const moved = { ...a, start: { block: 0, offset: 0 }, end: { block: 0, offset: 5 } };
    expect(resolveAnchor(section, moved)).toEqual({ ok: true, start: { block: 2, offset: 21 }, end: { block: 3, offset: 8 }, moved: true });
  });

  it('reports a quote that no longer exists instead of guessing', () => {
    const gone = { start: { block: 0, offset: 0 }, end: { block: 0, offset: 12 }, quote: { before: '', text: 'It was early.', after: '' } };
    expect(resolveAnchor(section, gone)).toEqual({ ok: false, reason: 'The highlighted text is no longer in this section.' });
    expect(resolveAnchor(section, { ...gone, quote: { before: '', text: '', after: '' } }).ok).toBe(false);
  });
});

describe('tidyRange', () => {
  it('drops white space at the ends and an end at the very start of the next block', () => {
    expect(tidyRange(section, { block: 0, offset: 12 }, { block: 1, offset: 0 })).toEqual({ start: { block: 0, offset: 13 }, end: { block: 0, offset: 34 } });
  });

  it('is null for nothing but white space, an empty or a backwards range', () => {
    expect(tidyRange(section, { block: 0, offset: 12 }, { block: 0, offset: 13 })).toBeNull();
    expect(tidyRange(section, { block: 0, offset: 5 }, { block: 0, offset: 5 })).toBeNull();
    expect(tidyRange(section, { block: 2, offset: 5 }, { block: 0, offset: 5 })).toBeNull();
  });
});
