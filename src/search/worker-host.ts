/** What runs inside the search worker, apart from the worker global so it is testable. See ./README.md. */
import type { Section } from '../content/types';
import { createSearchEngine } from './engine';
import type { QueryRequest, SearchRequest, SearchResponse } from './protocol';
import { createSearchService } from './service';

/** Returns the worker's message handler; `reply` posts back to the client. */
export function createWorkerHost(reply: (response: SearchResponse) => void): (request: SearchRequest) => void {
  let handle: ((request: QueryRequest) => Promise<void>) | null = null;
  const loads = new Map<number, { resolve: (section: Section) => void; reject: (error: Error) => void }>();
  let nextLoad = 1;
  // Sections come from the main thread, which already has the content chunks.
  const loadSection = (workId: string, sectionId: string): Promise<Section> =>
    new Promise((resolve, reject) => {
      const requestId = nextLoad++;
      loads.set(requestId, { resolve, reject });
      reply({ type: 'load', requestId, workId, sectionId });
    });
  return (request) => {
    switch (request.type) {
      case 'init':
        handle = createSearchService(createSearchEngine(request.catalogue, loadSection), reply);
        return;
      case 'section':
      case 'section-error': {
        const waiting = loads.get(request.requestId);
        loads.delete(request.requestId);
        if (request.type === 'section') waiting?.resolve(request.section);
        else waiting?.reject(new Error(request.message));
        return;
      }
      default:
        if (!handle) throw new Error('The search worker was used before it was given the catalogue.');
        void handle(request);
    }
  };
}
