/** Messages between the search client and its worker. See ./README.md. */
import type { SearchResults, SearchScope } from './types';

/** Client → worker. `prepare` builds indexes ahead of the first query. */
export type SearchRequest =
  | { type: 'search'; id: number; query: string; scope: SearchScope }
  | { type: 'prepare'; scope: SearchScope };

/** Worker → client. `stale`: a newer query arrived before this one ran. */
export type SearchResponse =
  | { type: 'results'; id: number; results: SearchResults; ms: number }
  | { type: 'stale'; id: number }
  | { type: 'error'; id: number; message: string };
