/** Reading statistics as figures: time reading, sittings, words, speed, days in a row. */
import { formatMinutes } from '../../reader/reading-speed';
import type { StatsSummary } from '../../stats/types';

const number = new Intl.NumberFormat('en');

/** "none yet", "less than a minute", "12 min", "1 h 5 min". */
export function formatDuration(ms: number): string {
  return ms <= 0 ? 'none yet' : formatMinutes(ms / 60_000);
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** The figures of one summary, as a description list. */
export function StatsFigures({ summary }: { summary: StatsSummary }) {
  return (
    <dl class="stats-figures">
      <div>
        <dt>Time reading</dt>
        <dd>{formatDuration(summary.ms)}</dd>
      </div>
      <div>
        <dt>Sittings</dt>
        <dd>{number.format(summary.sittings)}</dd>
      </div>
      <div>
        <dt>Words read</dt>
        <dd>{number.format(Math.round(summary.words))}</dd>
      </div>
      <div>
        <dt>Speed</dt>
        <dd>{summary.wpm === null ? 'not measured yet' : `${Math.round(summary.wpm)} words a minute`}</dd>
      </div>
      <div>
        <dt>Days in a row</dt>
        <dd>
          {days(summary.currentStreak)} <span class="muted">(longest {days(summary.longestStreak)})</span>
        </dd>
      </div>
      <div>
        <dt>Days read</dt>
        <dd>{days(summary.days)}</dd>
      </div>
    </dl>
  );
}
