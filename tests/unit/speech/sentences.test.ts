// Read-aloud sentences over both bundled works, compiled with the real compiler as the build does.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWork } from '../../../build/works-plugin';
import type { Work } from '../../../src/content/types';
import { isSpeakable, SectionSentences, SENTENCE_LIMIT, sentenceSpans, type Span } from '../../../src/reader/sentences';
import { root, workText } from '../../fixtures/content';

const visible = (s: string) => s.replace(/\s/g, '').length;

function expectCover(text: string, spans: Span[], limit = SENTENCE_LIMIT): void {
  let at = 0;
  for (const span of spans) {
    expect(span.start).toBe(at);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end - span.start).toBeLessThanOrEqual(limit);
    at = span.end;
  }
  expect(at).toBe(text.length);
  expect(spans.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
}

describe.each(['making-it-work', 'untitled-alec-realised'])('sentences of %s', (id) => {
  const work: Work = loadWork(resolve(root, 'works', id), id);
  const source = workText(id);
  const blocks = work.sections.flatMap((s) => s.blocks.map((b, i) => ({ section: s, block: b, index: i })));
  const speakable = blocks.filter((b) => isSpeakable(b.block));

  it('has speakable blocks: every block but breaks', () => {
    expect(speakable.length).toBeGreaterThan(50);
    expect(blocks.filter((b) => !isSpeakable(b.block)).every((b) => b.block.kind === 'break')).toBe(true);
  });

  it('covers every character of every speakable block exactly once, in order, none empty, none over the limit', () => {
    let sentences = 0;
    for (const { block } of speakable) {
      const spans = sentenceSpans(block.text);
      expectCover(block.text, spans);
      sentences += spans.length;
    }
    expect(sentences).toBeGreaterThan(speakable.length);
  });

  it('has no sentence that would be spoken as nothing or as one character', () => {
    const bad: string[] = [];
    for (const { block } of speakable) {
      if (visible(block.text) < 2) continue;
      for (const s of sentenceSpans(block.text)) {
        const piece = block.text.slice(s.start, s.end);
        if (visible(piece) < 2 || !/[\p{L}\p{N}]/u.test(piece)) bad.push(JSON.stringify(piece));
      }
    }
    expect(bad).toEqual([]);
  });

  it('maps offsets back to the source: each sentence is the source text at its block’s line and offset', () => {
    let from = 0;
    for (const { block } of speakable) {
      const line = source.indexOf(block.text, from);
      expect(line).toBeGreaterThanOrEqual(0);
      for (const s of sentenceSpans(block.text)) {
        expect(source.slice(line + s.start, line + s.end)).toBe(block.text.slice(s.start, s.end));
      }
      from = line + block.text.length;
    }
  });

  it('walks a section forward and back through every sentence', () => {
    for (const section of work.sections) {
      const sentences = new SectionSentences(section);
      const forward: string[] = [];
      for (let at = sentences.firstFrom(0); at; at = sentences.after(at)) {
        const span = sentences.span(at);
        forward.push(section.blocks[at.block]?.text.slice(span.start, span.end) ?? '');
      }
      expect(forward.join('')).toBe(section.blocks.filter(isSpeakable).map((b) => b.text).join(''));
      const backward: string[] = [];
      for (let at = sentences.lastUpTo(section.blocks.length - 1); at; at = sentences.before(at)) {
        const span = sentences.span(at);
        backward.unshift(section.blocks[at.block]?.text.slice(span.start, span.end) ?? '');
      }
      expect(backward).toEqual(forward);
    }
  });
});

describe('sentenceSpans', () => {
  const texts = (text: string, limit?: number) => sentenceSpans(text, limit).map((s) => text.slice(s.start, s.end));

  it('splits plain sentences, keeping the space after each with it', () => {
    expect(texts('One here. Two there! Three?')).toEqual(['One here. ', 'Two there! ', 'Three?']);
  });

  it('keeps dialogue in quotes whole and never leaves a lone quote or ellipsis', () => {
    for (const text of ['“Stop.” He did.', '"Wait... what?" she asked.', '… and then. “…”', 'He – no. - Yes.', '“Fine.”\u00a0“Good.”', '...', '"']) {
      const spans = sentenceSpans(text);
      expectCover(text, spans);
      if (visible(text) >= 2) for (const piece of texts(text)) expect(/[\p{L}\p{N}]/u.test(piece) || spans.length === 1).toBe(true);
    }
    expect(texts('“…”')).toEqual(['“…”']);
  });

  it('splits a long sentence at the last clause boundary that fits', () => {
    const text = `${'word '.repeat(30)}first, ${'more '.repeat(30)}second; ${'tail '.repeat(30)}end.`;
    const pieces = texts(text, 200);
    expectCover(text, sentenceSpans(text, 200), 200);
    expect(pieces[0]?.endsWith('first, ')).toBe(true);
    expect(pieces[1]?.endsWith('second; ')).toBe(true);
  });

  it('splits at a spaced dash, then at a space, then hard', () => {
    const dashed = `${'alpha '.repeat(25)}- ${'beta '.repeat(40)}.`;
    expect(texts(dashed, 200)[0]?.endsWith(' - ')).toBe(true);
    const spaced = `${'gamma '.repeat(60)}.`;
    for (const piece of texts(spaced, 200)) expect(piece.length).toBeLessThanOrEqual(200);
    expect(texts(spaced, 200)[0]?.endsWith(' ')).toBe(true);
    const solid = 'x'.repeat(450);
    expect(texts(solid, 200).map((p) => p.length)).toEqual([200, 200, 50]);
  });

  it('never cuts at a no-break space or inside a surrogate pair', () => {
    const nbsp = `${'word\u00a0'.repeat(50)}end.`;
    for (const s of sentenceSpans(nbsp, 200)) expect(s.end - s.start).toBeLessThanOrEqual(200);
    const emoji = '😀'.repeat(150);
    const spans = sentenceSpans(emoji, 201);
    expectCover(emoji, spans, 201);
    for (const s of spans) expect(emoji.charCodeAt(s.end - 1) >= 0xd800 && emoji.charCodeAt(s.end - 1) <= 0xdbff).toBe(false);
  });

  it('gives nothing for an empty text and one sentence for a short one', () => {
    expect(sentenceSpans('')).toEqual([]);
    expect(texts('Hi')).toEqual(['Hi']);
  });
});
