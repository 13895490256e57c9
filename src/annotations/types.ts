/** The annotation records: highlights (with their notes) and the tombstones that outlive deletions. See ./README.md. */
import type { Quote } from '../reader/locator';

/** A character of a section: block index and UTF-16 offset into `Block.text`. */
export interface TextPlace {
  block: number;
  offset: number;
}

/** The four highlight colours (each has a `::highlight(quire-<colour>)` rule). */
export const COLOURS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColour = (typeof COLOURS)[number];

/**
 * A highlighted passage of one section: [start, end) plus a quote (the exact text, with
 * some before and after) so that it can be found again. `note` is '' when there is none.
 */
export interface Highlight {
  id: string;
  workId: string;
  sectionId: string;
  start: TextPlace;
  end: TextPlace;
  quote: Quote;
  colour: HighlightColour;
  note: string;
  createdAt: number;
  updatedAt: number;
}

/** What a tombstone stands for. */
export type TombstoneKind = 'highlight' | 'bookmark';

/** A deletion, kept so that importing an older export does not bring the record back. */
export interface Tombstone {
  /** `<kind>:<recordId>` */
  id: string;
  kind: TombstoneKind;
  recordId: string;
  workId?: string;
  deletedAt: number;
}

/** What the annotations need of storage (`ReadingStore` provides it). Reads are validated; a delete leaves a tombstone. */
export interface HighlightStore {
  /** This work's highlights (any order), tombstoned ones left out. */
  listHighlights(workId: string): Promise<Highlight[]>;
  putHighlight(highlight: Highlight): Promise<void>;
  /** Deletes a highlight and keeps a tombstone of it. */
  deleteHighlight(id: string): Promise<void>;
}
