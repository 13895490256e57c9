import { describe, expect, test } from 'vitest';
import type { Section, WorkInfo } from '../../../src/content/types';
import { createSearchClient, type WorkerLike } from '../../../src/search/client';
import { createSearchEngine } from '../../../src/search/engine';
import type { SearchRequest, SearchResponse } from '../../../src/search/protocol';
import { warmUpQuery } from '../../../src/search/search';
import { createSearchService } from '../../../src/search/service';
import { createWorkerHost } from '../../../src/search/worker-host';
import { workSections, WORKS } from './fixtures';

const sectionsById = new Map<string, Section[]>([
  [WORKS.untitled, workSections(WORKS.untitled)],
  [WORKS.making, workSections(WORKS.making)],
]);

function workInfo(id: string, title: string): WorkInfo {
  const sections = sectionsById.get(id) ?? [];
  return {
    id,
    sha256: '0'.repeat(64),
    meta: {
      fromText: { title: null, opening: '', notes: [], paragraphs: 0, words: 0 },
      addedByApp: {
        displayTitle: title, fandom: '', relationship: '', characters: [], tags: [], contentNotes: [], adult: false, adultReason: '',
      },
    },
    words: sections.reduce((sum, s) => sum + s.words, 0),
    sections: sections.map(({ blocks: _blocks, ...info }) => info),
  };
}

const catalogue = [workInfo(WORKS.untitled, 'Untitled'), workInfo(WORKS.making, 'Making It Work')];

function countingLoader() {
  const calls: string[] = [];
  const load = async (workId: string, sectionId: string): Promise<Section> => {
    calls.push(`${workId}/${sectionId}`);
    const section = sectionsById.get(workId)?.find((s) => s.id === sectionId);
    if (!section) throw new Error(`no section ${workId}/${sectionId}`);
    return section;
  };
  return { calls, load };
}

describe('the search engine', () => {
  test('loads each section of a work once, however many searches follow', async () => {
    const { calls, load } = countingLoader();
    const engine = createSearchEngine(catalogue, load);
    const first = await engine.search("didn't", { workId: WORKS.making });
    await engine.search('Asami', { workId: WORKS.making });
    await engine.search('doctor', { workId: WORKS.making });
    expect(first.total).toBeGreaterThan(0);
    expect(calls.length).toBe(sectionsById.get(WORKS.making)?.length);
    expect(calls.every((c) => c.startsWith(`${WORKS.making}/`))).toBe(true);
  });

  test('searches every work for scope "all", with work titles on the groups', async () => {
    const engine = createSearchEngine(catalogue, countingLoader().load);
    const results = await engine.search("didn't", 'all');
    expect(new Set(results.groups.map((g) => g.workTitle))).toEqual(new Set(['Untitled', 'Making It Work']));
  });

  test('rejects an unknown work id with a clear message', async () => {
    const engine = createSearchEngine(catalogue, countingLoader().load);
    await expect(engine.search('asami', { workId: 'no-such-work' })).rejects.toThrow(/no work with the id "no-such-work"/);
  });

  test('does not keep a failed load: the next search tries again', async () => {
    let fail = true;
    const { load } = countingLoader();
    const engine = createSearchEngine(catalogue, async (w, s) => {
      if (fail) throw new Error('offline');
      return load(w, s);
    });
    await expect(engine.search('asami', { workId: WORKS.making })).rejects.toThrow('offline');
    fail = false;
    expect((await engine.search('asami', { workId: WORKS.making })).total).toBeGreaterThan(0);
  });
});

/** A Worker stand-in that runs the real worker host in the same thread, delivering messages asynchronously. */
function inThreadWorker(): WorkerLike & { requests: SearchRequest[] } {
  const fake: WorkerLike & { requests: SearchRequest[] } = {
    requests: [],
    onmessage: null,
    onerror: null,
    postMessage(message) {
      fake.requests.push(message);
      setTimeout(() => onRequest(message), 0);
    },
    terminate() {},
  };
  const onRequest = createWorkerHost((response: SearchResponse) => {
    setTimeout(() => fake.onmessage?.({ data: response } as MessageEvent<SearchResponse>), 0);
  });
  return fake;
}

/** A client over the real works, loading sections in this thread. */
function client(createWorker: () => WorkerLike = inThreadWorker) {
  return createSearchClient({ catalogue, loadSection: countingLoader().load, createWorker });
}

describe('the search client', () => {
  test('answers a search with the worker\'s results', async () => {
    const search = client();
    const results = await search.search("didn't", { workId: WORKS.untitled });
    expect(results?.total).toBeGreaterThan(10);
  });

  test('answers a superseded query with null, and only the newest with results', async () => {
    const search = client();
    const typed = ['di', 'did', 'didn', "didn'", "didn't"].map((q) => search.search(q, { workId: WORKS.making }));
    const answers = await Promise.all(typed);
    expect(answers.slice(0, -1)).toEqual([null, null, null, null]);
    expect(answers.at(-1)?.query).toBe("didn't");
  });

  test('the worker skips queries overtaken while the index was being built', async () => {
    const replies: SearchResponse[] = [];
    const handle = createSearchService(createSearchEngine(catalogue, countingLoader().load), (r) => replies.push(r));
    await Promise.all([
      handle({ type: 'search', id: 1, query: 'asami', scope: { workId: WORKS.making } }),
      handle({ type: 'search', id: 2, query: 'akihito', scope: { workId: WORKS.making } }),
    ]);
    expect(replies.map((r) => r.type)).toEqual(['stale', 'results']);
  });

  test('rejects with the worker\'s message for an unknown work', async () => {
    const search = client();
    await expect(search.search('asami', { workId: 'nope' })).rejects.toThrow(/no work with the id "nope"/);
  });

  test('a crashed worker rejects what waits and the next search starts a new one', async () => {
    let made = 0;
    let current: WorkerLike | undefined;
    const search = client(() => {
      made++;
      current = inThreadWorker();
      return current;
    });
    const waiting = search.search('asami', { workId: WORKS.making });
    current?.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    await expect(waiting).rejects.toThrow(/Search stopped working: boom/);
    expect((await search.search('asami', { workId: WORKS.making }))?.total).toBeGreaterThan(0);
    expect(made).toBe(2);
  });
});

describe('the worker fetching sections itself', () => {
  const urls = Object.fromEntries(catalogue.map((w) => [w.id, Object.fromEntries(w.sections.map((s) => [s.id, `/assets/${w.id}_${s.id}.json`]))]));
  /** A fetch over the compiled works' blocks, counting what was asked of it. */
  function fakeFetch(broken = '') {
    const asked: string[] = [];
    const fetcher = (async (url: string) => {
      asked.push(url);
      const [workId, sectionId] = url.replace('/assets/', '').replace('.json', '').split('_');
      const section = sectionsById.get(workId ?? '')?.find((s) => s.id === sectionId);
      if (!section || url === broken) return new Response('Not found', { status: 404 });
      return new Response(JSON.stringify(section.blocks), { headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    return { asked, fetcher };
  }
  function host(fetcher: typeof fetch) {
    const replies: SearchResponse[] = [];
    const onRequest = createWorkerHost((r) => replies.push(r), fetcher);
    onRequest({ type: 'init', catalogue, sectionUrls: urls });
    const answer = async (id: number, query: string) => {
      onRequest({ type: 'search', id, query, scope: { workId: WORKS.making } });
      for (let i = 0; i < 100 && !replies.some((r) => 'id' in r && r.id === id); i++) await new Promise((r) => setTimeout(r, 0));
      return replies.find((r) => 'id' in r && r.id === id);
    };
    return { replies, answer };
  }

  test('fetches each section from its URL once and never asks the main thread', async () => {
    const { asked, fetcher } = fakeFetch();
    const { replies, answer } = host(fetcher);
    const first = await answer(1, 'asami');
    const second = await answer(2, 'akihito');
    expect(first?.type).toBe('results');
    expect(second?.type).toBe('results');
    expect(asked.sort()).toEqual(Object.values(urls[WORKS.making] ?? {}).sort());
    expect(replies.filter((r) => r.type === 'load')).toEqual([]);
  });

  test('a section that will not load is a readable error', async () => {
    const broken = `/assets/${WORKS.making}_story.json`;
    const { fetcher } = fakeFetch(broken);
    const { answer } = host(fetcher);
    const failed = await answer(1, 'asami');
    expect(failed).toMatchObject({ type: 'error', message: expect.stringMatching(/Section "story" of "making-it-work" could not be loaded \(HTTP 404\)/) });
  });
});

describe('prepareWhenIdle', () => {
  test('asks the worker to build the index only once the main thread is idle, and can be cancelled', async () => {
    const made: ReturnType<typeof inThreadWorker>[] = [];
    const search = client(() => {
      const w = inThreadWorker();
      made.push(w);
      return w;
    });
    const cancel = search.prepareWhenIdle({ workId: WORKS.untitled });
    cancel();
    search.prepareWhenIdle({ workId: WORKS.making });
    expect(made).toHaveLength(0); // nothing at once: not even the worker starts
    for (let i = 0; i < 50 && made.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(made[0]?.requests.filter((r) => r.type === 'prepare')).toEqual([{ type: 'prepare', scope: { workId: WORKS.making } }]);
  });
});

describe('warming up', () => {
  test('a prepare searches the index once, unseen, with two letters the text holds', async () => {
    const searched: string[] = [];
    const engine = createSearchEngine(catalogue, countingLoader().load);
    const counting = { prepare: engine.prepare, search: (q: string, scope: Parameters<typeof engine.search>[1]) => (searched.push(q), engine.search(q, scope)) };
    const replies: SearchResponse[] = [];
    const handle = createSearchService(counting, (r) => replies.push(r));
    await handle({ type: 'prepare', scope: { workId: WORKS.making } });
    await handle({ type: 'prepare', scope: { workId: WORKS.untitled } });
    expect(searched).toHaveLength(1);
    expect(searched[0]).toMatch(/^\p{L}{2}$/u);
    const [index] = await engine.prepare({ workId: WORKS.making });
    expect(index?.text.includes(searched[0] as string)).toBe(true);
    // Nothing is said to the client about it.
    expect(replies).toEqual([]);
  });

  test('warmUpQuery takes the first two letters side by side from the middle on (else from the start), or none', () => {
    expect(warmUpQuery({ text: 'ab cd ef' })).toBe('ef');
    expect(warmUpQuery({ text: 'abcdefgh' })).toBe('ef');
    expect(warmUpQuery({ text: '12 34 xy' })).toBe('xy');
    expect(warmUpQuery({ text: 'xy 12 34' })).toBe('xy');
    expect(warmUpQuery({ text: '1 2 3' })).toBe('');
  });
});
