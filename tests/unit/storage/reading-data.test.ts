import { describe, expect, it } from 'vitest';
import { describeImport } from '../../../src/ui/reading-data/index';

describe('describeImport (the message after an import)', () => {
  it('lists what changed, in words', () => {
    expect(describeImport({ ok: true, merged: { positions: 2, settings: 1, acknowledgements: 0, speedSamples: 1, bookmarks: 1, highlights: 3, tombstones: 1 } })).toBe(
      'Imported 2 places, settings, 1 bookmark, 3 highlights, 1 deletion, 1 reading-speed sample.',
    );
  });
  it('says when nothing changed', () => {
    expect(describeImport({ ok: true, merged: { positions: 0, settings: 0, acknowledgements: 0, speedSamples: 0, bookmarks: 0, highlights: 0, tombstones: 0 } })).toMatch(/nothing changed/);
  });
});
