/** The generated service worker precaches everything the app needs offline, and nothing it would skip. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_PRECACHE_BYTES } from '../../build/pwa';
import { distDir } from './harness';
import { readPrecache, type PrecacheEntry } from './pwa';

/** The file types build/pwa.ts globs for, and the manifest vite-plugin-pwa adds itself. */
const PRECACHED_TYPES = new Set(['.html', '.js', '.css', '.woff2', '.png', '.svg', '.json', '.webmanifest']);
/** The worker and Workbox's runtime: the browser caches those itself, they are not precached. */
/** The manifest's screenshots are for the install dialog only (build/pwa.ts globIgnores). */
const NOT_PRECACHED = (name: string) => name === 'sw.js' || /^workbox-[\w-]+\.js$/.test(name) || name.startsWith('screenshots/');

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return found.sort();
}

describe('the precache (generated sw.js)', () => {
  const dir = distDir();
  let entries: PrecacheEntry[];
  let urls: Set<string>;
  let files: string[];

  beforeAll(async () => {
    entries = await readPrecache(dir);
    urls = new Set(entries.map((e) => e.url));
    files = await filesUnder(dir);
  });

  it('lists the shell and the manifest', () => {
    expect(urls).toContain('index.html');
    expect(urls).toContain('manifest.webmanifest');
  });

  it('lists every script under assets/ (every work section chunk included) and every stylesheet', () => {
    const assets = files.filter((f) => f.startsWith('assets/') && ['.js', '.css', '.json'].includes(extname(f)));
    expect(assets.length, 'no scripts in assets/: is this a Vite build?').toBeGreaterThan(0);
    const missing = assets.filter((f) => !urls.has(f));
    expect(missing, `built but not precached: ${missing.join(', ')}`).toEqual([]);
  });

  it('lists every font file', () => {
    const fonts = files.filter((f) => f.endsWith('.woff2'));
    expect(fonts.length, 'the build has no .woff2 fonts').toBeGreaterThan(0);
    const missing = fonts.filter((f) => !urls.has(f));
    expect(missing, `fonts not precached: ${missing.join(', ')}`).toEqual([]);
  });

  it('lists the icons', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.webmanifest'), 'utf8')) as { icons: { src: string }[] };
    const icons = [...manifest.icons.map((i) => i.src.replace(/^\//, '')), 'apple-touch-icon.png', 'favicon.svg'];
    const missing = icons.filter((i) => !urls.has(i));
    expect(missing, `icons not precached: ${missing.join(', ')}`).toEqual([]);
  });

  it('leaves out no file of a precached type (Workbox silently skips files over its size limit)', () => {
    const expected = files.filter((f) => PRECACHED_TYPES.has(extname(f)) && !NOT_PRECACHED(f));
    const missing = expected.filter((f) => !urls.has(f));
    expect(missing, `left out of the precache: ${missing.join(', ')}`).toEqual([]);
  });

  it('lists only files that exist, each under 2 MiB', async () => {
    const tooLarge: string[] = [];
    const missing: string[] = [];
    for (const url of urls) {
      const size = await stat(join(dir, url)).then((s) => s.size, () => -1);
      if (size < 0) missing.push(url);
      else if (size >= MAX_PRECACHE_BYTES) tooLarge.push(`${url} (${size} bytes)`);
    }
    expect(missing, `precached but not in the build: ${missing.join(', ')}`).toEqual([]);
    expect(tooLarge, `over the 2 MiB precache limit: ${tooLarge.join(', ')}`).toEqual([]);
  });

  it('falls back to the shell for navigations, cleans old caches, and routes nothing else', async () => {
    const sw = await readFile(join(dir, 'sw.js'), 'utf8');
    expect(sw, 'no navigation fallback to the shell').toMatch(/createHandlerBoundToURL\(\s*"\/?index\.html"\s*\)/);
    expect(sw).toContain('cleanupOutdatedCaches');
    // One route only: the navigation fallback. No runtime caching, no other origin.
    expect(sw.match(/registerRoute\(/g)?.length ?? 0).toBe(1);
    expect(sw).not.toMatch(/https?:\/\//);
  });

  it('reports its size', async () => {
    const byType = new Map<string, { count: number; bytes: number }>();
    let total = 0;
    for (const url of urls) {
      const size = (await stat(join(dir, url))).size;
      total += size;
      const type = extname(url) || url;
      const row = byType.get(type) ?? { count: 0, bytes: 0 };
      byType.set(type, { count: row.count + 1, bytes: row.bytes + size });
    }
    const lines = [...byType].sort((a, b) => b[1].bytes - a[1].bytes)
      .map(([type, { count, bytes }]) => `  ${type.padEnd(13)} ${String(count).padStart(4)} files ${String(bytes).padStart(10)} bytes ${((100 * bytes) / total).toFixed(1).padStart(5)}%`);
    console.log(`Precache: ${urls.size} files, ${total} bytes (${(total / 1024 / 1024).toFixed(2)} MiB)\n${lines.join('\n')}`);
    expect(total).toBeGreaterThan(0);
  });
});
