/** The search engine: indexes built once per work (lazily, on first use) and searched. See ./README.md. */
import type { WorkInfo } from '../content/types';
import { buildWorkIndex, searchIndexes, type SearchOptions, type WorkIndex } from './search';
import type { SearchResults, SearchScope, SectionLoader } from './types';

/** Searches the works of a catalogue, loading their sections through `loadSection`. */
export interface SearchEngine {
  /** Builds (once) the indexes a scope needs; rejects with a clear message for an unknown work. */
  prepare(scope: SearchScope): Promise<WorkIndex[]>;
  search(query: string, scope: SearchScope, options?: SearchOptions): Promise<SearchResults>;
}

/** Creates an engine over `catalogue`; nothing is loaded until the first search or prepare. */
export function createSearchEngine(catalogue: readonly WorkInfo[], loadSection: SectionLoader): SearchEngine {
  const indexes = new Map<string, Promise<WorkIndex>>();

  const indexFor = (work: WorkInfo): Promise<WorkIndex> => {
    let index = indexes.get(work.id);
    if (!index) {
      index = Promise.all(work.sections.map((info) => loadSection(work.id, info.id))).then((sections) =>
        buildWorkIndex(work.id, sections, work.meta.addedByApp.displayTitle),
      );
      // A failed load is not cached: the next search tries again.
      index.catch(() => indexes.delete(work.id));
      indexes.set(work.id, index);
    }
    return index;
  };

  const prepare = (scope: SearchScope): Promise<WorkIndex[]> => {
    if (scope === 'all') return Promise.all(catalogue.map(indexFor));
    const work = catalogue.find((w) => w.id === scope.workId);
    if (!work) return Promise.reject(new Error(`Cannot search: there is no work with the id "${scope.workId}".`));
    return indexFor(work).then((index) => [index]);
  };

  return {
    prepare,
    async search(query, scope, options) {
      return searchIndexes(await prepare(scope), query, options);
    },
  };
}
