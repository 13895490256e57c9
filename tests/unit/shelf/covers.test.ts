import { describe, expect, it } from 'vitest';
import { contrast, coverPalette, coverSpec, coversModule, hashId, wrap } from '../../../build/covers';
import { loadWorks } from '../../../build/works-plugin';
import { PALETTES } from '../../../src/settings/themes';
import { generatedId } from '../../fixtures/generate-library';

const works = loadWorks('works', false, 0);
// The bundled works, the bench work's id, and 200 generated ids: a spread of hues and saturations.
const ids = [...works.map((w) => w.id), 'bench-million', ...Array.from({ length: 200 }, (_, i) => generatedId(i + 1))];

describe('cover palette', () => {
  it('is the same for the same id, and differs between ids', () => {
    expect(coverPalette('making-it-work')).toEqual(coverPalette('making-it-work'));
    expect(hashId('making-it-work')).toBe(hashId('making-it-work'));
    const bgs = new Set(ids.map((id) => coverPalette(id).bg));
    expect(bgs.size).toBeGreaterThan(ids.length * 0.8);
  });

  it('keeps the title and fandom ≥ 4.5:1 on the cover, for every id', () => {
    for (const id of ids) {
      const p = coverPalette(id);
      expect(contrast(p.ink, p.bg), `${id}: ink ${p.ink} on ${p.bg}`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.ink, p.band), `${id}: ink ${p.ink} on band ${p.band}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('stands out ≥ 3:1 from every theme’s background and surface (WCAG 1.4.11), for every id', () => {
    for (const [theme, palette] of Object.entries(PALETTES)) {
      for (const id of ids) {
        const { bg } = coverPalette(id);
        expect(contrast(bg, palette.bg), `${id} on ${theme} bg`).toBeGreaterThanOrEqual(3);
        expect(contrast(bg, palette.surface), `${id} on ${theme} surface`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe('cover spec', () => {
  it('says what it is, with the display title and the fandom and nothing else', () => {
    for (const w of works) {
      const spec = coverSpec(w);
      const { displayTitle, fandom } = w.meta.addedByApp;
      expect(spec.label).toBe(`Generated cover: title ${displayTitle}, fandom ${fandom}`);
      expect(spec.title.join(' ')).toBe(displayTitle);
      expect(spec.fandom.join(' ')).toBe(fandom);
    }
  });

  it('wraps long titles into at most four lines, shrinking the type first', () => {
    const meta = works[0]?.meta;
    if (!meta) throw new Error('no works');
    const long = coverSpec({ id: 'x', meta: { ...meta, addedByApp: { ...meta.addedByApp, displayTitle: 'A very long title that goes on and on and on well past what any cover could hold in four lines' } } });
    expect(long.title.length).toBeLessThanOrEqual(4);
    expect(long.titleSize).toBeLessThan(18);
    expect(long.title.at(-1)).toMatch(/…$/);
    expect(wrap('Making It Work', 9)).toEqual(['Making It', 'Work']);
  });

  it('makes a module that carries every work by id', async () => {
    const source = coversModule(works);
    const url = `data:text/javascript,${encodeURIComponent(source)}`;
    const mod = (await import(/* @vite-ignore */ url)) as { covers: Record<string, unknown> };
    expect(Object.keys(mod.covers).sort()).toEqual(works.map((w) => w.id).sort());
  });
});
