/** Text normalisation for matching: one function for the index and the query. See ./README.md. */

/** A normalised text and, when asked for, where each of its code units came from. */
export interface Normalised {
  text: string;
  /**
   * `map[i]` is the index in the original text of the character that produced
   * `text[i]`; `map[text.length]` is the original length. Present when asked for.
   */
  map?: Int32Array;
}

const SPACE = 0x20;
const APOSTROPHE = 0x27;
const QUOTE = 0x22;
const DASH = 0x2d;
const DOT = 0x2e;

const WHITESPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);
/** Invisible characters that only affect line breaking: soft hyphen, zero-width space/joiners, word joiner. */
const IGNORED = new Set([0xad, 0x200b, 0x200c, 0x200d, 0x2060]);
/** Everything a keyboard types as ': curly singles, low-9, reversed, prime, grave, acute, modifier, fullwidth. */
const SINGLE_QUOTES = new Set([0x27, 0x60, 0xb4, 0x2bc, 0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2035, 0xff07]);
/** Everything a keyboard types as ": curly doubles, low-9, reversed, double prime, fullwidth. */
const DOUBLE_QUOTES = new Set([0x22, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x2036, 0xff02]);
/** Hyphens, figure/en/em dashes, horizontal bar, minus, two- and three-em dashes, small and fullwidth hyphen-minus. */
const DASHES = new Set([
  0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2e3a, 0x2e3b, 0xfe58, 0xfe63, 0xff0d,
]);
const ELLIPSIS = 0x2026;

/** Lower-case forms of BMP code units, filled on first use (-1 unknown, -2 longer than one unit). */
const lowerCache = new Int32Array(0x10000).fill(-1);

function lowerUnit(c: number): number {
  let l = lowerCache[c] ?? -1;
  if (l === -1) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : -2;
    lowerCache[c] = l;
  }
  return l;
}

/**
 * Normalises `source` for matching. Rules, in order, per character:
 * - soft hyphens and zero-width characters are dropped;
 * - whitespace (incl. no-break and narrow no-break spaces) runs become one space,
 *   and leading/trailing whitespace is dropped;
 * - every dash or hyphen becomes "-", a run of them one "-", and whitespace on
 *   either side of a dash is dropped (so "a - b", "a – b" and "a—b" all match);
 * - curly/straight single quotes, apostrophes and primes become "'", doubles '"';
 * - "…" becomes "..." (so either spelling finds the other);
 * - everything else is lower-cased with the locale-free `toLowerCase`.
 * With `withMap`, the result keeps an offset map back to the original.
 */
export function normalise(source: string, withMap = false): Normalised {
  const n = source.length;
  let out = new Uint16Array(n + 8);
  let map: Int32Array | null = withMap ? new Int32Array(n + 9) : null;
  let len = 0;
  let pendingSpace = -1; // original index of a whitespace run not yet written
  let afterDash = false;

  const grow = (extra: number): void => {
    if (len + extra <= out.length) return;
    const size = Math.max(out.length * 2, len + extra + 8);
    const bigger = new Uint16Array(size);
    bigger.set(out);
    out = bigger;
    if (map) {
      const biggerMap = new Int32Array(size + 1);
      biggerMap.set(map);
      map = biggerMap;
    }
  };
  const emit = (unit: number, from: number): void => {
    if (len >= out.length) grow(1);
    out[len] = unit;
    if (map) map[len] = from;
    len++;
  };
  // Writes a pending space before a non-space character (never at the start).
  const flushSpace = (): void => {
    if (pendingSpace >= 0 && len > 0) emit(SPACE, pendingSpace);
    pendingSpace = -1;
  };

  for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) {
      flushSpace();
      afterDash = false;
      emit(c, i);
      continue;
    }
    if (WHITESPACE.has(c)) {
      if (pendingSpace < 0 && !afterDash) pendingSpace = i;
      continue;
    }
    if (IGNORED.has(c)) continue;
    if (DASHES.has(c)) {
      pendingSpace = -1;
      if (!afterDash) emit(DASH, i);
      afterDash = true;
      continue;
    }
    flushSpace();
    afterDash = false;
    if (SINGLE_QUOTES.has(c)) emit(APOSTROPHE, i);
    else if (DOUBLE_QUOTES.has(c)) emit(QUOTE, i);
    else if (c === ELLIPSIS) {
      grow(3);
      emit(DOT, i);
      emit(DOT, i);
      emit(DOT, i);
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      // A surrogate pair: lower-case the whole code point; every unit maps to its start.
      const pair = source.slice(i, i + 2).toLowerCase();
      grow(pair.length);
      for (let k = 0; k < pair.length; k++) emit(pair.charCodeAt(k), i);
      i++;
    } else {
      const l = lowerUnit(c);
      if (l >= 0) emit(l, i);
      else {
        const lower = String.fromCharCode(c).toLowerCase();
        grow(lower.length);
        for (let k = 0; k < lower.length; k++) emit(lower.charCodeAt(k), i);
      }
    }
  }
  if (map) {
    grow(1);
    map[len] = n;
  }

  let text = '';
  const CHUNK = 8192;
  for (let at = 0; at < len; at += CHUNK) {
    text += String.fromCharCode.apply(null, Array.from(out.subarray(at, Math.min(len, at + CHUNK))));
  }
  return map ? { text, map: map.slice(0, len + 1) } : { text };
}

/**
 * Maps a match at [start, end) in a normalised text back to the original:
 * `{ offset, length }` in UTF-16 code units of `original`, covering whole
 * original characters and never ending in whitespace.
 */
export function toOriginalRange(
  original: string,
  map: Int32Array,
  start: number,
  end: number,
): { offset: number; length: number } {
  const offset = map[start] ?? original.length;
  if (end <= start) return { offset, length: 0 };
  const last = map[end - 1] ?? original.length;
  let j = end;
  // Several normalised units can come from one original character ("…" → "...").
  while (j < map.length - 1 && map[j] === last) j++;
  let stop = map[j] ?? original.length;
  // A collapsed run after the last character (spaces after a dash) is not part of the match.
  while (stop > offset + 1 && isSpaceOrIgnored(original.charCodeAt(stop - 1))) stop--;
  return { offset, length: stop - offset };
}

function isSpaceOrIgnored(c: number): boolean {
  return WHITESPACE.has(c) || IGNORED.has(c);
}
