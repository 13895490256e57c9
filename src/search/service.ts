/** The worker's message handler, apart from the worker global so it is testable. See ./README.md. */
import type { SearchEngine } from './engine';
import type { QueryRequest, SearchResponse } from './protocol';
import { warmUpQuery } from './search';

/** Returns a handler that answers requests with `reply`, skipping queries overtaken by newer ones. */
export function createSearchService(
  engine: SearchEngine,
  reply: (response: SearchResponse) => void,
  now: () => number = () => performance.now(),
): (request: QueryRequest) => Promise<void> {
  let latest = -1;
  let warm = false;
  return async (request) => {
    if (request.type === 'prepare') {
      // Errors surface on the first search instead.
      const [index] = (await engine.prepare(request.scope).catch(() => null)) ?? [];
      // Searched once, unseen, so the reader's first query runs optimised code (see warmUpQuery).
      if (index && !warm) {
        warm = true;
        await engine.search(warmUpQuery(index), request.scope).catch(() => undefined);
      }
      return;
    }
    const { id, query, scope } = request;
    latest = Math.max(latest, id);
    try {
      await engine.prepare(scope);
      if (id !== latest) {
        reply({ type: 'stale', id });
        return;
      }
      const started = now();
      const results = await engine.search(query, scope);
      reply({ type: 'results', id, results, ms: now() - started });
    } catch (error) {
      reply({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
    }
  };
}
