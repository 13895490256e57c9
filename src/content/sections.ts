/** Loading a section's blocks on demand, the most recent few cached; independent of where the blocks come from. */
import { ContentError } from './errors';
import type { Block, Section, WorkInfo } from './types';

/** Per work id, per section id: a function that loads that section's blocks. */
export type SectionLoaders = Record<string, Record<string, () => Promise<{ blocks: Block[] }>>>;

/**
 * Makes `loadSection(workId, sectionId)`: one load per section while it is among the `keep` most
 * recently asked for, shared by all callers; older ones are dropped (a later call loads again);
 * a failed load is not kept, so it can be retried.
 */
export function createSectionLoader(catalogue: readonly WorkInfo[], loaders: SectionLoaders, keep = Infinity) {
  // Insertion order is recency: a hit moves to the end, the first entry is the oldest.
  const cache = new Map<string, Promise<Section>>();

  const load = async (workId: string, sectionId: string): Promise<Section> => {
    const work = catalogue.find((w) => w.id === workId);
    if (!work) throw new ContentError('unknown-work', `No work with id "${workId}".`);
    const info = work.sections.find((s) => s.id === sectionId);
    const loader = loaders[workId]?.[sectionId];
    if (!info || !loader) throw new ContentError('unknown-section', `Work "${workId}" has no section "${sectionId}".`);
    let blocks: Block[];
    try {
      ({ blocks } = await loader());
    } catch (e) {
      throw new ContentError('load-failed', `Section "${sectionId}" of "${workId}" could not be loaded.`, { cause: e });
    }
    if (blocks.length !== info.blockCount) {
      throw new ContentError('load-failed', `Section "${sectionId}" of "${workId}" has ${blocks.length} blocks, the catalogue says ${info.blockCount}.`);
    }
    return { ...info, blocks };
  };

  return function loadSection(workId: string, sectionId: string): Promise<Section> {
    const key = `${workId}\n${sectionId}`;
    let p = cache.get(key);
    if (p) {
      cache.delete(key);
      cache.set(key, p);
      return p;
    }
    const loading = load(workId, sectionId);
    p = loading;
    cache.set(key, p);
    p.catch(() => {
      if (cache.get(key) === loading) cache.delete(key);
    });
    for (const oldest of cache.keys()) {
      if (cache.size <= keep) break;
      cache.delete(oldest);
    }
    return p;
  };
}
