/** Default settings, the ranges the panel offers, and validation of stored records. See ./README.md. */
import type { ColumnsChoice, FontChoice, PageTurn, ParagraphStyle, ReadingMode, Settings, ThemeChoice } from './types';

/** What a first-time reader gets, and what "Reset" returns to. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  font: 'literata',
  fontSize: 18,
  lineHeight: 1.5,
  measure: 34,
  justify: false,
  paragraphs: 'indented',
  theme: 'system',
  columns: 'auto',
  pageTurn: 'slide',
  smartPunctuation: true,
  mode: 'paginated',
  keepScreenOn: true,
  voice: null,
  speechRate: 1,
});

/** A numeric setting's range and step. */
export interface Range {
  min: number;
  max: number;
  step: number;
}

/** The numeric settings' ranges (font size in px, line height unitless, measure in em, speech rate × normal). */
export const RANGES: Readonly<Record<'fontSize' | 'lineHeight' | 'measure' | 'speechRate', Readonly<Range>>> = {
  fontSize: { min: 14, max: 32, step: 1 },
  lineHeight: { min: 1.2, max: 2.0, step: 0.1 },
  measure: { min: 30, max: 45, step: 1 },
  speechRate: { min: 0.5, max: 3, step: 0.05 },
};

/** Longest voiceURI kept (real ones are short; a huge string is not a voice). */
const VOICE_MAX = 512;

/** Every value each choice setting accepts, in the order the panel shows them. */
export const CHOICES = {
  font: ['literata', 'atkinson', 'opendyslexic', 'serif', 'sans'] as readonly FontChoice[],
  theme: ['system', 'light', 'sepia', 'dark', 'black'] as readonly ThemeChoice[],
  columns: ['auto', 'one', 'two'] as readonly ColumnsChoice[],
  pageTurn: ['slide', 'none'] as readonly PageTurn[],
  paragraphs: ['indented', 'spaced'] as readonly ParagraphStyle[],
  mode: ['paginated', 'scroll'] as readonly ReadingMode[],
} as const;

/** Snaps `value` to the range's step grid; undefined when it is not a finite number inside the range. */
export function snapToRange(value: unknown, range: Range): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  // A hair of tolerance so 2.0000000001 from float arithmetic still counts as in range.
  const epsilon = range.step / 1000;
  if (value < range.min - epsilon || value > range.max + epsilon) return undefined;
  const steps = Math.round((value - range.min) / range.step);
  // Rounding to 10 decimals removes float noise such as 1.2 + 3 * 0.1 = 1.5000000000000002.
  return Number(Math.min(range.max, range.min + steps * range.step).toFixed(10));
}

function choice<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function voiceUri(value: unknown): string | null {
  return typeof value === 'string' && value !== '' && value.length <= VOICE_MAX ? value : null;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * Turns anything read from storage into valid Settings, field by field: a missing value,
 * one of the wrong type, out of range or unknown falls back to its default. Never throws.
 */
export function validateSettings(raw: unknown): Settings {
  const d = DEFAULT_SETTINGS;
  const r: Record<string, unknown> = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return {
    font: choice(r.font, CHOICES.font, d.font),
    fontSize: snapToRange(r.fontSize, RANGES.fontSize) ?? d.fontSize,
    lineHeight: snapToRange(r.lineHeight, RANGES.lineHeight) ?? d.lineHeight,
    measure: snapToRange(r.measure, RANGES.measure) ?? d.measure,
    justify: bool(r.justify, d.justify),
    paragraphs: choice(r.paragraphs, CHOICES.paragraphs, d.paragraphs),
    theme: choice(r.theme, CHOICES.theme, d.theme),
    columns: choice(r.columns, CHOICES.columns, d.columns),
    pageTurn: choice(r.pageTurn, CHOICES.pageTurn, d.pageTurn),
    smartPunctuation: bool(r.smartPunctuation, d.smartPunctuation),
    mode: choice(r.mode, CHOICES.mode, d.mode),
    keepScreenOn: bool(r.keepScreenOn, d.keepScreenOn),
    voice: voiceUri(r.voice),
    speechRate: snapToRange(r.speechRate, RANGES.speechRate) ?? d.speechRate,
  };
}
