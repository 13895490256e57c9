// The reader's two page elements: which one shows the window laid out, and which holds the staged next section.
import { describe, expect, it } from 'vitest';
import type { Section } from '../../../src/content/types';
import type { SectionWindow } from '../../../src/reader/contract';
import { sameWindow } from '../../../src/reader/window';
import { arrange, NO_SLOTS, type Slots } from '../../../src/ui/reader/slots';

const section = (id: string): Section => ({ id, index: 0, title: id, titleSource: 'app', words: 1, chars: 1, blockCount: 9, wordsBefore: 0, blocks: [] });
const a = section('a');
const b = section('b');
const win = (s: Section, from: number, to: number): SectionWindow => ({ section: s, window: { start: { block: from, offset: 0 }, end: { block: to, offset: 0 } } });

describe('sameWindow', () => {
  it('compares the section and both bounds, not the objects', () => {
    expect(sameWindow(win(a, 0, 3), win(a, 0, 3))).toBe(true);
    expect(sameWindow(win(a, 0, 3), win(a, 0, 4))).toBe(false);
    expect(sameWindow(win(a, 0, 3), win(b, 0, 3))).toBe(false);
    expect(sameWindow(null, null)).toBe(true);
    expect(sameWindow(win(a, 0, 3), null)).toBe(false);
  });
});

describe('arrange', () => {
  it('shows the first window in the first element, and stages the next section in the other', () => {
    const first = arrange(NO_SLOTS, win(a, 0, 3), null);
    expect(first).toEqual({ held: [win(a, 0, 3), null], shown: 0 });
    expect(arrange(first, win(a, 0, 3), win(b, 0, 2))).toEqual({ held: [win(a, 0, 3), win(b, 0, 2)], shown: 0 });
  });

  it('swaps the two when the window shown is the staged one: nothing is rendered anew', () => {
    const staged: Slots = { held: [win(a, 0, 3), win(b, 0, 2)], shown: 0 };
    const turned = arrange(staged, win(b, 0, 2), win(b, 0, 2));
    expect(turned.shown).toBe(1);
    expect(turned.held[1]).toBe(staged.held[1]);
    expect(turned.held[0]).toBe(staged.held[0]);
  });

  it('renders a window it does not hold into the element shown', () => {
    const staged: Slots = { held: [win(a, 0, 3), win(b, 0, 2)], shown: 0 };
    expect(arrange(staged, win(a, 3, 6), win(b, 0, 2))).toEqual({ held: [win(a, 3, 6), win(b, 0, 2)], shown: 0 });
  });

  it('keeps the window just left in the other element, even of the same section, until something else is staged', () => {
    // Section b shown from the second element; the first still holds a window of a.
    const after: Slots = { held: [win(a, 0, 3), win(b, 0, 2)], shown: 1 };
    expect(arrange(after, win(b, 0, 2), null)).toBe(after);
    // A jump to another window of a: rendered where b was shown; the first element keeps its window of a.
    expect(arrange(after, win(a, 4, 8), null)).toEqual({ held: [win(a, 0, 3), win(a, 4, 8)], shown: 1 });
    // The window before b's staged: it replaces what the hidden element held.
    expect(arrange(after, win(b, 0, 2), win(a, 5, 9))).toEqual({ held: [win(a, 5, 9), win(b, 0, 2)], shown: 1 });
    // Turning back into a's window held hidden: a swap again.
    expect(arrange(after, win(a, 0, 3), null)).toEqual({ held: after.held, shown: 0 });
  });

  it('does not stage the window shown, nor in scroll mode (no staged window is given)', () => {
    const one = arrange(NO_SLOTS, win(a, 0, 3), win(a, 0, 3));
    expect(one.held[1]).toBeNull();
    expect(arrange(one, win(a, 0, 9), null)).toEqual({ held: [win(a, 0, 9), null], shown: 0 });
    // Staged the window the hidden element already holds: nothing changes.
    const both = arrange(NO_SLOTS, win(a, 0, 3), win(b, 0, 2));
    expect(arrange(both, win(a, 0, 3), win(b, 0, 2))).toBe(both);
  });

  it('returns the same slots when nothing changed, so nothing renders', () => {
    const s = arrange(NO_SLOTS, win(a, 0, 3), win(b, 0, 2));
    expect(arrange(s, win(a, 0, 3), win(b, 0, 2))).toBe(s);
    expect(arrange(NO_SLOTS, null, null)).toBe(NO_SLOTS);
  });
});
