/** "About this work" (#/about/<id>): everything known of a work, its sections with their progress, and its reading statistics. */
import { useEffect, useRef } from 'preact/hooks';
import type { WorkInfo } from '../../content/types';
import type { Locator } from '../../reader/locator';
import { formatMinutes, minutesFor } from '../../reader/reading-speed';
import { routeHash } from '../../state/router';
import type { StatsState } from '../../stats/state';
import { Cover } from '../shelf-cover';
import { percentRead, sectionPercent } from '../shelf/order';
import { StatsFigures } from '../shelf-stats';
import { Provenance } from './facts';
import './style.css';

interface Props {
  work: WorkInfo;
  position: Locator | undefined;
  wpm: number;
  stats: StatsState;
  finished?: boolean;
}

const number = new Intl.NumberFormat('en');

/** Rounds a word count for display: "≈ 21,600 words". */
export function approxWords(words: number): string {
  const rounded = words >= 1000 ? Math.round(words / 100) * 100 : words;
  return `≈ ${number.format(rounded)} words`;
}

/** The page about one work. */
export function AboutWork({ work, position, wpm, stats, finished = false }: Props) {
  void stats.version.value;
  const { fromText, addedByApp } = work.meta;
  const title = addedByApp.displayTitle;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [work.id]);
  const percent = percentRead(position, finished);
  const left = finished ? 0 : work.words * (1 - (position?.totalProgression ?? 0));
  const count = work.sections.length;
  const read = routeHash({ name: 'read', workId: work.id });
  return (
    <div class="about-work">
      <nav class="about-nav" aria-label="About this work">
        <a class="button" href={routeHash({ name: 'library' })}>
          Back to library
        </a>
      </nav>
      <main class="about-main" aria-labelledby="about-title">
        <div class="about-top">
          <Cover workId={work.id} class="about-cover" />
          <div class="about-summary">
            <p class="about-kicker muted">About this work</p>
            <h1 id="about-title" tabIndex={-1} ref={heading}>
              {title}
            </h1>
            {fromText.title === null && (
              <p class="untitled-note">
                <span class="badge">No title in the source</span> It opens: “{fromText.opening}
                {/[.!?…]$/.test(fromText.opening) ? '' : '…'}”
              </p>
            )}
            <p class="work-stats">
              {approxWords(work.words)} · about {formatMinutes(minutesFor(work.words, wpm))} · {count} {count === 1 ? 'section' : 'sections'}
            </p>
            <p class="work-progress">
              {percent}% read{left > 0 && position ? ` · ${formatMinutes(minutesFor(left, wpm))} left` : ''}
            </p>
            <a class="button primary" href={read} aria-label={position ? `Continue reading ${title}, ${percent}% read` : `Start ${title}`}>
              {position ? 'Continue reading' : 'Start reading'}
            </a>
          </div>
        </div>
        <Provenance work={work} />
        <section class="about-sections" aria-labelledby="sections-title">
          <h2 id="sections-title">Sections</h2>
          <ol>
            {work.sections.map((s) => (
              <li key={s.id}>
                <span class="section-name">
                  {s.title}
                  {s.titleSource === 'app' && <span class="badge">named by this app</span>}
                </span>
                <span class="muted">{approxWords(s.words)}</span>
                <span>{sectionPercent(s, position, work.sections, finished)}% read</span>
              </li>
            ))}
          </ol>
        </section>
        <section class="about-stats" aria-labelledby="work-stats-title">
          <h2 id="work-stats-title">Your reading of this work</h2>
          <StatsFigures summary={stats.book.summary(work.id)} />
        </section>
      </main>
    </div>
  );
}
