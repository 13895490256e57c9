/**
 * Settings → CSS: attributes on <html> (theme, columns, page turns), and the reading variables
 * (`readerVars`), which the screens set where reading type is shown. See ./README.md.
 */
import { PALETTES } from './themes';
import type { FontChoice, ResolvedTheme, Settings, ThemeChoice } from './types';

/** Each font choice's font-family stack; the bundled faces are declared in src/styles/fonts.css. */
export const FONT_STACKS: Readonly<Record<FontChoice, string>> = {
  literata: "'Literata', Georgia, 'Times New Roman', serif",
  atkinson: "'Atkinson Hyperlegible Next', system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
  opendyslexic: "'OpenDyslexic', system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
  serif: "Georgia, 'Times New Roman', serif",
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
};

/** The localStorage key of the first-paint mirror that public/boot.js reads. */
export const PAINT_MIRROR_KEY = 'quire:paint';

/** What the mirror holds: just enough for boot.js to paint the first frame right. */
export interface PaintMirror {
  v: 1;
  theme: ThemeChoice;
  columns: Settings['columns'];
  pageTurn: Settings['pageTurn'];
  vars: Record<string, string>;
}

/** The CSS for a settings record. */
export interface SettingsCss {
  /** The reading variables (`readerVars`): for the screens, and for the mirror boot.js paints the first frame from. */
  vars: Record<string, string>;
  /** Attributes for <html>: data-theme, data-columns, data-page-turn. */
  attrs: Record<string, string>;
  /** The theme's background, for <meta name="theme-color">. */
  themeColor: string;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';
const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

/** "system" becomes dark or light by the system's preference; other choices stay. */
export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): ResolvedTheme {
  if (choice === 'system') return prefersDark ? 'dark' : 'light';
  return choice;
}

/**
 * The typography variables, set where reading type is shown: the reader's text (in the render
 * that lays it out) and the library's title. Not on <html> or the reader's whole screen: a
 * custom property changed on an element restyles everything under it (3.5–14 ms in Chromium on
 * <html> with the settings panel open; a font-size change set on the reader's page restyles in
 * 1.8–3.2 ms in all).
 */
export function readerVars(settings: Settings): Record<string, string> {
  return {
    '--reader-font-family': FONT_STACKS[settings.font],
    '--reader-font-size': `${settings.fontSize / 16}rem`,
    '--reader-line-height': String(settings.lineHeight),
    '--reader-measure': `${settings.measure}em`,
    '--reader-text-align': settings.justify ? 'justify' : 'left',
    // Justified text without hyphenation opens rivers of space on narrow pages.
    '--reader-hyphens': settings.justify ? 'auto' : 'manual',
    '--reader-para-indent': settings.paragraphs === 'indented' ? '1em' : '0',
    '--reader-para-gap': settings.paragraphs === 'spaced' ? '0.75em' : '0',
  };
}

/** Pure mapping from settings (and the environment) to CSS variables and attributes. */
export function settingsToCss(settings: Settings, theme: ResolvedTheme, reducedMotion = false): SettingsCss {
  return {
    vars: readerVars(settings),
    attrs: {
      'data-theme': theme,
      'data-columns': settings.columns,
      'data-page-turn': reducedMotion ? 'none' : settings.pageTurn,
    },
    themeColor: PALETTES[theme].bg,
  };
}

function mediaMatches(query: string): boolean {
  return typeof matchMedia === 'function' && matchMedia(query).matches;
}

let current: Settings | undefined;
let watching = false;

function watchSystem(): void {
  if (watching || typeof matchMedia !== 'function') return;
  watching = true;
  const reapply = () => {
    if (current) applySettings(current);
  };
  matchMedia(DARK_QUERY).addEventListener('change', reapply);
  matchMedia(REDUCED_MOTION_QUERY).addEventListener('change', reapply);
}

function setThemeColor(color: string): void {
  let meta = document.querySelector<HTMLMetaElement>('meta[name="theme-color"]:not([media])');
  if (!meta) {
    meta = document.createElement('meta');
    meta.name = 'theme-color';
    document.head.append(meta);
  }
  meta.content = color;
}

function writeMirror(settings: Settings, css: SettingsCss): void {
  const mirror: PaintMirror = { v: 1, theme: settings.theme, columns: settings.columns, pageTurn: settings.pageTurn, vars: css.vars };
  try {
    localStorage.setItem(PAINT_MIRROR_KEY, JSON.stringify(mirror));
  } catch {
    // Private mode or storage disabled: the next start paints defaults first, nothing else is lost.
  }
}

/**
 * Paints settings onto <html> (data-theme/-columns/-page-turn, theme-color) and mirrors them,
 * the reading variables included, for boot.js. Follows system theme and reduced-motion changes
 * live. The reading variables are set where reading type is shown (`readerVars`), not here.
 */
export function applySettings(settings: Settings): ResolvedTheme {
  current = settings;
  watchSystem();
  const theme = resolveTheme(settings.theme, mediaMatches(DARK_QUERY));
  const css = settingsToCss(settings, theme, mediaMatches(REDUCED_MOTION_QUERY));
  const root = document.documentElement;
  for (const [name, value] of Object.entries(css.attrs)) root.setAttribute(name, value);
  setThemeColor(css.themeColor);
  writeMirror(settings, css);
  return theme;
}
