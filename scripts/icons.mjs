// @ts-check
/**
 * Renders Quire's app icons from the one committed source, assets/icon.svg.
 * The build calls renderIcons() (build/pwa.ts emits the PNGs into the output);
 * `node scripts/icons.mjs <folder>` writes the same files to a folder, to look at them.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

/** The committed source image. */
export const ICON_SOURCE = fileURLToPath(new URL('../assets/icon.svg', import.meta.url));

/** The tile colour of assets/icon.svg; full-bleed icons are padded with it. */
export const TILE_COLOUR = '#1f1b16';

/**
 * @typedef {{ fileName: string, size: number, purpose: 'any' | 'maskable' | 'apple', scale?: number }} IconSpec
 * `scale` set: the source is drawn at that fraction of `size`, centred on an opaque
 * square of TILE_COLOUR (maskable icons keep the mark inside the 80% safe zone;
 * iOS fills transparent corners with black, so its icon is opaque too).
 */

/** @type {readonly IconSpec[]} */
export const ICONS = [
  { fileName: 'icons/icon-192.png', size: 192, purpose: 'any' },
  { fileName: 'icons/icon-512.png', size: 512, purpose: 'any' },
  { fileName: 'icons/maskable-512.png', size: 512, purpose: 'maskable', scale: 0.84 },
  { fileName: 'apple-touch-icon.png', size: 180, purpose: 'apple', scale: 0.9 },
];

/**
 * Renders one icon as a PNG.
 * @param {Buffer} svg
 * @param {IconSpec} spec
 * @returns {Promise<Buffer>}
 */
export async function renderIcon(svg, spec) {
  const drawn = Math.round(spec.size * (spec.scale ?? 1));
  // The source's viewBox is 512 wide: rasterise at the density that gives `drawn` pixels, so edges stay sharp.
  const mark = await sharp(svg, { density: (72 * drawn) / 512 }).resize(drawn, drawn).png().toBuffer();
  if (spec.scale === undefined) return sharp(mark).png({ compressionLevel: 9 }).toBuffer();
  return sharp({ create: { width: spec.size, height: spec.size, channels: 4, background: TILE_COLOUR } })
    .composite([{ input: mark, gravity: 'centre' }])
    .flatten({ background: TILE_COLOUR })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/**
 * Renders every icon in ICONS from the source.
 * @param {string} [source]
 * @returns {Promise<{ fileName: string, source: Buffer }[]>}
 */
export async function renderIcons(source = ICON_SOURCE) {
  const svg = await readFile(source);
  return Promise.all(ICONS.map(async (spec) => ({ fileName: spec.fileName, source: await renderIcon(svg, spec) })));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? 'icons-preview');
  for (const icon of await renderIcons()) {
    const file = join(out, icon.fileName);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, icon.source);
    console.log(`${file} (${icon.source.length} bytes)`);
  }
}
