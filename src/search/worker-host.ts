/** What runs inside the search worker, apart from the worker global so it is testable. See ./README.md. */
import type { Block, Section, WorkInfo } from '../content/types';
import { createSearchEngine } from './engine';
import type { QueryRequest, SearchRequest, SearchResponse, SectionUrls } from './protocol';
import { createSearchService } from './service';

/** Fetches a section's blocks from its URL and checks them against the catalogue. */
async function fetchSection(catalogue: readonly WorkInfo[], workId: string, sectionId: string, url: string, fetcher: typeof fetch): Promise<Section> {
  const info = catalogue.find((w) => w.id === workId)?.sections.find((s) => s.id === sectionId);
  if (!info) throw new Error(`Work "${workId}" has no section "${sectionId}".`);
  const response = await fetcher(url);
  if (!response.ok) throw new Error(`Section "${sectionId}" of "${workId}" could not be loaded (HTTP ${response.status}).`);
  const blocks = (await response.json()) as Block[];
  if (!Array.isArray(blocks) || blocks.length !== info.blockCount) throw new Error(`Section "${sectionId}" of "${workId}" is not the one the catalogue lists.`);
  return { ...info, blocks };
}

/**
 * Returns the worker's message handler; `reply` posts back to the client. Sections with a URL
 * (from `init`) are fetched here, off the main thread; others are asked of the client (`load`).
 */
export function createWorkerHost(reply: (response: SearchResponse) => void, fetcher: typeof fetch = (...a) => fetch(...a)): (request: SearchRequest) => void {
  let handle: ((request: QueryRequest) => Promise<void>) | null = null;
  const loads = new Map<number, { resolve: (section: Section) => void; reject: (error: Error) => void }>();
  let nextLoad = 1;
  const askClient = (workId: string, sectionId: string): Promise<Section> =>
    new Promise((resolve, reject) => {
      const requestId = nextLoad++;
      loads.set(requestId, { resolve, reject });
      reply({ type: 'load', requestId, workId, sectionId });
    });
  return (request) => {
    switch (request.type) {
      case 'init': {
        const { catalogue } = request;
        const urls: SectionUrls = request.sectionUrls ?? {};
        const loadSection = (workId: string, sectionId: string): Promise<Section> => {
          const url = urls[workId]?.[sectionId];
          return url ? fetchSection(catalogue, workId, sectionId, url, fetcher) : askClient(workId, sectionId);
        };
        handle = createSearchService(createSearchEngine(catalogue, loadSection), reply);
        return;
      }
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
