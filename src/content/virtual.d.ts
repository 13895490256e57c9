/** Modules made by build/works-plugin.ts at build (and dev) time. See ./README.md. */
declare module 'virtual:quire/catalogue' {
  import type { Block, WorkInfo } from './types';
  /** Every work's metadata, section list and counts; no text. */
  export const catalogue: WorkInfo[];
  /** Per work id, per section id: a dynamic import of that section's own chunk. */
  export const sectionLoaders: Record<string, Record<string, () => Promise<{ blocks: Block[] }>>>;
}
