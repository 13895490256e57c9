import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MANIFEST, THEME } from '../../../build/pwa';
import { ICONS, ICON_SOURCE, TILE_COLOUR, renderIcons } from '../../../scripts/icons.mjs';

describe('icons from assets/icon.svg', () => {
  it('pads full-bleed icons with the source tile colour', async () => {
    expect(await readFile(ICON_SOURCE, 'utf8')).toContain(`fill="${TILE_COLOUR}"`);
  });

  it('renders every icon at its size; maskable and Apple icons are opaque to the corners', async () => {
    const rendered = await renderIcons();
    for (const spec of ICONS) {
      const icon = rendered.find((r) => r.fileName === spec.fileName);
      if (!icon) throw new Error(`${spec.fileName} was not rendered`);
      const { data, info } = await sharp(icon.source).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height], spec.fileName).toEqual([spec.size, spec.size]);
      const cornerAlpha = data[3];
      if (spec.purpose === 'any') expect(cornerAlpha, spec.fileName).toBe(0);
      else expect(cornerAlpha, spec.fileName).toBe(255);
    }
  });

  it('keeps the maskable mark inside the safe zone (a centred circle of 40% radius)', async () => {
    const spec = ICONS.find((i) => i.purpose === 'maskable');
    const icon = (await renderIcons()).find((r) => r.fileName === spec?.fileName);
    if (!spec || !icon) throw new Error('no maskable icon');
    const { data, info } = await sharp(icon.source).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const tile = [0x1f, 0x1b, 0x16];
    const r = 0.4 * info.width;
    const c = info.width / 2;
    let outside = 0;
    for (let y = 0; y < info.height; y += 1) {
      for (let x = 0; x < info.width; x += 1) {
        if ((x + 0.5 - c) ** 2 + (y + 0.5 - c) ** 2 <= r * r) continue;
        const i = (y * info.width + x) * 4;
        if (Math.abs((data[i] ?? 0) - (tile[0] ?? 0)) + Math.abs((data[i + 1] ?? 0) - (tile[1] ?? 0)) + Math.abs((data[i + 2] ?? 0) - (tile[2] ?? 0)) > 6) outside += 1;
      }
    }
    expect(outside, 'pixels of the mark outside the safe zone').toBe(0);
  });

  it('lists 192 and 512 "any" and a separate 512 "maskable" in the manifest, in the light theme colours', () => {
    expect(MANIFEST.icons?.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    expect(MANIFEST.theme_color).toBe(THEME.background);
    expect(MANIFEST.background_color).toBe('#fbf8f1');
  });
});
