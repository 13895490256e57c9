import { describe, expect, test } from 'vitest';
import type { Section } from '../../../src/content/types';
import { normalise } from '../../../src/search/normalise';
import { buildWorkIndex, DEFAULT_CAP, searchIndexes, searchSections } from '../../../src/search/search';
import type { SearchHit, SearchResults } from '../../../src/search/types';
import { generateWork } from '../../fixtures/generate-work';
import { compiledSections, must, readWork, workSections, WORKS } from './fixtures';

const untitledText = readWork(WORKS.untitled);
const makingText = readWork(WORKS.making);
const untitled = workSections(WORKS.untitled);
const making = workSections(WORKS.making);

const hits = (results: SearchResults): SearchHit[] => results.groups.flatMap((g) => g.hits);
const blockText = (sections: Section[], hit: SearchHit): string =>
  sections.find((s) => s.id === hit.sectionId)?.blocks[hit.block]?.text ?? '';

/** Every hit must point at original characters that normalise to the query, and its snippet must quote them. */
function expectHonestHits(sections: Section[], results: SearchResults): void {
  for (const hit of hits(results)) {
    const text = blockText(sections, hit);
    const original = text.slice(hit.offset, hit.offset + hit.length);
    expect(hit.snippet.match).toBe(original);
    expect(normalise(original).text).toBe(results.normalisedQuery);
    expect(text).toContain(hit.snippet.before + hit.snippet.match + hit.snippet.after);
  }
}

describe('search on the untitled work', () => {
  test('"didn\'t" typed with a straight apostrophe finds every "didn’t"', () => {
    const results = searchSections("didn't", WORKS.untitled, untitled);
    const expected = untitledText.match(/didn['’]t/gi)?.length ?? 0;
    expect(expected).toBeGreaterThan(10);
    expect(results.total).toBe(expected);
    expect(results.capped).toBe(false);
    expect(hits(results).every((h) => h.snippet.match.toLowerCase() === 'didn’t')).toBe(true);
    expectHonestHits(untitled, results);
  });

  test('a spaced hyphen typed for the spaced en dash finds it', () => {
    const results = searchSections('"Hey - wow."', WORKS.untitled, untitled);
    expect(results.total).toBe(1);
    expect(hits(results)[0]?.snippet.match).toBe('“Hey – wow.”');
    expectHonestHits(untitled, results);
  });

  test('three dots find the ellipsis character', () => {
    const results = searchSections('asking me so... formally', WORKS.untitled, untitled);
    expect(results.total).toBe(1);
    expect(hits(results)[0]?.snippet.match).toBe('asking me so… formally');
  });

  test('case does not matter', () => {
    const lower = searchSections('magnus', WORKS.untitled, untitled);
    const upper = searchSections('MAGNUS', WORKS.untitled, untitled);
    expect(lower.total).toBe(untitledText.match(/magnus/gi)?.length);
    expect(upper.total).toBe(lower.total);
  });
});

describe('search on Making It Work', () => {
  test('a phrase typed with straight quotes and plain spaces finds its curly-quoted, no-break-spaced place', () => {
    const query = `"Aren't you going to call the doctor?" The Omega asked, his tone in disbelief that Asami hadn't`;
    const results = searchSections(query, WORKS.making, making);
    expect(results.total).toBe(1);
    const hit = must(hits(results)[0]);
    expect(hit.snippet.match).toBe(
      '“Aren’t you going to call the doctor?” The Omega asked, his tone\u00a0in disbelief that Asami hadn\'t',
    );
    expect(hit.offset).toBe(0);
    expectHonestHits(making, results);
  });

  test('an em dash typed for the source\'s " - " finds it, and the no-break space matches a space', () => {
    const dash = searchSections('instinctually — much less', WORKS.making, making);
    expect(dash.total).toBe(1);
    expect(hits(dash)[0]?.snippet.match).toBe('instinctually - much less');

    const nbsp = searchSections('Previously on Crossed Paths', WORKS.making, making);
    expect(nbsp.total).toBe(1);
    expect(hits(nbsp)[0]?.snippet.match).toBe('Previously on\u00a0Crossed Paths');
    expectHonestHits(making, nbsp);
  });

  test('finds straight and curly apostrophes alike', () => {
    const results = searchSections("didn't", WORKS.making, making);
    expect(results.total).toBe(makingText.match(/didn['’]t/gi)?.length);
    const marks = new Set(hits(results).map((h) => h.snippet.match.charAt(4)));
    expect(marks).toEqual(new Set(["'", '’']));
    expectHonestHits(making, results);
  });

  test('groups hits by section in reading order, with counts that add up', () => {
    const results = searchSections('Asami', WORKS.making, making, { cap: 10_000 });
    expect(results.groups.length).toBe(making.length); // the compiled work's three sections
    const order = results.groups.map((g) => g.sectionIndex);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
    expect(results.groups.reduce((sum, g) => sum + g.count, 0)).toBe(results.total);
    for (const group of results.groups) {
      expect(group.hits.length).toBe(group.count);
      expect(group.hits.every((h) => h.sectionId === group.sectionId)).toBe(true);
      const positions = group.hits.map((h) => h.block * 1e6 + h.offset);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    expectHonestHits(making, results);
  });

  test('places each hit in the work: progression grows through the work', () => {
    const results = searchSections('Akihito', WORKS.making, making, { cap: 10_000 });
    const places = hits(results).map((h) => h.totalProgression);
    expect(places.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(places).toEqual([...places].sort((a, b) => a - b));
    expect(must(places[0])).toBeLessThan(0.1);
    expect(must(places.at(-1))).toBeGreaterThan(0.9);
  });
});

describe('snippets', () => {
  test('keep about 40 characters each side, cut at word boundaries, from the original text', () => {
    const results = searchSections('the', WORKS.making, making);
    for (const hit of hits(results)) {
      const text = blockText(making, hit);
      const { before, after, clippedStart, clippedEnd } = hit.snippet;
      expect(before.length).toBeLessThanOrEqual(40);
      expect(after.length).toBeLessThanOrEqual(40);
      const start = hit.offset - before.length;
      const end = hit.offset + hit.length + after.length;
      if (clippedStart) expect(text[start - 1]).toMatch(/\s/);
      else expect(text.slice(0, start).trim()).toBe('');
      if (clippedEnd) expect(text[end]).toMatch(/\s/);
      else expect(text.slice(end).trim()).toBe('');
      expect(before).toBe(before.trimStart());
      expect(after).toBe(after.trimEnd());
    }
  });

  test('show the whole text of a short block, unclipped', () => {
    const results = searchSections('The End.', WORKS.making, making);
    const hit = hits(results).find((h) => blockText(making, h) === 'The End.');
    expect(hit?.snippet).toEqual({ before: '', match: 'The End.', after: '', clippedStart: false, clippedEnd: false });
  });
});

describe('limits', () => {
  test('queries shorter than two characters search nothing', () => {
    for (const query of ['', ' ', 'a', ' a ', '\u00a0’\u00a0']) {
      const results = searchSections(query, WORKS.making, making);
      expect(results.tooShort, JSON.stringify(query)).toBe(true);
      expect(results.groups).toEqual([]);
      expect(results.total).toBe(0);
    }
    expect(searchSections('an', WORKS.making, making).total).toBeGreaterThan(0);
  });

  test('caps the hits shown but counts every match, and says so', () => {
    const all = searchSections('the', WORKS.making, making, { cap: 100_000 });
    expect(all.total).toBeGreaterThan(DEFAULT_CAP);
    const capped = searchSections('the', WORKS.making, making);
    expect(capped.shown).toBe(DEFAULT_CAP);
    expect(hits(capped).length).toBe(DEFAULT_CAP);
    expect(capped.total).toBe(all.total);
    expect(capped.capped).toBe(true);
    expect(all.capped).toBe(false);
    expect(hits(capped)).toEqual(hits(all).slice(0, DEFAULT_CAP));
  });

  test('never matches across two blocks', () => {
    // Line 1 and 3 of the untitled work end and start paragraphs; their junction must not match.
    const [first, second] = must(untitled[0]).blocks;
    const across = `${must(first).text.slice(-12)} ${must(second).text.slice(0, 12)}`;
    expect(searchSections(across, WORKS.untitled, untitled).total).toBe(0);
  });

  test('an index is built once and searched many times, across works in order', () => {
    const indexes = [buildWorkIndex(WORKS.untitled, untitled, 'Untitled'), buildWorkIndex(WORKS.making, making, 'Making It Work')];
    const results = searchIndexes(indexes, "didn't");
    expect(results.groups[0]?.workId).toBe(WORKS.untitled);
    expect(results.groups.at(-1)?.workId).toBe(WORKS.making);
    expect(results.groups.at(-1)?.workTitle).toBe('Making It Work');
    expect(results.total).toBe((untitledText + makingText).match(/didn['’]t/gi)?.length);
  });
});

describe('a generated long work', () => {
  const generated = generateWork({ seed: 3, words: 200_000, sections: 40 });
  const sections = compiledSections('generated', generated.text, generated.meta);

  test('finds exactly what a plain regular expression finds, across no-break spaces', () => {
    const results = searchSections('the river', 'generated', sections, { cap: 100_000 });
    const expected = generated.text.match(/the[ \u00a0]river/gi)?.length ?? 0;
    expect(generated.text.match(/the\u00a0river/gi)?.length).toBeGreaterThan(0);
    expect(results.total).toBe(expected);
    expect(results.shown).toBe(expected);
    expectHonestHits(sections, results);
  });
});
