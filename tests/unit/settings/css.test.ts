import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_STACKS, resolveTheme, settingsToCss } from '../../../src/settings/css';
import { DEFAULT_SETTINGS } from '../../../src/settings/defaults';
import { PALETTES } from '../../../src/settings/themes';

describe('resolveTheme', () => {
  it('follows the system only for "system"', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('sepia', true)).toBe('sepia');
    expect(resolveTheme('black', false)).toBe('black');
  });
});

describe('settingsToCss', () => {
  it('maps the defaults to the documented variables and attributes', () => {
    expect(settingsToCss(DEFAULT_SETTINGS, 'light')).toEqual({
      vars: {
        '--reader-font-family': FONT_STACKS.literata,
        '--reader-font-size': '1.125rem',
        '--reader-line-height': '1.5',
        '--reader-measure': '34em',
        '--reader-text-align': 'left',
        '--reader-hyphens': 'manual',
        '--reader-para-indent': '1em',
        '--reader-para-gap': '0',
      },
      attrs: { 'data-theme': 'light', 'data-columns': 'auto', 'data-page-turn': 'slide' },
      themeColor: PALETTES.light.bg,
    });
  });

  it('sizes text in rem so the browser base size counts', () => {
    expect(settingsToCss({ ...DEFAULT_SETTINGS, fontSize: 14 }, 'light').vars['--reader-font-size']).toBe('0.875rem');
    expect(settingsToCss({ ...DEFAULT_SETTINGS, fontSize: 32 }, 'light').vars['--reader-font-size']).toBe('2rem');
  });

  it('maps line spacing and measure', () => {
    const { vars } = settingsToCss({ ...DEFAULT_SETTINGS, lineHeight: 1.8, measure: 42 }, 'light');
    expect(vars['--reader-line-height']).toBe('1.8');
    expect(vars['--reader-measure']).toBe('42em');
  });

  it('justified text always hyphenates; ragged text hyphenates only at soft hyphens', () => {
    const justified = settingsToCss({ ...DEFAULT_SETTINGS, justify: true }, 'light').vars;
    expect(justified['--reader-text-align']).toBe('justify');
    expect(justified['--reader-hyphens']).toBe('auto');
  });

  it('spaced paragraphs lose the indent and gain a gap', () => {
    const { vars } = settingsToCss({ ...DEFAULT_SETTINGS, paragraphs: 'spaced' }, 'light');
    expect(vars['--reader-para-indent']).toBe('0');
    expect(vars['--reader-para-gap']).toBe('0.75em');
  });

  it('gives every font its own stack, each ending in a generic family', () => {
    for (const font of Object.keys(FONT_STACKS) as (keyof typeof FONT_STACKS)[]) {
      const stack = settingsToCss({ ...DEFAULT_SETTINGS, font }, 'light').vars['--reader-font-family'];
      expect(stack).toBe(FONT_STACKS[font]);
      expect(stack).toMatch(/(serif|sans-serif)$/);
    }
    expect(FONT_STACKS.serif).toBe("Georgia, 'Times New Roman', serif");
    expect(FONT_STACKS.sans.startsWith('system-ui')).toBe(true);
  });

  it('paints the resolved theme, with its background as theme-color', () => {
    const css = settingsToCss({ ...DEFAULT_SETTINGS, theme: 'system' }, 'dark');
    expect(css.attrs['data-theme']).toBe('dark');
    expect(css.themeColor).toBe(PALETTES.dark.bg);
    expect(settingsToCss({ ...DEFAULT_SETTINGS, theme: 'black' }, 'black').themeColor).toBe('#000000');
  });

  it('passes columns through', () => {
    expect(settingsToCss({ ...DEFAULT_SETTINGS, columns: 'two' }, 'light').attrs['data-columns']).toBe('two');
  });

  it('turns pages without motion when the setting says none or the system asks for reduced motion', () => {
    expect(settingsToCss({ ...DEFAULT_SETTINGS, pageTurn: 'slide' }, 'light', false).attrs['data-page-turn']).toBe('slide');
    expect(settingsToCss({ ...DEFAULT_SETTINGS, pageTurn: 'none' }, 'light', false).attrs['data-page-turn']).toBe('none');
    expect(settingsToCss({ ...DEFAULT_SETTINGS, pageTurn: 'slide' }, 'light', true).attrs['data-page-turn']).toBe('none');
  });
});

describe('base.css', () => {
  it("declares :root defaults equal to the defaults' variables, so a page without boot.js still reads right", () => {
    const css = readFileSync('src/styles/base.css', 'utf8');
    const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    const declared = Object.fromEntries([...root.matchAll(/(--reader-[a-z-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2]?.trim()]));
    expect(declared).toEqual(settingsToCss(DEFAULT_SETTINGS, 'light').vars);
  });
});
