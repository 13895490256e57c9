import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PALETTES, paletteVar, type Palette } from '../../../src/settings/themes';
import type { ResolvedTheme } from '../../../src/settings/types';
import { contrast } from '../../fixtures/contrast';

const themes = Object.keys(PALETTES) as ResolvedTheme[];

// [foreground, background, minimum]: text 4.5:1, UI components and focus 3:1 (WCAG 1.4.3, 1.4.11).
const pairs: [keyof Palette, keyof Palette, number][] = [
  ['text', 'bg', 4.5],
  ['text', 'surface', 4.5],
  ['muted', 'bg', 4.5],
  ['muted', 'surface', 4.5],
  ['accent', 'bg', 4.5],
  ['accent', 'surface', 4.5],
  ['onAccent', 'accent', 4.5],
  ['text', 'selection', 4.5],
  ['text', 'highlight', 4.5],
  ['border', 'bg', 3],
  ['border', 'surface', 3],
  ['focus', 'bg', 3],
  ['focus', 'surface', 3],
];

describe('contrast helper', () => {
  it('matches the known extremes', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe.each(themes)('the %s theme', (theme) => {
  const palette = PALETTES[theme];
  it.each(pairs)('%s on %s reaches %s:1', (fg, bg, min) => {
    expect(contrast(palette[fg], palette[bg])).toBeGreaterThanOrEqual(min);
  });
});

it('black is true black for OLED screens', () => {
  expect(PALETTES.black.bg).toBe('#000000');
});

/** The declarations of each `[data-theme='x']` block in themes.css. */
function parseThemesCss(): Map<string, Record<string, string>> {
  const css = readFileSync('src/styles/themes.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const blocks = new Map<string, Record<string, string>>();
  for (const [, selectors = '', body = ''] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const declarations = Object.fromEntries([...body.matchAll(/(--color-[a-z-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2]?.trim()]));
    for (const name of selectors.matchAll(/\[data-theme='([a-z]+)'\]/g)) blocks.set(name[1] as string, declarations);
    if (/(^|,)\s*:root\s*(,|$)/.test(selectors)) blocks.set(':root', declarations);
  }
  return blocks;
}

describe('src/styles/themes.css', () => {
  const blocks = parseThemesCss();

  it.each(themes)('paints the %s palette exactly as themes.ts defines it', (theme) => {
    const expected = Object.fromEntries(Object.entries(PALETTES[theme]).map(([key, value]) => [paletteVar(key as keyof Palette), value]));
    expect(blocks.get(theme)).toEqual(expected);
  });

  it('uses the light palette when no theme is set', () => {
    expect(blocks.get(':root')).toEqual(blocks.get('light'));
  });
});

describe('public/boot.js', () => {
  it("knows each theme's background, for theme-color before the app starts", () => {
    const source = readFileSync('public/boot.js', 'utf8');
    const map = /THEME_COLORS = (\{[^}]*\})/.exec(source)?.[1] ?? '';
    const colors = Object.fromEntries([...map.matchAll(/(\w+): '(#[0-9a-f]{6})'/g)].map((m) => [m[1], m[2]]));
    expect(colors).toEqual(Object.fromEntries(themes.map((t) => [t, PALETTES[t].bg])));
  });
});
