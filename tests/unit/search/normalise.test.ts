import { describe, expect, test } from 'vitest';
import { normalise, toOriginalRange } from '../../../src/search/normalise';
import { must } from './fixtures';

const n = (s: string): string => normalise(s).text;

describe('normalise', () => {
  test('lower-cases without a locale (I stays i, not dotless ı)', () => {
    expect(n('ALEC Lightwood')).toBe('alec lightwood');
    expect(n('IZZY')).toBe('izzy');
    expect(n('ÉCOLE Ärger')).toBe('école ärger');
  });

  test('unifies curly and straight single quotes, apostrophes and primes', () => {
    for (const mark of ["'", '‘', '’', '‚', '‛', '′', 'ʼ', '`']) expect(n(`didn${mark}t`)).toBe("didn't");
  });

  test('unifies curly and straight double quotes and double primes', () => {
    for (const [open, close] of [['"', '"'], ['“', '”'], ['„', '“'], ['″', '″']] as const) {
      expect(n(`${open}Yes${close}`)).toBe('"yes"');
    }
  });

  test('unifies every dash, collapses dash runs and drops the spaces around a dash', () => {
    const forms = ['a-b', 'a - b', 'a – b', 'a—b', 'a — b', 'a−b', 'a‒b', 'a‐b', 'a‑b', 'a―b', 'a--b', 'a -- b', 'a\u00a0-\u00a0b'];
    for (const form of forms) expect(n(form), JSON.stringify(form)).toBe('a-b');
  });

  test('turns no-break, narrow and other spaces and whitespace runs into one space, trimmed', () => {
    for (const space of [' ', '\u00a0', '\u202f', '\u2007', '\u2009', '\t', '   ', ' \u00a0 ', '\u3000']) {
      expect(n(`half${space}asleep`), JSON.stringify(space)).toBe('half asleep');
    }
    expect(n('  trailing spaces   ')).toBe('trailing spaces');
    expect(n('\u00a0Crossed Paths\u00a0')).toBe('crossed paths');
  });

  test('spells the ellipsis character as three dots, so either finds the other', () => {
    expect(n('so… formally')).toBe('so... formally');
    expect(n('so... formally')).toBe('so... formally');
  });

  test('drops soft hyphens and zero-width characters', () => {
    expect(n('lan\u00adtern')).toBe('lantern');
    expect(n('lan\u200btern')).toBe('lantern');
  });

  test('keeps characters it has no rule for', () => {
    expect(n('Fei Long, 42 (mentioned).')).toBe('fei long, 42 (mentioned).');
    expect(n('emoji 😀 here')).toBe('emoji 😀 here');
  });
});

describe('the offset map', () => {
  const samples = [
    '“Aren’t you going to call the doctor?” The Omega asked, his tone\u00a0in disbelief that Asami hadn\'t already done so.\u00a0',
    'instinctually - much less a scent',
    ' “But why are you asking me so… formally?”',
    '“Hey – wow.” Alec stuttered  out\u202fa — b −− c',
    'ÉCOLE 😀 İstanbul ǅ lan\u00adtern',
  ];

  test('points every normalised character at the original character it came from', () => {
    for (const original of samples) {
      const { text, map } = normalise(original, true);
      expect(map).toBeDefined();
      if (!map) continue;
      expect(map.length).toBe(text.length + 1);
      expect(map[text.length]).toBe(original.length);
      for (let i = 0; i < text.length; i++) {
        const at = map[i] ?? -1;
        expect(at).toBeGreaterThanOrEqual(0);
        if (i > 0) expect(at).toBeGreaterThanOrEqual(map[i - 1] ?? 0);
        const from = original.slice(at, at + ((original.codePointAt(at) ?? 0) > 0xffff ? 2 : 1));
        if (text[i] === ' ') expect(from).toMatch(/\s/);
        else expect(n(from)).toContain(text[i]);
      }
    }
  });

  test('maps a match back to exactly the original characters', () => {
    const original = 'at him instinctually - much less';
    const { text, map } = normalise(original, true);
    const q = n('instinctually — much');
    const start = text.indexOf(q);
    const range = toOriginalRange(original, must(map), start, start + q.length);
    expect(original.slice(range.offset, range.offset + range.length)).toBe('instinctually - much');
  });

  test('covers the whole ellipsis when a match ends inside its three dots', () => {
    const original = 'asking me so… formally';
    const { text, map } = normalise(original, true);
    const q = 'so..';
    const start = text.indexOf(q);
    const range = toOriginalRange(original, must(map), start, start + q.length);
    expect(original.slice(range.offset, range.offset + range.length)).toBe('so…');
  });

  test('leaves the spaces after a trailing dash out of the match', () => {
    const original = 'blood - which carried';
    const { text, map } = normalise(original, true);
    const q = 'blood-';
    const start = text.indexOf(q);
    const range = toOriginalRange(original, must(map), start, start + q.length);
    expect(original.slice(range.offset, range.offset + range.length)).toBe('blood -');
  });
});
