// The spoken sentence's colours: the CSS paints what src/speech/colours.ts says, and every theme passes WCAG AA.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PALETTES } from '../../../src/settings/themes';
import type { ResolvedTheme } from '../../../src/settings/types';
import { READ_ALOUD_COLOURS } from '../../../src/speech/colours';
import { root } from '../../fixtures/content';
import { contrast } from '../../fixtures/contrast';

const themes = Object.keys(PALETTES) as ResolvedTheme[];
const css = readFileSync(resolve(root, 'src/ui/read-aloud/style.css'), 'utf8');

/** The declarations of the rule for a theme's ::highlight(read-aloud). */
function rule(theme: ResolvedTheme): Record<string, string> {
  const match = new RegExp(`\\[data-theme='${theme}'\\] ::highlight\\(read-aloud\\) \\{([^}]*)\\}`).exec(css);
  if (!match) throw new Error(`No ::highlight(read-aloud) rule for ${theme}`);
  return Object.fromEntries(
    (match[1] as string)
      .split(';')
      .map((d) => d.split(':').map((x) => x.trim()))
      .filter((d) => d.length === 2)
      .map(([k, v]) => [k as string, v as string]),
  );
}

describe('contrast helper', () => {
  it('matches the known extremes', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe.each(themes)('read aloud in the %s theme', (theme) => {
  const colours = READ_ALOUD_COLOURS[theme];
  const palette = PALETTES[theme];

  it('is painted by the stylesheet exactly as colours.ts says', () => {
    expect(rule(theme)).toEqual({ 'background-color': colours.background, color: colours.text, 'text-decoration': `underline 2px ${colours.underline}` });
  });

  it('keeps the theme’s text colour, at 4.5:1 or more on the sentence’s background', () => {
    expect(colours.text).toBe(palette.text);
    expect(contrast(colours.text, colours.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('underlines it at 3:1 or more on the page and on the sentence’s background (not colour alone)', () => {
    expect(contrast(colours.underline, palette.bg)).toBeGreaterThanOrEqual(3);
    expect(contrast(colours.underline, colours.background)).toBeGreaterThanOrEqual(3);
  });

  it('stands apart from the selection and the search hit', () => {
    expect(colours.background).not.toBe(palette.selection);
    expect(colours.background).not.toBe(palette.highlight);
  });
});
