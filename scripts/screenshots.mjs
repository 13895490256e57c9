// @ts-check
/**
 * The manifest's screenshots, taken from the real production build: the library and the
 * reader, narrow (a phone) and wide (a laptop). `npm run build && node scripts/screenshots.mjs`
 * writes them to public/screenshots/ (committed); build/pwa.ts lists them in the manifest and
 * refuses to build if one is missing or not the size it claims (read from the PNG header).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the committed PNGs live (served from the site root as /screenshots/…). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../public/screenshots/', import.meta.url));

/**
 * @typedef {{ fileName: string, screen: 'library' | 'reader', form_factor: 'narrow' | 'wide',
 *   viewport: { width: number, height: number }, scale: number, label: string }} ScreenshotSpec
 * The PNG is viewport × scale pixels.
 */

/** @type {readonly ScreenshotSpec[]} */
export const SCREENSHOTS = [
  { fileName: 'library-narrow.png', screen: 'library', form_factor: 'narrow', viewport: { width: 412, height: 892 }, scale: 2, label: 'The library: each work with its content notes and your progress' },
  { fileName: 'reader-narrow.png', screen: 'reader', form_factor: 'narrow', viewport: { width: 412, height: 892 }, scale: 2, label: 'Reading a work, one page at a time' },
  { fileName: 'library-wide.png', screen: 'library', form_factor: 'wide', viewport: { width: 1280, height: 800 }, scale: 1, label: 'The library on a wide screen' },
  { fileName: 'reader-wide.png', screen: 'reader', form_factor: 'wide', viewport: { width: 1280, height: 800 }, scale: 1, label: 'Reading in two columns on a wide screen' },
];

/** A screenshot's pixel size as the manifest states it: "824x1784". */
export function screenshotSizes(/** @type {ScreenshotSpec} */ spec) {
  return `${spec.viewport.width * spec.scale}x${spec.viewport.height * spec.scale}`;
}

/**
 * Width and height from a PNG's header (the IHDR chunk right after the signature), or null
 * when the bytes are not a PNG.
 * @param {Uint8Array} bytes
 * @returns {{ width: number, height: number } | null}
 */
export function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Problems with the committed screenshots: each missing file or one whose PNG header
 * disagrees with the size the manifest states. Empty when all is well.
 * @returns {Promise<string[]>}
 */
export async function checkScreenshots(dir = SCREENSHOT_DIR, specs = SCREENSHOTS) {
  const problems = [];
  for (const spec of specs) {
    const path = join(dir, spec.fileName);
    if (!existsSync(path)) {
      problems.push(`${spec.fileName} is missing (run: npm run build && node scripts/screenshots.mjs)`);
      continue;
    }
    const size = pngSize(await readFile(path));
    const stated = screenshotSizes(spec);
    if (!size) problems.push(`${spec.fileName} is not a PNG`);
    else if (`${size.width}x${size.height}` !== stated) problems.push(`${spec.fileName} is ${size.width}x${size.height}, the manifest says ${stated}`);
  }
  return problems;
}

/** Takes every screenshot from the build in `root` into `outDir`. */
async function main(root = resolve('dist'), outDir = SCREENSHOT_DIR) {
  const { chromium } = await import('playwright-core');
  const { serve } = await import('./serve.mjs');
  const sharp = (await import('sharp')).default;
  const server = await serve({ root, host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await mkdir(outDir, { recursive: true });
    for (const spec of SCREENSHOTS) {
      // No service worker: its one-time "Ready to read offline" notice is not part of the picture.
      const context = await browser.newContext({ viewport: spec.viewport, deviceScaleFactor: spec.scale, serviceWorkers: 'block', colorScheme: 'light', reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
      if (spec.screen === 'reader') {
        // The opening of the short work: the reader as it is, at a page fit for an install dialog.
        await page.getByRole('link', { name: 'Untitled', exact: true }).click();
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.locator('article.reader-content[data-place-block] [data-block]').first().waitFor();
      }
      await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
      const shot = await page.screenshot({ type: 'png' });
      // A palette PNG: a fraction of the size, the same picture to the eye.
      const png = await sharp(shot).png({ palette: true, colours: 128, compressionLevel: 9, effort: 10 }).toBuffer();
      await mkdir(dirname(join(outDir, spec.fileName)), { recursive: true });
      await writeFile(join(outDir, spec.fileName), png);
      console.log(`${spec.fileName}: ${screenshotSizes(spec)}, ${png.length} bytes`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv[2] ? resolve(process.argv[2]) : undefined);
}
