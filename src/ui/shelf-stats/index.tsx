/** "Your reading": the statistics kept on this device, all works together, with a 30-day chart and a reset. */
import { useState } from 'preact/hooks';
import type { StatsState } from '../../stats/state';
import { DaysChart } from './chart';
import { StatsFigures } from './figures';
import './style.css';

export { StatsFigures } from './figures';

/** The library's statistics section. */
export function ReadingStats({ stats }: { stats: StatsState }) {
  void stats.version.value; // re-render on every change
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const now = Date.now();
  const summary = stats.book.summary(undefined, now);
  return (
    <section class="reading-stats" aria-labelledby="stats-title">
      <h2 id="stats-title">Your reading</h2>
      <p class="muted">
        Kept on this device only. Time counts pages you stayed on between 2 seconds and 5 minutes: skims and pauses are
        left out.
      </p>
      <StatsFigures summary={summary} />
      <DaysChart points={stats.book.lastDays(30, now)} />
      <div class="stats-reset">
        {confirming ? (
          <>
            <span>Forget all reading statistics on this device?</span>
            <button
              type="button"
              class="button"
              onClick={async () => {
                setConfirming(false);
                await stats.reset();
                setDone(true);
              }}
            >
              Yes, reset statistics
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </>
        ) : (
          <button
            type="button"
            class="button"
            onClick={() => {
              setDone(false);
              setConfirming(true);
            }}
          >
            Reset reading statistics
          </button>
        )}
        <p role="status" class="muted">
          {done ? 'Reading statistics reset.' : ''}
        </p>
      </div>
    </section>
  );
}
