/** Splitting a block's text around a match, for rendering it highlighted. See ./README.md. */

/** The three parts of a block's text around a match: render `match` in a <mark>. */
export interface HighlightParts {
  before: string;
  match: string;
  after: string;
}

/**
 * Splits `text` at [offset, offset + length). Out-of-range values are clamped,
 * so a stale hit (text changed since) still renders the whole text once.
 */
export function highlightParts(text: string, offset: number, length: number): HighlightParts {
  const start = clamp(Math.floor(offset), 0, text.length);
  const end = clamp(Math.floor(offset + length), start, text.length);
  return { before: text.slice(0, start), match: text.slice(start, end), after: text.slice(end) };
}

function clamp(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, value));
}
