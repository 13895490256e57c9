/** Messages between the search client and its worker. See ./README.md. */
import type { Section, WorkInfo } from '../content/types';
import type { SearchResults, SearchScope } from './types';

/** Per work id, per section id: where the section's blocks are, as JSON. */
export type SectionUrls = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * Client → worker. `init` comes first with the catalogue and, when the sections are files,
 * their URLs (the worker fetches those itself); `section` answers the worker's `load`, for a
 * section without a URL (the main thread loads it, so the worker bundle needs no copy of the text).
 */
export type SearchRequest =
  | { type: 'init'; catalogue: WorkInfo[]; sectionUrls?: SectionUrls }
  | { type: 'search'; id: number; query: string; scope: SearchScope }
  | { type: 'prepare'; scope: SearchScope }
  | { type: 'section'; requestId: number; section: Section }
  | { type: 'section-error'; requestId: number; message: string };

/** Worker → client. `stale`: a newer query arrived before this one ran. `load`: send me this section. */
export type SearchResponse =
  | { type: 'results'; id: number; results: SearchResults; ms: number }
  | { type: 'stale'; id: number }
  | { type: 'error'; id: number; message: string }
  | { type: 'load'; requestId: number; workId: string; sectionId: string };

/** The requests the search service itself answers. */
export type QueryRequest = Extract<SearchRequest, { type: 'search' | 'prepare' }>;
