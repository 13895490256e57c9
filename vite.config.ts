import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { worksPlugin } from './build/works-plugin';
import { pwaPlugin } from './build/pwa';
import { bootOrderPlugin } from './build/boot-order';
import { cspPlugin } from './build/csp';

/** QUIRE_DIST picks the output folder (tests build into their own); QUIRE_BENCH=1 adds the benchmark's generated work; QUIRE_LIBRARY=<n> adds n small generated works (shelf tests and bench). */
export default defineConfig({
  build: {
    outDir: process.env.QUIRE_DIST ?? 'dist',
    target: 'es2022',
    // Fonts and icons stay files (precached, cached forever), never data: URLs.
    assetsInlineLimit: 0,
  },
  plugins: [preact(), worksPlugin({ bench: process.env.QUIRE_BENCH === '1', library: Number(process.env.QUIRE_LIBRARY ?? 0) || 0 }), pwaPlugin(), cspPlugin(), bootOrderPlugin()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173 },
});
