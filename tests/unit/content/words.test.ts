// countWords against GNU wc -w, run on the same input, for the characters where counters disagree.
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../src/content/words';
import { wcWords, workText } from '../../fixtures/content';

describe('countWords', () => {
  it.each([
    ['plain', 'one two  three\n\nfour\tfive'],
    ['no-break spaces separate (U+00A0, U+2007, U+202F, U+2060)', 'a\u00a0b c\u2007d e\u202ff g\u2060h'],
    ['Unicode spaces separate', 'a\u2003b\u3000c\u1680d'],
    ['zero-width and format characters join', 'a\u200bb c\u00add e\ufefff'],
    ['controls and line/paragraph separators neither start nor end a word', '\u0001 a\u0001b \u2028 c\u2029d'],
    ['a spaced dash is a word', 'wait - what'],
    ['curly quotes and ellipses', '“Surprise!” he said… ‘no’ – yes'],
    ['emoji and private use', '😀 \ue000 x'],
    ['leading, trailing and only white space', '  \n\u00a0 '],
  ])('%s', (_name, text) => {
    expect(countWords(text)).toBe(wcWords({ text }));
  });

  it('matches wc -w on both works (4,984 and 21,606)', () => {
    expect(countWords(workText('untitled-alec-realised'))).toBe(4984);
    expect(countWords(workText('making-it-work'))).toBe(21606);
  });
});
