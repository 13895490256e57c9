/** The last 30 days as a small bar chart (inline SVG), with the same numbers in a table for assistive technology and anyone who wants them. */
import type { DayPoint } from '../../stats/types';

const W = 300;
const H = 72;
const dayLabel = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const label = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));

/** Minutes read each day, drawn, then listed. */
export function DaysChart({ points }: { points: readonly DayPoint[] }) {
  const minutes = points.map((p) => p.ms / 60_000);
  const top = Math.max(1, ...minutes);
  const total = Math.round(minutes.reduce((a, b) => a + b, 0));
  const step = W / Math.max(1, points.length);
  const first = points[0];
  const last = points.at(-1);
  return (
    <figure class="days-chart">
      <figcaption>Minutes read each day, last {points.length} days</figcaption>
      <svg viewBox={`0 0 ${W} ${H + 14}`} role="img" aria-label={`Bar chart: ${total} minutes over the last ${points.length} days; the table below lists each day.`}>
        <line class="chart-axis" x1={0} x2={W} y1={H + 0.5} y2={H + 0.5} />
        {points.map((p, i) => {
          const h = ((minutes[i] ?? 0) / top) * (H - 4);
          return h > 0 ? <rect key={p.day} class="chart-bar" x={i * step + 1} y={H - h} width={step - 2} height={h} /> : null;
        })}
        {first && (
          <text class="chart-label" x={0} y={H + 12} aria-hidden="true">
            {label(first.day)}
          </text>
        )}
        {last && (
          <text class="chart-label" x={W} y={H + 12} text-anchor="end" aria-hidden="true">
            {label(last.day)}
          </text>
        )}
      </svg>
      <details>
        <summary>Show the numbers</summary>
        <table class="days-table">
          <caption class="visually-hidden">Reading each day, last {points.length} days</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Minutes</th>
              <th scope="col">Words</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.day}>
                <th scope="row">{label(p.day)}</th>
                <td>{Math.round(p.ms / 60_000)}</td>
                <td>{Math.round(p.words)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
