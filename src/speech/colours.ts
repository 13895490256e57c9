/** The colours of the sentence being read aloud, per painted theme; src/ui/read-aloud/style.css paints them and a unit test keeps the two identical and checks WCAG AA. */
import type { ResolvedTheme } from '../settings/types';

/** The spoken sentence's background and text colour (the theme's own text colour, ≥ 4.5:1 on it). */
export interface SpokenColours {
  background: string;
  text: string;
  /** The underline that marks it without relying on colour alone (≥ 3:1 on the page). */
  underline: string;
}

/** Every painted theme's read-aloud colours: a green apart from the selection's blue and the search hit's yellow. */
export const READ_ALOUD_COLOURS: Readonly<Record<ResolvedTheme, Readonly<SpokenColours>>> = {
  light: { background: '#cde8cf', text: '#1f1b16', underline: '#2f6b3a' },
  sepia: { background: '#d3e2b5', text: '#33291c', underline: '#3d6a2c' },
  dark: { background: '#2d5537', text: '#e8e3d8', underline: '#8fd19e' },
  black: { background: '#234a2e', text: '#d6d6d6', underline: '#7cc48c' },
};
