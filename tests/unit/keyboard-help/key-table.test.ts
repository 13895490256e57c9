import { describe, expect, it } from 'vitest';
import { keyTable, type KeyPress } from '../../../src/ui/keyboard-help/key-table';

type Action = 'next' | 'prev' | 'library' | 'secret';

function classify(p: KeyPress): Action | null {
  if (p.ctrlKey || p.metaKey || p.altKey) return null;
  if (p.key === 'ArrowRight' || p.key === 'PageDown' || p.key === 'MediaTrackNext' || (p.key === ' ' && !p.shiftKey)) return 'next';
  if (p.key === 'ArrowLeft' || p.key === 'PageUp' || p.key === 'MediaTrackPrevious' || (p.key === ' ' && p.shiftKey)) return 'prev';
  if (p.key === 'Escape') return 'library';
  if (p.key === 'x') return 'secret';
  return null;
}

describe('keyTable', () => {
  it('lists every key the map knows, grouped by action, in the probes’ order', () => {
    expect(keyTable(classify, { next: 'Next page', prev: 'Previous page', library: 'Back to the library' })).toEqual([
      { action: 'Next page', keys: ['→', 'Page Down', 'Space', 'Next track (media key)'] },
      { action: 'Previous page', keys: ['←', 'Page Up', 'Shift + Space', 'Previous track (media key)'] },
      { action: 'Back to the library', keys: ['Esc'] },
    ]);
  });

  it('follows the map: a key added to it appears, with no list kept by hand', () => {
    const more = (p: KeyPress): Action | null => (p.key === 'Enter' ? 'next' : classify(p));
    expect(keyTable(more, { next: 'Next page' })[0]?.keys).toContain('Enter');
    expect(keyTable(classify, { next: 'Next page' })[0]?.keys).not.toContain('Enter');
  });
});

describe('the reader’s sheet', () => {
  it('lists the page-turner keys, from the reader’s own key map', async () => {
    const { READER_KEYS } = await import('../../../src/ui/keyboard-help/reader-keys');
    const next = READER_KEYS.find((r) => r.action === 'Next page');
    const prev = READER_KEYS.find((r) => r.action === 'Previous page');
    expect(next?.keys).toEqual(['→', '↓', 'Page Down', 'Space', 'Enter', 'Next track (media key)']);
    expect(prev?.keys).toEqual(['←', '↑', 'Page Up', 'Shift + Space', 'Previous track (media key)']);
    expect(READER_KEYS.map((r) => r.action)).toEqual(
      expect.arrayContaining(['Back to the library', 'Show or hide the controls', 'These keyboard shortcuts']),
    );
  });
});
