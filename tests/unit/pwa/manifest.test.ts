// The manifest for a richer install: its fields, and the committed screenshots at the sizes it states.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CONTINUE_URL, MANIFEST } from '../../../build/pwa';
import { SCREENSHOTS, SCREENSHOT_DIR, checkScreenshots, pngSize } from '../../../scripts/screenshots.mjs';

describe('the manifest', () => {
  it('has a stable id, a description, the books category, and focus-existing launches', () => {
    expect(MANIFEST.id).toBe('/');
    expect(MANIFEST.start_url).toBe('/');
    expect(MANIFEST.description).toMatch(/\w{4,}/);
    expect(MANIFEST.categories).toEqual(['books']);
    expect(MANIFEST.launch_handler).toEqual({ client_mode: 'focus-existing' });
  });

  it('has a "Continue reading" shortcut to a URL inside its scope, which the app resolves', () => {
    expect(MANIFEST.shortcuts).toEqual([expect.objectContaining({ name: 'Continue reading', url: CONTINUE_URL })]);
    expect(new URL(CONTINUE_URL, 'https://quire.example/').pathname.startsWith(MANIFEST.scope ?? '/')).toBe(true);
    expect(CONTINUE_URL).toBe('/#/continue');
  });

  it('lists narrow and wide screenshots of the library and the reader, each labelled', () => {
    const shots = MANIFEST.screenshots ?? [];
    expect(shots.map((s) => `${s.form_factor} ${s.src}`).sort()).toEqual([
      'narrow /screenshots/library-narrow.png',
      'narrow /screenshots/reader-narrow.png',
      'wide /screenshots/library-wide.png',
      'wide /screenshots/reader-wide.png',
    ]);
    for (const shot of shots) {
      expect(shot.type).toBe('image/png');
      expect(shot.label?.length ?? 0, shot.src).toBeGreaterThan(10);
    }
  });

  it('states each screenshot at the size its committed PNG really has (header and decoder agree)', async () => {
    for (const shot of MANIFEST.screenshots ?? []) {
      const bytes = await readFile(join(SCREENSHOT_DIR, shot.src.replace('/screenshots/', '')));
      const header = pngSize(bytes);
      expect(header && `${header.width}x${header.height}`, shot.src).toBe(shot.sizes);
      const decoded = await sharp(bytes).metadata();
      expect(`${decoded.width}x${decoded.height}`, shot.src).toBe(shot.sizes);
      // Chromium's richer install UI: narrow ones taller than wide, wide ones wider than tall.
      const [w = 0, h = 0] = shot.sizes.split('x').map(Number);
      expect(shot.form_factor === 'wide' ? w > h : h > w, shot.src).toBe(true);
      expect(Math.max(w, h) / Math.min(w, h), shot.src).toBeLessThanOrEqual(2.3);
    }
    expect(await checkScreenshots()).toEqual([]);
  });

  it('the build check names a missing screenshot and one of the wrong size', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quire-shots-'));
    const [first, second] = SCREENSHOTS;
    if (!first || !second) throw new Error('no screenshots listed');
    await writeFile(join(dir, first.fileName), await sharp({ create: { width: 10, height: 20, channels: 3, background: '#fff' } }).png().toBuffer());
    const problems = await checkScreenshots(dir, [first, second]);
    expect(problems[0]).toMatch(new RegExp(`${first.fileName} is 10x20, the manifest says \\d+x\\d+`));
    expect(problems[1]).toMatch(new RegExp(`${second.fileName} is missing`));
    expect(pngSize(new TextEncoder().encode('not a png at all, no header'))).toBeNull();
  });
});
