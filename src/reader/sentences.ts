/**
 * Sentences of a block for read-aloud: `Intl.Segmenter` sentences mapped to exact UTF-16
 * offsets into `Block.text`, with fragments that would speak as nothing (a lone quote, an
 * ellipsis, a dash) merged into a neighbour, and sentences over the limit split at a clause
 * boundary. The spans of a block cover its text exactly, in order. Pure: no DOM.
 */
import type { Block, Section } from '../content/types';

/** A sentence of a block: [start, end) in UTF-16 code units of `Block.text`. */
export interface Span {
  start: number;
  end: number;
}

/** Chrome cuts an utterance off after about 15 s: no sentence spoken at once is longer than this. */
export const SENTENCE_LIMIT = 200;

/** A piece cut from a long sentence is at least this long (unless the whole rest is shorter). */
const MIN_PIECE = 40;

const LETTER = /[\p{L}\p{N}]/u;
// No-break spaces join on purpose: never cut there, never count them as a gap to cut after.
const CUT_SPACE = /[ \t\n\r\u2000-\u2006\u2008-\u200a\u3000]/;
const CLAUSE = /[,;:–—…]/;

let segmenter: Intl.Segmenter | undefined;
function sentenceSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  return segmenter;
}

/** True when a block has something to say (not a break, not only white space). */
export function isSpeakable(block: Block | undefined): boolean {
  return block !== undefined && block.kind !== 'break' && /\S/.test(block.text);
}

/** A fragment that would be spoken as nothing or as one character: no letter or digit, or one visible character. */
function tiny(text: string, span: Span): boolean {
  const piece = text.slice(span.start, span.end);
  return !LETTER.test(piece) || piece.replace(/\s/g, '').length <= 1;
}

/** Merges each tiny fragment into the sentence before it (the first one into the sentence after). */
function mergeFragments(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  let carry: number | null = null; // start of tiny fragments waiting for a sentence after them
  for (const span of spans) {
    if (tiny(text, span)) {
      const last = out[out.length - 1];
      if (last) last.end = span.end;
      else carry ??= span.start;
      continue;
    }
    out.push({ start: carry ?? span.start, end: span.end });
    carry = null;
  }
  if (carry !== null) out.push({ start: carry, end: text.length }); // nothing but fragments: one sentence
  return out;
}

/** Where to cut a long sentence starting at `start` (ending at `end`): after a clause, else after a space, else hard. */
function cutPoint(text: string, start: number, end: number, limit: number): number {
  const most = Math.min(start + limit, end - 1);
  const least = start + Math.min(MIN_PIECE, Math.floor(limit / 2));
  let clause = -1;
  let space = -1;
  for (let i = least; i <= most; i++) {
    // A cut lands just after a run of spaces, so the next piece starts with a word.
    if (!CUT_SPACE.test(text[i - 1] as string) || CUT_SPACE.test(text[i] as string)) continue;
    space = i;
    let j = i - 1;
    while (j > start && CUT_SPACE.test(text[j - 1] as string)) j--;
    const before = text[j - 1] ?? '';
    if (CLAUSE.test(before) || (before === '-' && CUT_SPACE.test(text[j - 2] ?? ''))) clause = i;
  }
  // An em dash joining two words is a clause boundary too.
  for (let i = most; clause < 0 && i >= least; i--) if (text[i - 1] === '—' && LETTER.test(text[i] ?? '')) clause = i;
  const cut = clause > 0 ? clause : space > 0 ? space : start + limit;
  // Never between the halves of a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  return code >= 0xd800 && code <= 0xdbff ? cut - 1 : cut;
}

/** Splits a sentence longer than `limit` into pieces of at most `limit`. */
function splitLong(text: string, span: Span, limit: number): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > limit) {
    const cut = cutPoint(text, start, span.end, limit);
    out.push({ start, end: cut });
    start = cut;
  }
  out.push({ start, end: span.end });
  // A split can leave a tiny tail (a hard cut before "…”"): give it back to the piece before when that fits.
  const last = out[out.length - 1] as Span;
  const prev = out[out.length - 2];
  if (prev && tiny(text, last) && last.end - prev.start <= limit) {
    prev.end = last.end;
    out.pop();
  }
  return out;
}

/** The sentences of a text: spans covering it exactly, in order, none empty, none over `limit`. */
export function sentenceSpans(text: string, limit = SENTENCE_LIMIT): Span[] {
  if (text.length === 0) return [];
  const raw: Span[] = [];
  for (const s of sentenceSegmenter().segment(text)) raw.push({ start: s.index, end: s.index + s.segment.length });
  return mergeFragments(text, raw).flatMap((span) => (span.end - span.start > limit ? splitLong(text, span, limit) : [span]));
}

/** Sentences of one block of a section, cached per block (a section of a long work can be huge: nothing is done ahead). */
export class SectionSentences {
  private readonly cache = new Map<number, Span[]>();

  constructor(readonly section: Section) {}

  /** The block's sentences ([] for a break or an empty block). */
  of(block: number): Span[] {
    let spans = this.cache.get(block);
    if (!spans) {
      const b = this.section.blocks[block];
      spans = isSpeakable(b) ? sentenceSpans((b as Block).text) : [];
      this.cache.set(block, spans);
    }
    return spans;
  }

  /** The sentence holding `offset` of `block` (the block's last one past its end), or the first one after it. */
  at(block: number, offset: number): { block: number; index: number } | null {
    const spans = this.of(block);
    const i = spans.findIndex((s) => offset < s.end);
    if (i >= 0) return { block, index: i };
    if (spans.length > 0 && offset >= 0) return { block, index: spans.length - 1 };
    return this.firstFrom(block + 1);
  }

  /** The first sentence of the first speakable block from `block` on. */
  firstFrom(block: number): { block: number; index: number } | null {
    for (let b = Math.max(0, block); b < this.section.blocks.length; b++) if (this.of(b).length > 0) return { block: b, index: 0 };
    return null;
  }

  /** The last sentence of the last speakable block up to `block`. */
  lastUpTo(block: number): { block: number; index: number } | null {
    for (let b = Math.min(block, this.section.blocks.length - 1); b >= 0; b--) {
      const n = this.of(b).length;
      if (n > 0) return { block: b, index: n - 1 };
    }
    return null;
  }

  /** The sentence after one, in this section, or null at its end. */
  after(at: { block: number; index: number }): { block: number; index: number } | null {
    return at.index + 1 < this.of(at.block).length ? { block: at.block, index: at.index + 1 } : this.firstFrom(at.block + 1);
  }

  /** The sentence before one, in this section, or null at its start. */
  before(at: { block: number; index: number }): { block: number; index: number } | null {
    return at.index > 0 ? { block: at.block, index: at.index - 1 } : this.lastUpTo(at.block - 1);
  }

  /** The span of a sentence. */
  span(at: { block: number; index: number }): Span {
    const span = this.of(at.block)[at.index];
    if (!span) throw new RangeError(`No sentence ${at.index} in block ${at.block} of section ${this.section.id}.`);
    return span;
  }
}
