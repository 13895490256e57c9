import type { PluginOption } from 'vite';
// Being written by the PWA engineer.
export function pwaPlugin(): PluginOption {
  return [];
}
