/** How well a quote's surroundings match a text at one spot: pure, shared by places and highlights. */
import type { Quote } from './locator';

/** Characters of `quote.before` that end at `at`, plus characters of `quote.after` that follow `quote.text` there. */
export function quoteScore(text: string, at: number, quote: Pick<Quote, 'before' | 'text' | 'after'>): number {
  return commonSuffix(text.slice(Math.max(0, at - quote.before.length), at), quote.before) + commonPrefix(text.slice(at + quote.text.length, at + quote.text.length + quote.after.length), quote.after);
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
