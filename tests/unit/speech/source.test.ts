// The work's sentences in reading order across sections, loaded on demand.
import { describe, expect, it } from 'vitest';
import type { SpokenSentence } from '../../../src/speech/types';
import { fakeSource } from './fakes';

describe('sentence source', () => {
  it('finds the sentence holding a place, and the next one after a break or past a block’s end', async () => {
    const { source } = fakeSource();
    expect((await source.at({ sectionId: 'one', block: 0, offset: 15 }))?.text).toBe('Second one. ');
    expect((await source.at({ sectionId: 'one', block: 1, offset: 0 }))?.text).toBe('“Third,” she said. ');
    expect(await source.at({ sectionId: 'nowhere', block: 0, offset: 0 })).toBeNull();
  });

  it('walks forward and back across sections, loading each only when needed', async () => {
    const { source, loads } = fakeSource();
    const forward: SpokenSentence[] = [];
    for (let s = await source.at({ sectionId: 'one', block: 0, offset: 0 }); s; s = await source.after(s)) forward.push(s);
    expect(forward.map((s) => s.text)).toEqual(['First one. ', 'Second one. ', '“Third,” she said. ', 'Fourth one.', 'Fifth one. ', 'Sixth one.', 'Seventh one.']);
    expect(loads).toEqual(['one', 'two', 'three']);
    const back: string[] = [];
    for (let s: SpokenSentence | null = forward.at(-1) ?? null; s; s = await source.before(s)) back.unshift(s.text);
    expect(back).toEqual(forward.map((s) => s.text));
  });

  it('gives the exact source text and offsets', async () => {
    const { source, sections } = fakeSource();
    const s = await source.at({ sectionId: 'one', block: 2, offset: 3 });
    expect(s).toMatchObject({ sectionId: 'one', block: 2, start: 0, end: 19 });
    expect(sections[0]?.blocks[2]?.text.slice(s?.start, s?.end)).toBe(s?.text);
  });

  it('passes a failed load on to the caller', async () => {
    const { source } = fakeSource('two');
    const last = await source.at({ sectionId: 'one', block: 2, offset: 20 });
    await expect(source.after(last as SpokenSentence)).rejects.toThrow('offline');
  });
});
