/** The Locator: where the reader is, independent of screen and font. See ./README.md. */

/** A short quote around the located character, so a place can survive an edit of the text. */
export interface Quote {
  before: string;
  text: string;
  after: string;
}

/**
 * `block` + `offset` point at the first character on screen (offset in UTF-16
 * code units into the block's text). Progressions are for display only, never
 * for restoring a place.
 */
export interface Locator {
  workId: string;
  sectionId: string;
  block: number;
  offset: number;
  quote: Quote;
  /** 0..1 through the section. */
  progression: number;
  /** 0..1 through the work. */
  totalProgression: number;
  /** ms since epoch of the navigation that made this locator. */
  updatedAt: number;
}

/** Where to go: a section and a character in it; with a quote, the place is found again if the text moved. */
export interface Target {
  sectionId: string;
  block: number;
  offset: number;
  quote?: Quote;
}
