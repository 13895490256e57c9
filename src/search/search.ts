/** Pure search: build a per-work index once, then find a query in it with indexOf. See ./README.md. */
import type { Section } from '../content/types';
import { normalise, toOriginalRange } from './normalise';
import { makeSnippet } from './snippet';
import type { SearchGroup, SearchHit, SearchResults } from './types';

/** Queries shorter than this (after normalisation) find nothing. */
export const MIN_QUERY_LENGTH = 2;
/** At most this many hits are returned (every match is still counted). */
export const DEFAULT_CAP = 200;

/** Blocks are joined with a character no normalised query contains, so no match spans two blocks. */
const BLOCK_SEPARATOR = '\n';

/** One work's searchable text: every block normalised, joined, with where each block starts. */
export interface WorkIndex {
  workId: string;
  workTitle: string;
  sections: Section[];
  text: string;
  /** Start of each block (all sections, in order) in `text`; one extra entry past the end. */
  blockStarts: Int32Array;
  /** Section (index into `sections`) of each block. */
  blockSection: Int32Array;
  /** Index of each block within its section. */
  blockIndex: Int32Array;
  /** UTF-16 units of the section's original text before each block (for progression). */
  charsBefore: Float64Array;
  totalWords: number;
}

/** Builds the index of one work from all its sections (in order). */
export function buildWorkIndex(workId: string, sections: Section[], workTitle = workId): WorkIndex {
  let blocks = 0;
  for (const section of sections) blocks += section.blocks.length;
  const blockStarts = new Int32Array(blocks + 1);
  const blockSection = new Int32Array(blocks);
  const blockIndex = new Int32Array(blocks);
  const charsBefore = new Float64Array(blocks);
  const parts: string[] = [];
  let at = 0;
  let b = 0;
  sections.forEach((section, s) => {
    let chars = 0;
    section.blocks.forEach((block, i) => {
      const text = normalise(block.text).text;
      blockStarts[b] = at;
      blockSection[b] = s;
      blockIndex[b] = i;
      charsBefore[b] = chars;
      chars += block.text.length;
      parts.push(text);
      at += text.length + BLOCK_SEPARATOR.length;
      b++;
    });
  });
  blockStarts[blocks] = at;
  const last = sections[sections.length - 1];
  const totalWords = last ? last.wordsBefore + last.words : 0;
  return {
    workId,
    workTitle,
    sections,
    text: parts.join(BLOCK_SEPARATOR),
    blockStarts,
    blockSection,
    blockIndex,
    charsBefore,
    totalWords,
  };
}

/** Options for a search. */
export interface SearchOptions {
  /** Most hits to return (default DEFAULT_CAP). */
  cap?: number;
}

/** Searches the given works (in the given order) for `query`. */
export function searchIndexes(indexes: WorkIndex[], query: string, options: SearchOptions = {}): SearchResults {
  const cap = options.cap ?? DEFAULT_CAP;
  const q = normalise(query).text;
  const results: SearchResults = {
    query,
    normalisedQuery: q,
    tooShort: q.length < MIN_QUERY_LENGTH,
    groups: [],
    shown: 0,
    total: 0,
    capped: false,
  };
  if (results.tooShort) {
    results.normalisedQuery = '';
    return results;
  }
  for (const index of indexes) searchOne(index, q, cap, results);
  // Sections whose every match fell past the cap are counted in `total` but not listed.
  results.groups = results.groups.filter((group) => group.hits.length > 0);
  results.capped = results.total > results.shown;
  return results;
}

/**
 * A query the text answers many times, to search once while idle right after an index is built:
 * the first run of the search is several times slower than later ones (its code is not yet
 * optimised), and it should not be the reader's first keystroke. Two letters from the middle of
 * the text; '' when the text has no two letters side by side.
 */
export function warmUpQuery(index: Pick<WorkIndex, 'text'>): string {
  const { text } = index;
  const letters = /\p{L}\p{L}/gu;
  letters.lastIndex = Math.floor(text.length / 2);
  const found = letters.exec(text) ?? /\p{L}\p{L}/u.exec(text);
  return found ? found[0] : '';
}

/** Builds an index and searches it: convenient for tests and one-off searches. */
export function searchSections(query: string, workId: string, sections: Section[], options?: SearchOptions): SearchResults {
  return searchIndexes([buildWorkIndex(workId, sections)], query, options);
}

function searchOne(index: WorkIndex, q: string, cap: number, results: SearchResults): void {
  const { text, blockStarts, blockSection, blockIndex } = index;
  let b = 0;
  let group: SearchGroup | undefined;
  let mapFor = -1;
  let map: Int32Array | undefined;
  for (let pos = text.indexOf(q); pos >= 0; pos = text.indexOf(q, pos + q.length)) {
    // Hits come in order, so the block cursor only moves forward.
    while ((blockStarts[b + 1] ?? Infinity) <= pos) b++;
    const s = blockSection[b] ?? 0;
    const section = index.sections[s];
    if (!section) continue;
    if (!group || group.sectionIndex !== section.index || group.sectionId !== section.id) {
      group = {
        workId: index.workId,
        workTitle: index.workTitle,
        sectionId: section.id,
        sectionIndex: section.index,
        sectionTitle: section.title,
        count: 0,
        hits: [],
      };
      results.groups.push(group);
    }
    group.count++;
    results.total++;
    if (results.shown >= cap) continue;

    const i = blockIndex[b] ?? 0;
    const original = section.blocks[i]?.text ?? '';
    if (mapFor !== b) {
      // Only blocks with a shown hit pay for an offset map.
      map = normalise(original, true).map;
      mapFor = b;
    }
    if (!map) continue;
    const start = pos - (blockStarts[b] ?? 0);
    const { offset, length } = toOriginalRange(original, map, start, start + q.length);
    const progression = section.chars > 0 ? Math.min(1, ((index.charsBefore[b] ?? 0) + offset) / section.chars) : 0;
    const hit: SearchHit = {
      workId: index.workId,
      sectionId: section.id,
      sectionIndex: section.index,
      sectionTitle: section.title,
      block: i,
      offset,
      length,
      snippet: makeSnippet(original, offset, length),
      progression,
      totalProgression:
        index.totalWords > 0 ? Math.min(1, (section.wordsBefore + progression * section.words) / index.totalWords) : 0,
    };
    group.hits.push(hit);
    results.shown++;
  }
}
