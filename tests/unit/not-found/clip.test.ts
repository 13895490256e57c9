import { describe, expect, it } from 'vitest';
import { clipId, MAX_SHOWN_ID } from '../../../src/ui/not-found/clip';

describe('clipId', () => {
  it('keeps a short id whole', () => {
    expect(clipId('gone-work')).toBe('gone-work');
    expect(clipId('x'.repeat(MAX_SHOWN_ID))).toBe('x'.repeat(MAX_SHOWN_ID));
  });

  it('clips a 100,000-character id to the limit, ending in an ellipsis', () => {
    const shown = clipId('a'.repeat(100_000));
    expect(Array.from(shown)).toHaveLength(MAX_SHOWN_ID);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const shown = clipId('😀'.repeat(100));
    expect(shown).toBe(`${'😀'.repeat(MAX_SHOWN_ID - 1)}…`);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(shown)).toBe(false);
  });
});
