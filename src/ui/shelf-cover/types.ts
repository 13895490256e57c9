/** A generated cover, as build/covers.ts makes it: colours and pre-wrapped lines, drawn by <Cover> with the page's fonts. */
export interface CoverSpec {
  /** Background, derived from the work's id. */
  bg: string;
  /** Title, fandom and frame: ≥ 4.5:1 on `bg`. */
  ink: string;
  /** A decorative band (no text on it). */
  band: string;
  /** 0: band at the top, 1: band at the bottom (from the id, so covers differ). */
  variant: 0 | 1;
  /** The display title, wrapped into lines. */
  title: string[];
  /** Title font size in the cover's 120 × 180 units. */
  titleSize: number;
  /** The fandom, wrapped into lines. */
  fandom: string[];
  /** The accessible name: "Generated cover: title …, fandom …". */
  label: string;
}

/** The cover's drawing box (2:3). */
export const COVER_WIDTH = 120;
export const COVER_HEIGHT = 180;
