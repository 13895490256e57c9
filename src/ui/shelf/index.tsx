/** The shelf: the last-read work first as "Continue reading", then every other work, sortable and filterable once there are more than a handful. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { WorkInfo } from '../../content/types';
import type { Locator } from '../../reader/locator';
import { ShelfEntry } from './entry';
import { arrange, filterChoices, HANDFUL, lastRead, type ShelfFilter, type ShelfSort } from './order';
import './style.css';

interface Props {
  works: readonly WorkInfo[];
  positions: Readonly<Record<string, Locator | undefined>>;
  wpm: number;
  /** Works the reader has read to the end. */
  finished?: ReadonlySet<string>;
}

/** Entries drawn at once; more follow as the reader scrolls near the end (a long library costs no more to open). */
const BATCH = 24;

/** The shelf of works. */
export function Shelf({ works, positions, wpm, finished }: Props) {
  const [sort, setSort] = useState<ShelfSort>('recent');
  const [filter, setFilter] = useState<ShelfFilter>('all');
  const [shown, setShown] = useState(BATCH);
  const last = lastRead(works, positions);
  const rest = arrange(
    works.filter((w) => w !== last),
    positions,
    sort,
    filter,
  );
  const more = rest.length - shown;
  const hasMore = more > 0;
  const sentinel = useRef<HTMLLIElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return undefined;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown((n) => n + BATCH);
    }, { rootMargin: '400px' });
    io.observe(el);
    return () => io.disconnect();
  }, [hasMore, shown]);
  const choices = works.length > HANDFUL ? filterChoices(works) : null;
  return (
    <div class="shelf">
      {last && (
        <section class="shelf-continue" aria-labelledby="continue-title">
          <h2 id="continue-title" class="shelf-heading">
            Continue reading
          </h2>
          <ShelfEntry work={last} position={positions[last.id]} wpm={wpm} featured finished={finished?.has(last.id) ?? false} />
        </section>
      )}
      <section class="shelf-all" aria-labelledby="shelf-title">
        <h2 id="shelf-title" class={last ? 'shelf-heading' : 'visually-hidden'}>
          {last ? 'Also on your shelf' : 'Your shelf'}
        </h2>
        {choices && (
          <div class="shelf-controls">
            <label>
              <span>Sort</span>
              <select value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as ShelfSort)}>
                <option value="recent">Recently read</option>
                <option value="title">Title</option>
                <option value="progress">Progress</option>
              </select>
            </label>
            <label>
              <span>Show</span>
              <select value={filter} onChange={(e) => setFilter((e.target as HTMLSelectElement).value)}>
                <option value="all">All works</option>
                <optgroup label="Fandom">
                  {choices.fandoms.map((f) => (
                    <option key={f} value={`fandom:${f}`}>
                      {f}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Tag">
                  {choices.tags.map((t) => (
                    <option key={t} value={`tag:${t}`}>
                      {t}
                    </option>
                  ))}
                </optgroup>
              </select>
            </label>
            <span class="visually-hidden" role="status">
              {rest.length} {rest.length === 1 ? 'work' : 'works'} shown
            </span>
          </div>
        )}
        <ul class="shelf-list">
          {rest.slice(0, shown).map((w) => (
            <li key={w.id}>
              <ShelfEntry work={w} position={positions[w.id]} wpm={wpm} finished={finished?.has(w.id) ?? false} />
            </li>
          ))}
          {more > 0 && (
            <li ref={sentinel} class="shelf-more">
              <button type="button" class="button" onClick={() => setShown((n) => n + BATCH)}>
                Show {Math.min(more, BATCH)} more of {more}
              </button>
            </li>
          )}
        </ul>
      </section>
    </div>
  );
}
