/** The bundled works as the app sees them: the catalogue in the main bundle, sections on demand. */
import { catalogue as built, sectionLoaders } from 'virtual:quire/catalogue';
import { createSectionLoader } from './sections';
import type { Section, WorkInfo } from './types';

/** Every bundled work: metadata, sections and counts, no text. */
export const catalogue: readonly WorkInfo[] = built;

/** The work with this id, or undefined. */
export function findWork(id: string): WorkInfo | undefined {
  return catalogue.find((w) => w.id === id);
}

/** A section with its blocks, loaded once from its own chunk; rejects with a ContentError for an unknown work or section. */
export const loadSection: (workId: string, sectionId: string) => Promise<Section> = createSectionLoader(catalogue, sectionLoaders);
