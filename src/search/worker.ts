/** The search worker: wires messages to the worker host; the work happens in engine.ts. See ./README.md. */
/// <reference lib="webworker" />
import type { SearchRequest, SearchResponse } from './protocol';
import { createWorkerHost } from './worker-host';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const onRequest = createWorkerHost((response: SearchResponse) => scope.postMessage(response));
scope.onmessage = (event: MessageEvent<SearchRequest>) => onRequest(event.data);
