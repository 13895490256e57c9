import { Fragment } from 'preact';
import type { WorkInfo } from '../../content/types';
import type { Locator } from '../../reader/locator';
import { formatMinutes, minutesFor } from '../../reader/reading-speed';
import { routeHash } from '../../state/router';
import './style.css';

interface Props {
  work: WorkInfo;
  position: Locator | undefined;
  wpm: number;
}

const number = new Intl.NumberFormat('en');

/** Rounds a word count for display: "≈ 21,600 words". */
export function approxWords(words: number): string {
  const rounded = words >= 1000 ? Math.round(words / 100) * 100 : words;
  return `≈ ${number.format(rounded)} words`;
}

/** A work in the library: what the text says and what this app adds, kept apart, and a link that opens it. */
export function WorkCard({ work, position, wpm }: Props) {
  const { fromText, addedByApp } = work.meta;
  const titleId = `title-${work.id}`;
  const percent = position ? Math.round(position.totalProgression * 100) : 0;
  const sections = work.sections.length;
  return (
    <article class="work-card" aria-labelledby={titleId}>
      <h2 class="work-title" id={titleId}>
        <a href={routeHash({ name: 'read', workId: work.id })}>{addedByApp.displayTitle}</a>
      </h2>
      {fromText.title === null && (
        <p class="untitled-note">
          <span class="badge">No title in the source</span> It opens: “{fromText.opening}…”
        </p>
      )}
      <p class="work-stats">
        {approxWords(work.words)} · about {formatMinutes(minutesFor(work.words, wpm))} · {sections}{' '}
        {sections === 1 ? 'section' : 'sections'}
      </p>
      {position && (
        <p class="work-progress">
          <a href={routeHash({ name: 'read', workId: work.id })} aria-label={`Continue reading ${addedByApp.displayTitle}, ${percent}% read`}>
            Continue reading
          </a>{' '}
          <span class="muted">({percent}% read)</span>
        </p>
      )}
      <div class="provenance">
        <div class="from-text">
          <h3>From the text</h3>
          <dl>
            <dt>Title</dt>
            <dd>{fromText.title ?? 'None given'}</dd>
            {fromText.notes.map((note) => (
              <Fragment key={note}>
                <dt>Note</dt>
                <dd>{note}</dd>
              </Fragment>
            ))}
          </dl>
        </div>
        <div class="added-by-app">
          <h3>
            Added by this app <span class="badge">Quire</span>
          </h3>
          <dl>
            <dt>Fandom</dt>
            <dd>{addedByApp.fandom}</dd>
            <dt>Relationship</dt>
            <dd>{addedByApp.relationship}</dd>
            <dt>Characters</dt>
            <dd>{addedByApp.characters.join(', ')}</dd>
            <dt>Tags</dt>
            <dd>
              <ul class="tags">
                {addedByApp.tags.map((tag) => (
                  <li key={tag}>{tag}</li>
                ))}
              </ul>
            </dd>
            <dt>Content notes</dt>
            <dd>
              <ul class="content-notes">
                {addedByApp.contentNotes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </dd>
            {addedByApp.adult && (
              <>
                <dt>Audience</dt>
                <dd>Adults only</dd>
              </>
            )}
          </dl>
        </div>
      </div>
    </article>
  );
}
