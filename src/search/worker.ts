/** The search worker: wires messages to the search service; the work happens in engine.ts. See ./README.md. */
/// <reference lib="webworker" />
import { catalogue, loadSection } from '../content/catalogue';
import { createSearchEngine } from './engine';
import type { SearchRequest, SearchResponse } from './protocol';
import { createSearchService } from './service';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createSearchService(createSearchEngine(catalogue, loadSection), (response: SearchResponse) =>
  scope.postMessage(response),
);
scope.onmessage = (event: MessageEvent<SearchRequest>) => void handle(event.data);
