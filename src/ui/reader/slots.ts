/**
 * Which of the reader's two page elements shows the text, and what each holds (pure). One shows
 * the window the model lays out; the other holds the staged next section, laid out hidden, so
 * the turn into that section swaps the two instead of rendering and laying out anew. See ./README.md.
 */
import type { SectionWindow } from '../../reader/contract';
import { sameWindow } from '../../reader/window';

/** What the two page elements hold, and which one is shown. */
export interface Slots {
  held: readonly [SectionWindow | null, SectionWindow | null];
  shown: 0 | 1;
}

export const NO_SLOTS: Slots = { held: [null, null], shown: 0 };

/**
 * The slots after the model's window or staged window changed: the window shown stays where it
 * is; if the other element holds it (it was staged), the two swap; else it replaces what the
 * shown element held. The other element then takes the staged window, unless that is the one
 * shown; otherwise it keeps what it held (after a swap: the window just left, for a turn back).
 * The hidden element carries no ids (`SectionView`'s `named`), so it may hold a window of the
 * section shown. Returns `slots` itself when nothing changed.
 */
export function arrange(slots: Slots, current: SectionWindow | null, staged: SectionWindow | null): Slots {
  let shown = slots.shown;
  const held: [SectionWindow | null, SectionWindow | null] = [...slots.held];
  if (current && !sameWindow(held[shown], current)) {
    if (sameWindow(held[1 - shown] ?? null, current)) shown = shown === 0 ? 1 : 0;
    else held[shown] = current;
  }
  const other = shown === 0 ? 1 : 0;
  if (staged && !sameWindow(staged, held[shown]) && !sameWindow(staged, held[other])) held[other] = staged;
  if (shown === slots.shown && held[0] === slots.held[0] && held[1] === slots.held[1]) return slots;
  return { held, shown };
}
