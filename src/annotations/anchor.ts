/**
 * Anchoring a highlight: a range between two places of one section plus a quote (the exact
 * text, and a little before and after), found again from the quote when the places no longer
 * hold it. Pure: no DOM. Blocks are joined by '\n' wherever a range's text crosses blocks.
 */
import type { Quote } from '../reader/locator';
import type { TextPlace } from './types';
import { quoteScore } from '../reader/quote-match';

/** Characters of context kept before and after a highlight's text. */
export const QUOTE_CONTEXT = 32;

/** What anchoring needs of a section: its blocks' texts. `Section` fits. */
export interface SectionText {
  blocks: readonly { text: string }[];
}

/** Where a highlight stands now, or why it can't be found. */
export type Anchored =
  | { ok: true; start: TextPlace; end: TextPlace; /** true when found from the quote, not at its stored places */ moved: boolean }
  | { ok: false; reason: string };

const flattened = new WeakMap<SectionText, { text: string; starts: number[] }>();

/** The section as one string (blocks joined by '\n') and where each block starts in it (kept per section: sections never change). */
function flatten(section: SectionText): { text: string; starts: number[] } {
  const known = flattened.get(section);
  if (known) return known;
  const made = { text: section.blocks.map((b) => b.text).join('\n'), starts: blockStarts(section) };
  flattened.set(section, made);
  return made;
}

function blockStarts(section: SectionText): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const b of section.blocks) {
    starts.push(at);
    at += b.text.length + 1;
  }
  return starts;
}

/** The flat offset of a place, or -1 when it is not in the section (the end of a block counts). */
function flatAt(section: SectionText, starts: readonly number[], p: TextPlace): number {
  const block = section.blocks[p.block];
  const start = starts[p.block];
  if (!block || start === undefined || !Number.isInteger(p.offset) || p.offset < 0 || p.offset > block.text.length) return -1;
  return start + p.offset;
}

/** The place of a flat offset. */
function placeOf(starts: readonly number[], flat: number): TextPlace {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= flat) lo = mid;
    else hi = mid - 1;
  }
  return { block: lo, offset: flat - (starts[lo] ?? 0) };
}

/** The text of [start, end), blocks joined by '\n'; '' when either place is not in the section. */
export function textBetween(section: SectionText, start: TextPlace, end: TextPlace): string {
  const { text, starts } = flatten(section);
  const a = flatAt(section, starts, start);
  const b = flatAt(section, starts, end);
  return a < 0 || b < a ? '' : text.slice(a, b);
}

/** The quote for [start, end): its text and up to QUOTE_CONTEXT characters either side. */
export function quoteFor(section: SectionText, start: TextPlace, end: TextPlace): Quote {
  const { text, starts } = flatten(section);
  const a = flatAt(section, starts, start);
  const b = flatAt(section, starts, end);
  if (a < 0 || b < a) return { before: '', text: '', after: '' };
  return { before: text.slice(Math.max(0, a - QUOTE_CONTEXT), a), text: text.slice(a, b), after: text.slice(b, b + QUOTE_CONTEXT) };
}

/**
 * A selection's range made tidy: an end at the very start of a block moves back to the end of
 * the one before (a triple-click), and white space at either end is left out. null when
 * nothing but white space (or nothing) is left.
 */
export function tidyRange(section: SectionText, start: TextPlace, end: TextPlace): { start: TextPlace; end: TextPlace } | null {
  const { text, starts } = flatten(section);
  let a = flatAt(section, starts, start);
  let b = flatAt(section, starts, end);
  if (a < 0 || b < 0 || b <= a) return null;
  while (a < b && /\s/.test(text[a] as string)) a++;
  while (b > a && /\s/.test(text[b - 1] as string)) b--;
  if (b <= a) return null;
  return { start: placeOf(starts, a), end: placeOf(starts, b) };
}

/**
 * Where a highlight is in the section now: at its places when they still hold its quote's
 * text; else where that text stands with the best-matching surroundings (nearest the old
 * place among equals); else not found, and said so (never guessed from the places alone).
 */
export function resolveAnchor(section: SectionText, anchor: { start: TextPlace; end: TextPlace; quote: Quote }): Anchored {
  const { quote } = anchor;
  if (quote.text === '') return { ok: false, reason: 'The highlight has no text to find.' };
  const { text, starts } = flatten(section);
  const a = flatAt(section, starts, anchor.start);
  const b = flatAt(section, starts, anchor.end);
  if (a >= 0 && b >= a && text.slice(a, b) === quote.text) return { ok: true, start: anchor.start, end: anchor.end, moved: false };
  const near = a >= 0 ? a : 0;
  let best: { at: number; score: number; distance: number } | null = null;
  for (let at = text.indexOf(quote.text); at >= 0; at = text.indexOf(quote.text, at + 1)) {
    const score = quoteScore(text, at, quote);
    const distance = Math.abs(at - near);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { at, score, distance };
  }
  if (!best) return { ok: false, reason: 'The highlighted text is no longer in this section.' };
  return { ok: true, start: placeOf(starts, best.at), end: placeOf(starts, best.at + quote.text.length), moved: true };
}

/** Orders two places: negative when `a` comes first (the reader's own comparison). */
export { comparePlaces } from '../reader/place';
