import type { Plugin } from 'vite';
// Being written by the content engineer.
export function worksPlugin(_options: { bench: boolean }): Plugin {
  return { name: 'quire-works' };
}
