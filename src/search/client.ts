/** The main-thread side of search: talks to the search worker, drops stale answers. See ./README.md. */
import type { WorkInfo } from '../content/types';
import type { SearchRequest, SearchResponse, SectionUrls } from './protocol';
import type { SearchResults, SearchScope, SectionLoader } from './types';
import { whenIdle } from '../device/idle';

/** The part of `Worker` the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: SearchRequest): void;
  onmessage: ((event: MessageEvent<SearchResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** Search from the main thread. */
export interface SearchClient {
  /**
   * Resolves with the results, or with `null` when a newer search was started
   * before this one answered (ignore it). Rejects with a readable message.
   */
  search(query: string, scope: SearchScope): Promise<SearchResults | null>;
  /** Starts building the indexes a scope needs (e.g. when the search panel opens). */
  prepare(scope: SearchScope): void;
  /**
   * Builds them once the main thread is idle (after a work's first page is shown), so the
   * first query finds its index ready. Returns a function that cancels it if not yet started.
   */
  prepareWhenIdle(scope: SearchScope): () => void;
  dispose(): void;
}

function createDefaultWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'search' }) as WorkerLike;
}

/** What the client needs: the works to search, how to load their text, and (in tests) a worker stand-in. */
export interface SearchClientOptions {
  catalogue: readonly WorkInfo[];
  loadSection: SectionLoader;
  /** Where the sections' files are: the worker fetches these itself, off the main thread. */
  sectionUrls?: SectionUrls;
  createWorker?: () => WorkerLike;
}

/** How long an idle prepare may wait for an idle moment before it starts anyway. */
const IDLE_TIMEOUT_MS = 3000;

/** Creates a client; the worker starts on first use. */
export function createSearchClient({ catalogue, loadSection, sectionUrls, createWorker = createDefaultWorker }: SearchClientOptions): SearchClient {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: SearchResults | null) => void; reject: (e: Error) => void }>();

  const settleAll = (error: Error | null): void => {
    for (const { resolve, reject } of pending.values()) {
      if (error) reject(error);
      else resolve(null);
    }
    pending.clear();
  };

  const getWorker = (): WorkerLike => {
    if (worker) return worker;
    const w = createWorker();
    w.onmessage = (event) => {
      const response = event.data;
      if (response.type === 'load') {
        loadSection(response.workId, response.sectionId).then(
          (section) => w.postMessage({ type: 'section', requestId: response.requestId, section }),
          (error: unknown) => w.postMessage({ type: 'section-error', requestId: response.requestId, message: error instanceof Error ? error.message : String(error) }),
        );
        return;
      }
      const waiting = pending.get(response.id);
      if (!waiting) return; // already superseded
      pending.delete(response.id);
      if (response.type === 'results') waiting.resolve(response.results);
      else if (response.type === 'stale') waiting.resolve(null);
      else waiting.reject(new Error(response.message));
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      settleAll(new Error(`Search stopped working: ${event.message || 'the search worker failed'}.`));
      w.terminate();
      worker = null; // the next search starts a fresh worker
    };
    w.postMessage({ type: 'init', catalogue: [...catalogue], ...(sectionUrls ? { sectionUrls } : {}) });
    worker = w;
    return w;
  };

  return {
    search(query, scope) {
      // Whoever still waits on an older query gets null now, so typing never waits on stale work.
      settleAll(null);
      const id = nextId++;
      const answer = new Promise<SearchResults | null>((resolve, reject) => pending.set(id, { resolve, reject }));
      getWorker().postMessage({ type: 'search', id, query, scope });
      return answer;
    },
    prepare(scope) {
      getWorker().postMessage({ type: 'prepare', scope });
    },
    prepareWhenIdle(scope) {
      return whenIdle(() => getWorker().postMessage({ type: 'prepare', scope }), IDLE_TIMEOUT_MS);
    },
    dispose() {
      settleAll(null);
      worker?.terminate();
      worker = null;
    },
  };
}
