import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { describeResults, formatMatches, formatPercent } from '../../search/format';
import type { SearchHit, SearchResults } from '../../search/types';
import { FIRST_HITS, MORE_HITS, visibleGroups } from '../../search/visible';
import { Panel } from '../panel';
import './style.css';

interface Props {
  /** The input's visible label: "Search this work" in the reader, "Search all works" in the library. */
  label: string;
  /** Runs a search (e.g. `query => client.search(query, scope)`); `null` means superseded, ignore it. */
  search: (query: string) => Promise<SearchResults | null>;
  /** Called with the chosen hit; the caller jumps there and highlights it. */
  onOpen: (hit: SearchHit) => void;
  onClose: () => void;
  /** The query to start with (e.g. the last one, when the panel reopens). */
  initialQuery?: string;
  /** Told of every change of the query, so the caller can keep it for next time. */
  onQueryChange?: (query: string) => void;
  /** Put the work's title in each section heading (library search over all works). */
  showWorkTitles?: boolean;
}

type State =
  | { kind: 'idle' }
  | { kind: 'searching'; previous: SearchResults | null }
  | { kind: 'done'; results: SearchResults }
  | { kind: 'failed'; message: string };

/** How long the count waits before being announced, so screen readers are not told of every keystroke. */
const ANNOUNCE_DELAY_MS = 700;

/**
 * Search in a side panel: a labelled input, results grouped by section with
 * snippets (match marked), keyboard: ↑/↓ move through results, Enter opens,
 * Escape closes; the result count is announced politely.
 */
export function SearchPanel({ label, search, onOpen, onClose, initialQuery = '', onQueryChange, showWorkTitles = false }: Props) {
  const [query, setQuery] = useState(initialQuery);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const inputId = useId();
  const statusId = useId();

  useEffect(() => inputRef.current?.focus(), []);

  // The newest search wins: an older answer arriving late is dropped.
  const latest = useRef(0);
  const run = (value: string): void => {
    const id = ++latest.current;
    if (value.trim() === '') {
      setState({ kind: 'idle' });
      return;
    }
    setState((s) => ({ kind: 'searching', previous: s.kind === 'done' ? s.results : s.kind === 'searching' ? s.previous : null }));
    search(value).then(
      (results) => {
        if (id === latest.current && results) setState({ kind: 'done', results });
      },
      (error: unknown) => {
        if (id === latest.current) setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
  };

  // A query kept from the last time the panel was open is searched again at once.
  useEffect(() => {
    if (initialQuery) run(initialQuery);
    return () => {
      latest.current++;
    };
  }, []);

  const status = statusText(state);
  useEffect(() => {
    const timer = setTimeout(() => setAnnouncement(status), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const results = state.kind === 'done' ? state.results : state.kind === 'searching' ? state.previous : null;
  // New results paint their first screenful; the rest follow when the list's end comes into view.
  const [extra, setExtra] = useState<{ of: SearchResults | null; hits: number }>({ of: null, hits: 0 });
  const limit = FIRST_HITS + (extra.of === results ? extra.hits : 0);
  const visible = results ? visibleGroups(results.groups, limit) : { groups: [], hidden: 0 };
  const showMore = (): void => setExtra({ of: results, hits: limit - FIRST_HITS + MORE_HITS });
  const moreRef = useRef<HTMLButtonElement>(null);
  const hasMore = visible.hidden > 0;
  useEffect(() => {
    const more = moreRef.current;
    if (!more || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) showMore();
    });
    observer.observe(more);
    return () => observer.disconnect();
  }, [hasMore, limit, results]);

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button.search-hit') ?? []);
    const inInput = event.target === inputRef.current;
    // Home/End stay with the input's caret while typing.
    if (buttons.length === 0 || (inInput && (event.key === 'Home' || event.key === 'End'))) return;
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    let next: HTMLElement | undefined;
    if (event.key === 'Home') next = buttons[0];
    else if (event.key === 'End') next = buttons.at(-1);
    else if (event.key === 'ArrowDown') next = inInput ? buttons[0] : buttons[Math.min(at + 1, buttons.length - 1)];
    else if (at === 0) next = inputRef.current ?? undefined;
    else if (at > 0) next = buttons[at - 1];
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  return (
    <Panel title="Search" onClose={onClose} class="search-panel">
      <div class="search-panel-body" onKeyDown={onKeyDown}>
        <form
          role="search"
          class="search-form"
          onSubmit={(event) => {
            // Enter opens the first result.
            event.preventDefault();
            const first = results?.groups[0]?.hits[0];
            if (first) onOpen(first);
          }}
        >
          <label for={inputId} class="search-label">
            {label}
          </label>
          <input
            ref={inputRef}
            id={inputId}
            class="search-input"
            type="search"
            value={query}
            autocomplete="off"
            spellcheck={false}
            enterKeyHint="search"
            aria-describedby={statusId}
            onInput={(event) => {
              const value = event.currentTarget.value;
              setQuery(value);
              onQueryChange?.(value);
              // Searched straight from the keystroke, not from an effect a frame later.
              run(value);
            }}
          />
        </form>
        {/* data-query: the query whose results are on screen (for tools and tests; never read back). */}
        <p id={statusId} class={state.kind === 'failed' ? 'search-status error' : 'search-status'} data-query={state.kind === 'done' ? state.results.query : undefined}>
          {status}
        </p>
        <p class="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        {results && results.groups.length > 0 && (
          <div ref={listRef} class="search-results" aria-busy={state.kind === 'searching'}>
            {visible.groups.map((group) => (
              <div key={`${group.workId}/${group.sectionId}`} class="search-group">
                <h3 class="search-group-title">
                  {showWorkTitles && <span class="search-work-title">{group.workTitle}: </span>}
                  {group.sectionTitle}
                  <span class="search-count"> · {formatMatches(group.count)}</span>
                </h3>
                <ol class="search-hits">
                  {group.hits.map((hit) => (
                    <li key={`${hit.block}:${hit.offset}`}>
                      <button type="button" class="search-hit" onClick={() => onOpen(hit)}>
                        <span class="search-snippet">
                          {hit.snippet.clippedStart && '…'}
                          {hit.snippet.before}
                          <mark>{hit.snippet.match}</mark>
                          {hit.snippet.after}
                          {hit.snippet.clippedEnd && '…'}
                        </span>
                        <span class="search-place">
                          {hit.sectionTitle} · {formatPercent(hit.totalProgression)}
                        </span>
                      </button>
                    </li>
                  ))}
                </ol>
              </div>
            ))}
            {hasMore && (
              <button ref={moreRef} type="button" class="button search-more" onClick={showMore}>
                Show more results ({visible.hidden.toLocaleString('en')} not shown yet)
              </button>
            )}
          </div>
        )}
      </div>
    </Panel>
  );
}

function statusText(state: State): string {
  switch (state.kind) {
    case 'idle':
      return 'Type at least 2 characters to search.';
    case 'searching':
      return state.previous ? describeResults(state.previous) : 'Searching…';
    case 'done':
      return describeResults(state.results);
    case 'failed':
      return `Search failed: ${state.message}`;
  }
}
