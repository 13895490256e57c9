/** Short snippets around a match, cut from the original text at word boundaries. See ./README.md. */
import type { Snippet } from './types';

/** Characters of context wanted on each side of a match. */
export const SNIPPET_CONTEXT = 40;

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * About `context` characters either side of [offset, offset + length) in `text`,
 * cut at whitespace when there is any in reach (never mid-word otherwise
 * unavoidable), with surrounding whitespace trimmed.
 */
export function makeSnippet(text: string, offset: number, length: number, context = SNIPPET_CONTEXT): Snippet {
  const matchEnd = offset + length;

  let start = offset - context;
  if (start <= 0) start = 0;
  else if (!isSpace(text[start - 1])) {
    // Start after the first whitespace in reach, so the snippet begins with a whole word.
    let k = start;
    while (k < offset && !isSpace(text[k])) k++;
    if (k < offset) start = k + 1;
    if (isLowSurrogate(text.charCodeAt(start))) start++;
  }
  while (start < offset && isSpace(text[start])) start++;

  let end = matchEnd + context;
  if (end >= text.length) end = text.length;
  else if (!isSpace(text[end])) {
    // End before the last whitespace in reach, so the snippet ends with a whole word.
    let k = end - 1;
    while (k >= matchEnd && !isSpace(text[k])) k--;
    if (k >= matchEnd) end = k;
    if (isLowSurrogate(text.charCodeAt(end))) end++;
  }
  while (end > matchEnd && isSpace(text[end - 1])) end--;

  return {
    before: text.slice(start, offset),
    match: text.slice(offset, matchEnd),
    after: text.slice(matchEnd, end),
    clippedStart: /\S/.test(text.slice(0, start)),
    clippedEnd: /\S/.test(text.slice(end)),
  };
}
