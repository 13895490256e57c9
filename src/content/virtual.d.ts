/** Modules made by build/works-plugin.ts at build (and dev) time. See ./README.md. */
declare module 'virtual:quire/catalogue' {
  import type { WorkInfo } from './types';
  /** Every work's metadata, section list and counts; no text. */
  export const catalogue: WorkInfo[];
  /** Per work id, per section id: the URL of that section's blocks as JSON (content-hashed). */
  export const sectionUrls: Record<string, Record<string, string>>;
}
