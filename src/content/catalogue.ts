/** The bundled works as the app sees them: the catalogue in the main bundle, sections fetched on demand, a few kept. */
import { catalogue as built, sectionUrls as urls } from 'virtual:quire/catalogue';
import { createSectionLoader, type SectionLoaders } from './sections';
import type { Block, Section, WorkInfo } from './types';

/** Every bundled work: metadata, sections and counts, no text. */
export const catalogue: readonly WorkInfo[] = built;

/** Per work id, per section id: the URL of the section's blocks (JSON). The search worker fetches them itself. */
export const sectionUrls: Readonly<Record<string, Readonly<Record<string, string>>>> = urls;

/** The work with this id, or undefined. */
export function findWork(id: string): WorkInfo | undefined {
  return catalogue.find((w) => w.id === id);
}

/** Sections kept loaded: the one shown, its neighbours, and the one before a jump (so Back costs no load). */
export const SECTIONS_KEPT = 4;

/** Fetches a section's blocks; an HTTP error is an error (the section loader reports it as `load-failed`). */
export async function fetchBlocks(url: string): Promise<{ blocks: Block[] }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return { blocks: (await response.json()) as Block[] };
}

const loaders: SectionLoaders = Object.fromEntries(
  Object.entries(sectionUrls).map(([workId, sections]) => [workId, Object.fromEntries(Object.entries(sections).map(([id, url]) => [id, () => fetchBlocks(url)]))]),
);

/**
 * A section with its blocks, fetched once and shared by all callers while it is among the
 * SECTIONS_KEPT most recently asked for (older ones are let go, so memory stays flat however
 * far one jumps); rejects with a ContentError for an unknown work or section.
 */
export const loadSection: (workId: string, sectionId: string) => Promise<Section> = createSectionLoader(catalogue, loaders, SECTIONS_KEPT);
