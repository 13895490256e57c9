/**
 * Display-only typography: straight quotes → curly, a spaced hyphen → a spaced en dash.
 * Every change swaps one UTF-16 unit for one, so the result has the source's length and
 * character i still sits at offset i: the reader's locator offsets index the source text.
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/u; // includes U+00A0, which the works use inside lines
// After these a quote opens: brackets, dashes and opening quotes.
const OPENERS = /[([{\u2018\u201c\u2013\u2014-]/u;
// Elisions that start with an apostrophe ('em, 'til, 'cause...): the mark is ’, not an opening ‘.
const ELISION = /^(?:em|tis|twas|til|cause|cos|bout|round|n|kay|nuff|ello)(?![\p{L}])/iu;

function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && LETTER_OR_DIGIT.test(ch);
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || SPACE.test(ch);
}

function opensAfter(prev: string | undefined): boolean {
  return prev === undefined || SPACE.test(prev) || OPENERS.test(prev) || prev === '"' || prev === "'";
}

function doubleQuote(prev: string | undefined, next: string | undefined): string {
  if (isSpace(next)) return '\u201d';
  return opensAfter(prev) ? '\u201c' : '\u201d';
}

function singleQuote(text: string, i: number, prev: string | undefined, next: string | undefined): string {
  // Inside a word (didn't, Akihito's) or after one (the Omegas' scent): apostrophe.
  if (isLetterOrDigit(prev) && isLetterOrDigit(next)) return '\u2019';
  if (!opensAfter(prev) || isSpace(next)) return '\u2019';
  // At a word's start: '90s and 'em are elisions; anything else opens a quotation.
  if (next !== undefined && /\p{N}/u.test(next)) return '\u2019';
  if (ELISION.test(text.slice(i + 1, i + 7))) return '\u2019';
  return '\u2018';
}

/** Curly quotes and dashes for display; the same length as `text`, character for character. */
export function smartPunctuation(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const prev = i > 0 ? text[i - 1] : undefined;
    const next = i + 1 < text.length ? text[i + 1] : undefined;
    if (ch === '"') out += doubleQuote(prev, next);
    else if (ch === "'") out += singleQuote(text, i, prev, next);
    // " - " (or a spaced hyphen before a closing quote or the line's end) is a dash, as
    // the other work writes it: a spaced en dash. Hyphens inside words stay.
    else if (ch === '-' && prev !== undefined && SPACE.test(prev) && (isSpace(next) || next === '"' || next === '\u201d')) out += '\u2013';
    else out += ch;
  }
  return out;
}
