// A generated ~1,000,000-word text goes through the same compiler and keeps its structure.
import { describe, expect, it } from 'vitest';
import { BENCH_OPTIONS } from '../../../build/works-plugin';
import { compileWork } from '../../../src/content/parse';
import { generateWork } from '../../fixtures/generate-work';
import { wcWords } from '../../fixtures/content';

describe('the generated million-word work', () => {
  const g = generateWork(BENCH_OPTIONS);
  const work = compileWork(BENCH_OPTIONS.id, g.text, g.meta);

  it('is deterministic for a seed, and differs for another seed', () => {
    expect(generateWork(BENCH_OPTIONS).meta.sha256).toBe(g.meta.sha256);
    expect(generateWork({ ...BENCH_OPTIONS, seed: BENCH_OPTIONS.seed + 1 }).meta.sha256).not.toBe(g.meta.sha256);
  });

  it('has about a million words, as wc -w and the generator count them', () => {
    expect(g.expected.words).toBeGreaterThan(990_000);
    expect(g.expected.words).toBeLessThanOrEqual(1_010_000);
    expect(wcWords({ text: g.text })).toBe(g.expected.words);
    expect(work.words).toBe(g.expected.words);
  });

  it('keeps every section, break, marker and paragraph the generator put in', () => {
    expect(work.sections).toHaveLength(BENCH_OPTIONS.sections);
    expect(g.meta.structure.notBreaks.length).toBeGreaterThan(0);
    const got = work.sections.map((s) => ({
      id: s.id,
      breaks: s.blocks.filter((b) => b.kind === 'break').length,
      markers: s.blocks.filter((b) => b.kind === 'marker').length,
      paras: s.blocks.filter((b) => b.kind === 'para').length,
      words: s.words,
    }));
    expect(got).toEqual(g.expected.sections);
    expect(work.sections.filter((s) => s.titleSource === 'app')).toHaveLength(BENCH_OPTIONS.sections / 10);
    expect(work.sections.at(-1)?.blocks.at(-1)).toEqual({ kind: 'end', text: 'The End.' });
  });

  it('reproduces the source’s non-empty lines, title aside', () => {
    const blocks = work.sections.flatMap((s) => s.blocks).filter((b) => b.kind !== 'break').map((b) => b.text);
    expect(blocks.join('\n')).toBe(g.text.split('\n').slice(1).filter((l) => l !== '').join('\n'));
  });

  it('is marked as generated test text, not an authored work', () => {
    expect(work.meta.addedByApp.displayTitle).toMatch(/generated/i);
    expect(work.meta.fromText.notes.join(' ')).toMatch(/generated/i);
  });
});
