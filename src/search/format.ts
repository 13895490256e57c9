/** Words the search and bookmark panels show: counts, percentages, status lines. Pure. See ./README.md. */
import type { SearchResults } from './types';
import { MIN_QUERY_LENGTH } from './search';

const number = new Intl.NumberFormat('en');

/** A 0..1 progression as a whole percentage, rounded down like the reader's footer ("42%"). */
export function formatPercent(progression: number): string {
  const p = Number.isFinite(progression) ? Math.min(1, Math.max(0, progression)) : 0;
  return `${Math.floor(p * 100)}%`;
}

/** "1 match" / "1,204 matches". */
export function formatMatches(count: number): string {
  return `${number.format(count)} ${count === 1 ? 'match' : 'matches'}`;
}

/** One line saying what a search found, for the status line and the live region. */
export function describeResults(results: SearchResults): string {
  if (results.tooShort) return `Type at least ${MIN_QUERY_LENGTH} characters to search.`;
  if (results.total === 0) return `No matches for “${results.query.trim()}”.`;
  const sections = results.groups.length;
  if (results.capped) {
    return `Showing the first ${number.format(results.shown)} of ${formatMatches(results.total)}. Add words to narrow the search.`;
  }
  return `${formatMatches(results.total)} in ${number.format(sections)} ${sections === 1 ? 'section' : 'sections'}.`;
}
