/** One work on the shelf: cover, title, fandom, progress, time left, and the way in; the last-read one larger, with its place. */
import type { WorkInfo } from '../../content/types';
import type { Locator } from '../../reader/locator';
import { formatMinutes, minutesFor } from '../../reader/reading-speed';
import { routeHash } from '../../state/router';
import { memo } from '../memo';
import { Cover } from '../shelf-cover';
import { percentRead, progressOf } from './order';

interface Props {
  work: WorkInfo;
  position: Locator | undefined;
  wpm: number;
  /** The "Continue reading" entry: its section and where the reader stopped. */
  featured?: boolean;
  /** Shown as finished (the reader reached the end). */
  finished?: boolean;
}

/** A shelf entry. */
export const ShelfEntry = memo(function ShelfEntry({ work, position, wpm, featured = false, finished = false }: Props) {
  const { fromText, addedByApp } = work.meta;
  const title = addedByApp.displayTitle;
  const percent = percentRead(position, finished);
  const left = finished ? 0 : work.words * (1 - progressOf(position));
  const read = routeHash({ name: 'read', workId: work.id });
  const section = position && work.sections.find((s) => s.id === position.sectionId);
  const snippet = position?.quote.text.trim();
  const action = position ? (featured ? 'Continue reading' : 'Continue') : 'Start';
  const actionName = position ? `Continue reading ${title}, ${percent}% read` : `Start ${title}`;
  return (
    <article class={`shelf-entry${featured ? ' featured' : ''}`} aria-labelledby={`entry-${work.id}`}>
      <Cover workId={work.id} class="entry-cover" />
      <div class="entry-body">
        <div class="entry-line">
          <h3 class="entry-title" id={`entry-${work.id}`}>
            {/* The whole entry is this link's target (see style.css); the other links sit above it. */}
            <a class="entry-open" href={read}>
              {title}
            </a>
          </h3>
          {fromText.title === null && <span class="entry-opening muted">“{fromText.opening}”</span>}
        </div>
        <p class="entry-line muted">
          <span class="entry-fandom">{addedByApp.fandom}</span>
          <a class="entry-about" href={routeHash({ name: 'about', workId: work.id })} aria-label={`About this work: ${title}`}>
            About
          </a>
        </p>
        {featured && section && (
          <p class="entry-line entry-place">
            <span class="entry-section">{section.title}</span>
            {snippet && <span class="entry-snippet muted">“{snippet}…”</span>}
          </p>
        )}
        <p class="entry-line entry-progress">
          <span class="entry-bar" aria-hidden="true">
            <span class="entry-bar-fill" style={{ width: `${percent}%` }} />
          </span>
          <span>{percent}%</span>
          <span class="muted">{left > 0 ? `${formatMinutes(minutesFor(left, wpm))} left` : 'finished'}</span>
        </p>
      </div>
      <a class={`button entry-action${featured ? ' primary' : ''}`} href={read} aria-label={actionName}>
        {action}
      </a>
    </article>
  );
});
