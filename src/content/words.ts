/**
 * Word counting exactly as GNU `wc -w` (coreutils 9.1, glibc, C.UTF-8 locale) counts:
 * a word is a run of printable characters between separators. Besides ASCII white
 * space, wc treats the Unicode spaces and the no-break spaces (U+00A0, U+2007,
 * U+202F, U+2060) as separators; characters that are not printable (controls,
 * U+2028/U+2029, unassigned code points) neither start a word nor end one.
 * Measured on this machine: `printf 'a\u00a0b' | wc -w` prints 2.
 */

const SEPARATORS = /[\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u202F\u205F\u2060\u3000]+/u;
const PRINTABLE = /[^\p{Cc}\p{Cs}\p{Cn}\u2028\u2029]/u;

/** Words in `text`, as `wc -w` counts them. */
export function countWords(text: string): number {
  let words = 0;
  for (const piece of text.split(SEPARATORS)) {
    if (piece !== '' && PRINTABLE.test(piece)) words += 1;
  }
  return words;
}
