import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smartPunctuation } from '../../../src/reader/smart-punctuation';

describe('smartPunctuation', () => {
  it.each([
    ['"Hello," she said.', '\u201cHello,\u201d she said.'],
    ["didn't", 'didn\u2019t'],
    ["Akihito's phone", 'Akihito\u2019s phone'],
    ["the Omegas' scent", 'the Omegas\u2019 scent'],
    ["'Did you eat?'", '\u2018Did you eat?\u2019'],
    ["give 'em a chance", 'give \u2019em a chance'],
    ["back in the '90s", 'back in the \u201990s'],
    ["rock 'n' roll", 'rock \u2019n\u2019 roll'],
    ["'til dawn", '\u2019til dawn'],
    ['"\'I want to go,\' he said."', '\u201c\u2018I want to go,\u2019 he said.\u201d'],
    ['"-know anything?!"', '\u201c-know anything?!\u201d'],
    ['"I just -"', '\u201cI just \u2013\u201d'],
    ['("quoted")', '(\u201cquoted\u201d)'],
  ])('%s → %s', (input, expected) => {
    expect(smartPunctuation(input)).toBe(expected);
  });

  it('turns a spaced hyphen into a spaced en dash and leaves other hyphens alone', () => {
    expect(smartPunctuation('pulled at him - much less')).toBe('pulled at him \u2013 much less');
    expect(smartPunctuation('a pill\u00a0- and more')).toBe('a pill\u00a0\u2013 and more');
    expect(smartPunctuation('well-known, just- just forced')).toBe('well-known, just- just forced');
    expect(smartPunctuation('-Some hours later-')).toBe('-Some hours later-');
  });

  it('leaves text that is already curly as it is', () => {
    const curly = 'Alec realised that despite them being together they still hadn\u2019t gone \u2013 \u201cyes\u201d\u2026';
    expect(smartPunctuation(curly)).toBe(curly);
  });

  it('handles the empty string and a lone mark', () => {
    expect(smartPunctuation('')).toBe('');
    expect(smartPunctuation('"')).toBe('\u201d');
    expect(smartPunctuation("'")).toBe('\u2019');
  });
});

const worksDir = 'works';
const texts = readdirSync(worksDir)
  .map((id) => join(worksDir, id, 'text.txt'))
  .filter((path) => existsSync(path))
  .map((path) => [path, readFileSync(path, 'utf8')] as const);

describe('on the bundled works', () => {
  it('finds the works to check', () => {
    expect(texts.length).toBeGreaterThanOrEqual(1);
  });

  it.each(texts)('%s keeps its length and every other character, offset for offset', (_path, text) => {
    const out = smartPunctuation(text);
    expect(out.length).toBe(text.length);
    const changeable = new Set(['"', "'", '-']);
    for (let i = 0; i < text.length; i++) {
      if (out[i] !== text[i]) expect(changeable.has(text[i] as string), `offset ${i}`).toBe(true);
    }
    // Nothing straight is left behind.
    expect(out).not.toMatch(/["']/);
    expect(out).not.toMatch(/\s-\s/);
  });

  it('curls real lines from "Making It Work"', () => {
    const lines = readFileSync(join(worksDir, 'making-it-work', 'text.txt'), 'utf8').split('\n');
    const line = (n: number) => smartPunctuation(lines[n - 1] as string);
    expect(line(20).startsWith('\u201c-know anything about Omega biology?! There are multiple alternatives! And you just- just\u00a0forced')).toBe(true);
    expect(line(20)).toContain('dark ages?!\u201d Akihito shouted');
    expect(line(20)).toContain('during Asami\u2019s distraction');
    expect(line(56)).toMatch(/^\u201cWas it intentional\?\u201d The doctor asked in all seriousness\. It wasn\u2019t unheard of, for Alpha\u2019s/);
    expect(line(5)).toContain('pulled at him instinctually \u2013 much less a scent');
    expect(line(62)).toContain('The topic of \u2018surgical intervention for permanent bonding\u2019 carrying');
    expect(line(316)).toBe('\u2018Where are you?\u2019 Akihito asked again.');
    expect(line(73)).toBe('-Some hours later-');
  });
});
