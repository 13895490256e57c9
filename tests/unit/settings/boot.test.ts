import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PAINT_MIRROR_KEY, settingsToCss, type PaintMirror } from '../../../src/settings/css';
import { DEFAULT_SETTINGS } from '../../../src/settings/defaults';
import { PALETTES } from '../../../src/settings/themes';
import type { Settings } from '../../../src/settings/types';

const source = readFileSync('public/boot.js', 'utf8');

interface FakeEnv {
  stored?: string | null;
  storageThrows?: boolean;
  dark?: boolean;
  reducedMotion?: boolean;
  withMeta?: boolean;
}

/** Runs boot.js against a minimal fake document, the way a browser runs it in <head>. */
function boot(env: FakeEnv) {
  const attrs: Record<string, string> = {};
  const vars: Record<string, string> = {};
  const metaAttrs: Record<string, string> = {};
  const appended: unknown[] = [];
  const meta = { setAttribute: (name: string, value: string) => (metaAttrs[name] = value) };
  const document = {
    documentElement: {
      setAttribute: (name: string, value: string) => (attrs[name] = value),
      style: { setProperty: (name: string, value: string) => (vars[name] = value) },
    },
    querySelector: () => (env.withMeta ? meta : null),
    createElement: () => meta,
    head: { appendChild: (node: unknown) => appended.push(node) },
  };
  const window = {
    get localStorage() {
      if (env.storageThrows) throw new Error('SecurityError: storage is disabled');
      return { getItem: (key: string) => (key === PAINT_MIRROR_KEY ? (env.stored ?? null) : null) };
    },
    matchMedia: (query: string) => ({
      matches: (query.includes('dark') && !!env.dark) || (query.includes('reduced-motion') && !!env.reducedMotion),
    }),
  };
  runInNewContext(source, { window, document });
  return { attrs, vars, themeColor: metaAttrs.content, appended };
}

function mirrorOf(settings: Settings): string {
  const css = settingsToCss(settings, 'light');
  const mirror: PaintMirror = { v: 1, theme: settings.theme, columns: settings.columns, pageTurn: settings.pageTurn, vars: css.vars };
  return JSON.stringify(mirror);
}

describe('public/boot.js', () => {
  it('paints a stored dark theme before the app starts, with its theme-color', () => {
    const result = boot({ stored: mirrorOf({ ...DEFAULT_SETTINGS, theme: 'dark' }), dark: false, withMeta: true });
    expect(result.attrs['data-theme']).toBe('dark');
    expect(result.themeColor).toBe(PALETTES.dark.bg);
  });

  it('resolves "system" through prefers-color-scheme', () => {
    expect(boot({ stored: mirrorOf(DEFAULT_SETTINGS), dark: true }).attrs['data-theme']).toBe('dark');
    expect(boot({ stored: mirrorOf(DEFAULT_SETTINGS), dark: false }).attrs['data-theme']).toBe('light');
  });

  it('sets the stored reading variables and attributes', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 24, justify: true, columns: 'two', pageTurn: 'none' };
    const result = boot({ stored: mirrorOf(settings) });
    expect(result.vars).toEqual(settingsToCss(settings, 'sepia').vars);
    expect(result.attrs).toEqual({ 'data-theme': 'sepia', 'data-columns': 'two', 'data-page-turn': 'none' });
  });

  it('turns pages without motion when the system asks for reduced motion', () => {
    expect(boot({ stored: mirrorOf(DEFAULT_SETTINGS), reducedMotion: true }).attrs['data-page-turn']).toBe('none');
  });

  it('adds a theme-color meta tag when the page has none', () => {
    const result = boot({ stored: null, dark: true });
    expect(result.appended).toHaveLength(1);
    expect(result.themeColor).toBe(PALETTES.dark.bg);
  });

  it.each([
    ['nothing stored', null],
    ['corrupt JSON', '{"v":1,"theme":'],
    ['an old version', JSON.stringify({ v: 0, theme: 'dark' })],
    ['an unknown theme', JSON.stringify({ v: 1, theme: 'neon', columns: 9, pageTurn: {}, vars: [] })],
    ['a JSON null', 'null'],
  ])('falls back to the system theme and defaults on %s, without throwing', (_label, stored) => {
    const result = boot({ stored, dark: true });
    expect(result.attrs).toEqual({ 'data-theme': 'dark', 'data-columns': 'auto', 'data-page-turn': 'slide' });
    expect(result.vars).toEqual({});
  });

  it('sets only --reader-* variables with string values from the mirror', () => {
    const stored = JSON.stringify({ v: 1, theme: 'light', vars: { '--reader-measure': '40em', '--color-bg': 'red', color: 'red', '--reader-font-size': 3 } });
    expect(boot({ stored }).vars).toEqual({ '--reader-measure': '40em' });
  });

  it('does not throw when localStorage itself throws', () => {
    expect(() => boot({ storageThrows: true, dark: true })).not.toThrow();
    expect(boot({ storageThrows: true, dark: true }).attrs['data-theme']).toBe('dark');
  });
});
