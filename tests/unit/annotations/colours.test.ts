import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLOURS } from '../../../src/annotations/colours';
import { COLOURS } from '../../../src/annotations/types';
import { PALETTES } from '../../../src/settings/themes';
import type { ResolvedTheme } from '../../../src/settings/types';
import { root } from '../../fixtures/content';
import { contrast } from '../../fixtures/contrast';

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
