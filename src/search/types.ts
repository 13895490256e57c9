/** The search contract: results, groups, scope. See ./README.md. */
import type { Section } from '../content/types';

/** Text around a match, cut from the ORIGINAL block text (never normalised). */
export interface Snippet {
  before: string;
  /** Exactly `block.text.slice(offset, offset + length)`. */
  match: string;
  after: string;
  /** True when `before` does not start at the start of the block (show "…"). */
  clippedStart: boolean;
  /** True when `after` does not reach the end of the block (show "…"). */
  clippedEnd: boolean;
}

/** One match: where it is (block + UTF-16 offset/length in the original text) and how to show it. */
export interface SearchHit {
  workId: string;
  sectionId: string;
  sectionIndex: number;
  sectionTitle: string;
  /** Index of the block in its section. */
  block: number;
  /** Offset in UTF-16 code units into the block's original text. */
  offset: number;
  length: number;
  snippet: Snippet;
  /** 0..1 through the section, by characters (UTF-16 code units; display only). */
  progression: number;
  /** 0..1 through the work: the sections' word counts before it, plus `progression` of this section's words (display only). */
  totalProgression: number;
}

/** The hits of one section. `count` counts every match in it, `hits` only those shown (see `capped`). */
export interface SearchGroup {
  workId: string;
  workTitle: string;
  sectionId: string;
  sectionIndex: number;
  sectionTitle: string;
  count: number;
  hits: SearchHit[];
}

/** What a search returns. Groups are in reading order (work, then section). */
export interface SearchResults {
  query: string;
  /** The query as matched (see normalise.ts); empty when too short. */
  normalisedQuery: string;
  /** True when the normalised query is shorter than MIN_QUERY_LENGTH (no search was made). */
  tooShort: boolean;
  groups: SearchGroup[];
  /** Hits in `groups`. */
  shown: number;
  /** Every match found (can exceed `shown`). */
  total: number;
  /** True when `total > shown` because of the cap. */
  capped: boolean;
}

/** Which works a search covers. */
export type SearchScope = { workId: string } | 'all';

/** Loads one section with its blocks (the content module's `loadSection`). */
export type SectionLoader = (workId: string, sectionId: string) => Promise<Section>;
