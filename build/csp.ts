import type { Plugin } from 'vite';
import { CSP } from './csp-policy.mjs';

/**
 * Puts the Content-Security-Policy into the built index.html as a meta tag, so a
 * static host that cannot set headers still enforces it. (frame-ancestors only
 * works as a header; browsers ignore it in a meta tag, so it is left out here.)
 */
export function cspPlugin(): Plugin {
  const policy = CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
  return {
    name: 'quire-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}
