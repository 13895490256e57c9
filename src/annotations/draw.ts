/**
 * Draws highlights with the CSS Custom Highlight API: one `Highlight` per colour in
 * `CSS.highlights`, holding DOM Ranges over the laid-out text. The text's DOM is never
 * changed. Called after every layout (a new window, a font change, a mode switch).
 */
import { highlightName } from './colours';
import { rangeFor } from '../reader/dom-range';
import { COLOURS, type HighlightColour, type TextPlace } from './types';

/** A highlight as drawn: where it is now in the section. */
export interface Drawable {
  id: string;
  colour: HighlightColour;
  start: TextPlace;
  end: TextPlace;
}

/** True when this browser can draw highlights (the CSS Custom Highlight API). */
export function canDraw(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Draws the highlights laid out in `content` (replacing what was drawn); returns each one's range, by id. */
export function drawHighlights(content: HTMLElement, items: readonly Drawable[]): Map<string, Range> {
  const ranges = new Map<string, Range>();
  const byColour = new Map<HighlightColour, Range[]>(COLOURS.map((c) => [c, []]));
  for (const item of items) {
    const range = rangeFor(content, item.start, item.end);
    if (!range) continue;
    ranges.set(item.id, range);
    byColour.get(item.colour)?.push(range);
  }
  if (canDraw()) {
    for (const [colour, list] of byColour) {
      if (list.length === 0) CSS.highlights.delete(highlightName(colour));
      else CSS.highlights.set(highlightName(colour), new Highlight(...list));
    }
  }
  return ranges;
}

/** Removes every drawn highlight (the reader closed). */
export function clearHighlights(): void {
  if (!canDraw()) return;
  for (const colour of COLOURS) CSS.highlights.delete(highlightName(colour));
}
