import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findChrome } from './chrome';
import { distDir } from './harness';

/** Fails the whole e2e run at once, with a clear message, when there is no browser or no build. */
export default function setup(): void {
  findChrome();
  if (!existsSync(join(distDir(), 'index.html'))) {
    throw new Error(`No production build in ${distDir()}: run \`npm run build\` first (npm test does).`);
  }
}
