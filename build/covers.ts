/**
 * Generated covers, made at build time from what is known of each work: its display
 * title, its fandom and a palette derived from its id (the same id, the same cover).
 * No art, no author. The result is data (colours and wrapped lines) that the app draws
 * as an inline <svg> with the page's own reading font (an SVG in an <img> could not
 * load it), so the CSP needs nothing inline. Served as `virtual:quire/covers`.
 */
import type { WorkInfo } from '../src/content/types';
import { COVER_WIDTH, type CoverSpec } from '../src/ui/shelf-cover/types';

/**
 * The cover's background luminance band. Inside it the cover stands ≥ 3:1 against every
 * theme's background and surface (light ones need ≤ 0.21, dark ones ≥ 0.16) and a near-black
 * ink reads ≥ 4.5:1 on it (needs ≥ 0.175): so one cover is legible in every theme.
 */
export const COVER_LUMINANCE = 0.195;

/** FNV-1a, 32 bits: a stable hash of the id, the same on every machine. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** #rrggbb for an HSL colour (h in degrees, s and l 0..1). */
export function hsl(h: number, s: number, l: number): string {
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The lightness at which hue `h`, saturation `s` has the luminance `target` (bisection: luminance grows with lightness). */
function lightnessFor(h: number, s: number, target: number): string {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    if (luminance(hsl(h, s, mid)) < target) lo = mid;
    else hi = mid;
  }
  return hsl(h, s, hi);
}

/** The palette of a work's cover, from its id alone. */
export function coverPalette(id: string): Pick<CoverSpec, 'bg' | 'ink' | 'band' | 'variant'> {
  const h = hashId(id);
  const hue = h % 360;
  const sat = 0.3 + ((h >>> 9) % 31) / 100;
  const bg = lightnessFor(hue, sat, COVER_LUMINANCE);
  const tinted = hsl(hue, 0.4, 0.03);
  const ink = contrast(tinted, bg) >= 4.5 ? tinted : '#000000';
  const band = lightnessFor((hue + 30) % 360, sat, 0.32);
  return { bg, ink, band, variant: ((h >>> 17) & 1) as 0 | 1 };
}

/** Greedy word wrap into lines of at most `max` characters; a longer word stands on a line of its own. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** At most `count` lines; the last kept line ends with an ellipsis when some were cut. */
function keep(lines: string[], count: number, max: number): string[] {
  if (lines.length <= count) return lines;
  const kept = lines.slice(0, count);
  const last = kept[count - 1] ?? '';
  kept[count - 1] = `${last.slice(0, Math.max(1, max - 1))}…`;
  return kept;
}

const TEXT_WIDTH = COVER_WIDTH - 24;
/** An average Literata glyph is a little over half an em wide. */
const GLYPH_EM = 0.56;
export const FANDOM_SIZE = 8;

/** The cover of one work. */
export function coverSpec(work: Pick<WorkInfo, 'id' | 'meta'>): CoverSpec {
  const { displayTitle, fandom } = work.meta.addedByApp;
  let titleSize = 18;
  let title = wrap(displayTitle, Math.floor(TEXT_WIDTH / (GLYPH_EM * titleSize)));
  while (titleSize > 10) {
    const max = Math.floor(TEXT_WIDTH / (GLYPH_EM * titleSize));
    title = wrap(displayTitle, max);
    if (title.length <= 4 && title.every((l) => l.length <= max)) break;
    titleSize -= 1;
  }
  const titleMax = Math.floor(TEXT_WIDTH / (GLYPH_EM * titleSize));
  const fandomMax = Math.floor(TEXT_WIDTH / (GLYPH_EM * FANDOM_SIZE));
  return {
    ...coverPalette(work.id),
    title: keep(title, 4, titleMax),
    titleSize,
    fandom: keep(wrap(fandom, fandomMax), 3, fandomMax),
    label: `Generated cover: title ${displayTitle}, fandom ${fandom}`,
  };
}

/** Source of `virtual:quire/covers`: every work's cover spec by id. */
export function coversModule(works: readonly Pick<WorkInfo, 'id' | 'meta'>[]): string {
  const covers = Object.fromEntries(works.map((w) => [w.id, coverSpec(w)]));
  return `export const covers = JSON.parse(${JSON.stringify(JSON.stringify(covers))});\n`;
}
