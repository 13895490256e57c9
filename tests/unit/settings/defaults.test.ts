import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, RANGES, snapToRange, validateSettings } from '../../../src/settings/defaults';
import type { Settings } from '../../../src/settings/types';

const valid: Settings = {
  font: 'opendyslexic',
  fontSize: 24,
  lineHeight: 1.8,
  measure: 40,
  justify: true,
  paragraphs: 'spaced',
  theme: 'black',
  columns: 'two',
  pageTurn: 'none',
  smartPunctuation: false,
  mode: 'scroll',
  keepScreenOn: false,
  voice: 'urn:moz-tts:speechd:English%20(America)?en',
  speechRate: 1.5,
};

describe('DEFAULT_SETTINGS', () => {
  it('holds the documented defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      font: 'literata', fontSize: 18, lineHeight: 1.5, measure: 34, justify: false, paragraphs: 'indented',
      theme: 'system', columns: 'auto', pageTurn: 'slide', smartPunctuation: true, mode: 'paginated',
      keepScreenOn: true,
      voice: null, speechRate: 1,
    });
  });

  it('is itself valid', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('validateSettings', () => {
  it('keeps a fully valid record as it is', () => {
    expect(validateSettings(valid)).toEqual(valid);
  });

  it.each([undefined, null, 42, 'dark', true, [], [valid]])('turns a non-record (%j) into the defaults', (raw) => {
    expect(validateSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('fills missing fields from the defaults and keeps the rest', () => {
    expect(validateSettings({ theme: 'dark' })).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('ignores extra fields', () => {
    const result = validateSettings({ ...valid, colour: 'red', __proto__: { font: 'sans' } });
    expect(result).toEqual(valid);
    expect(Object.keys(result).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  const bad: [keyof Settings, unknown][] = [
    ['font', 'comic-sans'],
    ['font', 3],
    ['font', null],
    ['fontSize', '20'],
    ['fontSize', Number.NaN],
    ['fontSize', Number.POSITIVE_INFINITY],
    ['fontSize', 13],
    ['fontSize', 33],
    ['fontSize', -18],
    ['lineHeight', 1.1],
    ['lineHeight', 2.5],
    ['lineHeight', '1.5'],
    ['lineHeight', Number.NaN],
    ['measure', 29],
    ['measure', 46],
    ['measure', '34em'],
    ['measure', {}],
    ['justify', 'true'],
    ['justify', 1],
    ['paragraphs', 'double'],
    ['theme', 'solarized'],
    ['theme', 'DARK'],
    ['theme', 'toString'],
    ['columns', 3],
    ['columns', 'three'],
    ['pageTurn', 'curl'],
    ['smartPunctuation', 'yes'],
    ['smartPunctuation', null],
    ['mode', 'scrolled'],
    ['keepScreenOn', 'on'],
    ['keepScreenOn', 0],
    ['voice', 42],
    ['voice', ''],
    ['voice', 'x'.repeat(513)],
    ['speechRate', 0.4],
    ['speechRate', 3.5],
    ['speechRate', '1'],
    ['speechRate', Number.NaN],
  ];
  it.each(bad)('falls back to the default when %s is %j, leaving the other fields alone', (key, value) => {
    const result = validateSettings({ ...valid, [key]: value });
    expect(result[key]).toEqual(DEFAULT_SETTINGS[key]);
    expect(result).toEqual({ ...valid, [key]: DEFAULT_SETTINGS[key] });
  });

  it('snaps in-range numbers to their step', () => {
    const result = validateSettings({ fontSize: 18.4, lineHeight: 1.56, measure: 33.6 });
    expect(result.fontSize).toBe(18);
    expect(result.lineHeight).toBe(1.6);
    expect(result.measure).toBe(34);
  });

  it('accepts both ends of every range, free of float noise', () => {
    expect(validateSettings({ fontSize: 14, lineHeight: 1.2, measure: 30 })).toMatchObject({ fontSize: 14, lineHeight: 1.2, measure: 30 });
    expect(validateSettings({ fontSize: 32, lineHeight: 2.0, measure: 45 })).toMatchObject({ fontSize: 32, lineHeight: 2, measure: 45 });
    expect(validateSettings({ lineHeight: 1.2 + 3 * 0.1 }).lineHeight).toBe(1.5);
  });

  it('never throws on odd input', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const raw of [cyclic, Object.create(null), new Date(), () => 1, Symbol('x'), 10n]) {
      expect(() => validateSettings(raw)).not.toThrow();
    }
  });
});

describe('snapToRange', () => {
  it('offers every line-spacing step from 1.2 to 2.0 exactly', () => {
    const steps: number[] = [];
    for (let v = RANGES.lineHeight.min; v <= RANGES.lineHeight.max + 1e-9; v += RANGES.lineHeight.step) steps.push(snapToRange(v, RANGES.lineHeight) as number);
    expect(steps).toEqual([1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2]);
  });
});
