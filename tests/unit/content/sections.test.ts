// loadSection (cache, errors, retry) and the section navigation helpers, with fake loaders.
import { describe, expect, it, vi } from 'vitest';
import { ContentError } from '../../../src/content/errors';
import { createSectionLoader } from '../../../src/content/sections';
import type { Block, SectionInfo, WorkInfo } from '../../../src/content/types';

const info = (id: string, index: number, words: number, wordsBefore: number, blockCount = 1): SectionInfo =>
  ({ id, index, title: id, titleSource: 'app', words, chars: 1, blockCount, wordsBefore });
const work = { id: 'w', sections: [info('a', 0, 10, 0), info('b', 1, 20, 10), info('c', 2, 5, 30)] } as WorkInfo;
const blocks: Block[] = [{ kind: 'para', text: 'x' }];

describe('loadSection', () => {
  it('loads a section once, and gives its info with its blocks', async () => {
    const a = vi.fn(async () => ({ blocks }));
    const load = createSectionLoader([work], { w: { a } });
    const [one, two] = await Promise.all([load('w', 'a'), load('w', 'a')]);
    expect(one).toEqual({ ...work.sections[0], blocks });
    expect(two).toBe(one);
    await load('w', 'a');
    expect(a).toHaveBeenCalledTimes(1);
  });

  it('rejects an unknown work or section with a clear ContentError', async () => {
    const load = createSectionLoader([work], { w: { a: async () => ({ blocks }) } });
    await expect(load('nope', 'a')).rejects.toMatchObject({ code: 'unknown-work', message: 'No work with id "nope".' });
    await expect(load('w', 'zzz')).rejects.toMatchObject({ code: 'unknown-section', message: 'Work "w" has no section "zzz".' });
    await expect(load('w', 'b')).rejects.toBeInstanceOf(ContentError);
  });

  it('reports a failed or stale chunk, and tries again on the next call', async () => {
    const a = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce({ blocks: [] }).mockResolvedValue({ blocks });
    const load = createSectionLoader([work], { w: { a } });
    await expect(load('w', 'a')).rejects.toMatchObject({ code: 'load-failed' });
    await expect(load('w', 'a')).rejects.toThrow('has 0 blocks, the catalogue says 1');
    await expect(load('w', 'a')).resolves.toMatchObject({ blocks });
  });

  it('keeps only the most recently asked-for sections, and loads a dropped one again', async () => {
    const loaders = { a: vi.fn(async () => ({ blocks })), b: vi.fn(async () => ({ blocks })), c: vi.fn(async () => ({ blocks })) };
    const load = createSectionLoader([work], { w: loaders }, 2);
    const a = await load('w', 'a');
    await load('w', 'b');
    expect(await load('w', 'a')).toBe(a); // a hit makes "a" the newest
    await load('w', 'c'); // drops "b", the oldest
    expect(await load('w', 'a')).toBe(a);
    expect(loaders.a).toHaveBeenCalledTimes(1);
    await load('w', 'b');
    expect(loaders.b).toHaveBeenCalledTimes(2);
  });
});
