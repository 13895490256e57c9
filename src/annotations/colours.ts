/**
 * The highlight colours of each painted theme. `src/annotations/highlights.css` paints them
 * (`--quire-hl-<colour>`); a unit test keeps the two identical and checks that the theme's
 * text over each colour meets WCAG AA (4.5:1).
 */
import type { ResolvedTheme } from '../settings/types';
import type { HighlightColour } from './types';

/** The colours' names, as said and written (the toolbar's buttons, the panel, the Markdown export). */
export const COLOUR_NAMES: Readonly<Record<HighlightColour, string>> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink' };

/** Background of highlighted text, per theme and colour. */
export const HIGHLIGHT_COLOURS: Readonly<Record<ResolvedTheme, Readonly<Record<HighlightColour, string>>>> = {
  light: { yellow: '#ffe08a', green: '#c8ebc0', blue: '#c6defa', pink: '#f8cde0' },
  sepia: { yellow: '#f0cf6a', green: '#c9dfae', blue: '#c3d6e8', pink: '#efc6cf' },
  dark: { yellow: '#6a5314', green: '#2f5a35', blue: '#2c4a70', pink: '#6b2f4a' },
  black: { yellow: '#5c4810', green: '#284d2d', blue: '#263f60', pink: '#5c2840' },
};

/** The `CSS.highlights` name of a colour (and of its `::highlight()` rule). */
export function highlightName(colour: HighlightColour): string {
  return `quire-${colour}`;
}
