import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLOURS } from '../../../src/annotations/colours';
import { COLOURS } from '../../../src/annotations/types';
import { PALETTES } from '../../../src/settings/themes';
import type { ResolvedTheme } from '../../../src/settings/types';
import { root } from '../../fixtures/content';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const themes = Object.keys(PALETTES) as ResolvedTheme[];

describe.each(themes)('highlights in the %s theme', (theme) => {
  it.each(COLOURS)('text over %s meets WCAG AA (4.5:1)', (colour) => {
    expect(contrast(PALETTES[theme].text, HIGHLIGHT_COLOURS[theme][colour])).toBeGreaterThanOrEqual(4.5);
  });

  it('has four colours apart from each other and from the page', () => {
    const values = COLOURS.map((c) => HIGHLIGHT_COLOURS[theme][c].toLowerCase());
    expect(new Set([...values, PALETTES[theme].bg.toLowerCase(), PALETTES[theme].selection.toLowerCase()]).size).toBe(6);
  });
});

it('the stylesheet paints exactly the colours of colours.ts', () => {
  const css = readFileSync(resolve(root, 'src/annotations/highlights.css'), 'utf8');
  for (const theme of themes) {
    const block = new RegExp(`\\[data-theme='${theme}'\\]\\s*\\{([^}]*)\\}`).exec(css)?.[1] ?? '';
    for (const colour of COLOURS) expect(block, `${theme} ${colour}`).toContain(`--quire-hl-${colour}: ${HIGHLIGHT_COLOURS[theme][colour]};`);
  }
  for (const colour of COLOURS) expect(css).toContain(`::highlight(quire-${colour}) {\n  background-color: var(--quire-hl-${colour});\n  color: var(--color-text);\n}`);
});
