/** The module build/covers.ts makes (through build/works-plugin.ts). */
declare module 'virtual:quire/covers' {
  import type { CoverSpec } from './types';
  /** Every work's generated cover, by work id. */
  export const covers: Record<string, CoverSpec>;
}
