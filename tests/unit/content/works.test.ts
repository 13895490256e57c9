// The two bundled works, compiled from works/<id>/ as the build does, against the works README.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWork } from '../../../build/works-plugin';
import type { Work } from '../../../src/content/types';
import { placeBlocks, root, wcWords, workText } from '../../fixtures/content';

const MIW = 'making-it-work';
const UNTITLED = 'untitled-alec-realised';
const load = (id: string): Work => loadWork(resolve(root, 'works', id), id);
const nonEmptyLines = (text: string, skip: number) => text.split('\n').slice(skip).filter((l) => l !== '');
const texts = (w: Work) => w.sections.flatMap((s) => s.blocks).filter((b) => b.kind !== 'break').map((b) => b.text);

describe.each([
  { id: MIW, sha256: '097e1a9908601b6bc113acba00d8d973f0a5f9bb634f0bd3149467bf21d9afc2', words: 21606, titleLines: 1 },
  { id: UNTITLED, sha256: '23dec57770b675995421b60a2774141c3f3523ec4cf0e50c22ee988afa6f3a98', words: 4984, titleLines: 0 },
])('$id', ({ id, sha256, words, titleLines }) => {
  const text = workText(id);
  const work = load(id);

  it('is the author’s file byte for byte (the works README’s SHA-256)', () => {
    const bytes = readFileSync(resolve(root, 'works', id, 'text.txt'));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
    expect(work.sha256).toBe(sha256);
  });

  it('has blocks whose texts, in order, are the source’s non-empty lines (title aside), byte for byte', () => {
    const expected = nonEmptyLines(text, titleLines);
    expect(texts(work)).toEqual(expected);
    expect(Buffer.from(texts(work).join('\n'))).toEqual(Buffer.from(expected.join('\n')));
  });

  it('counts words as GNU wc -w does', () => {
    expect(wcWords({ file: resolve(root, 'works', id, 'text.txt') })).toBe(words);
    expect(work.words).toBe(words);
    expect(work.meta.fromText.words).toBe(words);
    const title = work.meta.fromText.title;
    const sum = work.sections.reduce((n, s) => n + s.words, 0);
    expect(sum).toBe(words - (title === null ? 0 : wcWords({ text: title })));
  });

  it('has consistent section counts', () => {
    let before = 0;
    work.sections.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(s.wordsBefore).toBe(before);
      expect(s.blockCount).toBe(s.blocks.length);
      expect(s.chars).toBe(s.blocks.reduce((n, b) => n + b.text.length, 0));
      expect(s.words).toBe(wcWords({ text: s.blocks.map((b) => b.text).join('\n') }));
      before += s.words;
    });
  });

  it('makes each break an empty-text block between two blocks of one section', () => {
    for (const s of work.sections) {
      s.blocks.forEach((b, i) => {
        if (b.kind !== 'break') return;
        expect(b.text).toBe('');
        expect(i).toBeGreaterThan(0);
        expect(s.blocks[i + 1]?.kind).not.toBe('break');
      });
    }
  });
});

describe('Making It Work', () => {
  const text = workText(MIW);
  const work = load(MIW);
  const placed = placeBlocks(work, text, 1);
  const at = (line: number) => placed.find((b) => b.line === line);

  it('takes line 1 as the title, not a block', () => {
    expect(work.meta.fromText.title).toBe('Making It Work');
    expect(placed.some((b) => b.line === 1)).toBe(false);
  });

  it('has three sections: the recap headed “Previously on Crossed Paths”, the story, the epilogue after the note', () => {
    expect(work.sections.map((s) => [s.id, s.title, s.titleSource])).toEqual([
      ['recap', 'Previously on\u00a0Crossed Paths', 'text'],
      ['story', 'Story', 'app'],
      ['epilogue', 'Epilogue', 'app'],
    ]);
    const [recap, story, epilogue] = work.sections;
    expect(recap?.blocks[0]).toEqual({ kind: 'heading', text: 'Previously on\u00a0Crossed Paths\u00a0' });
    expect(placed.filter((b) => b.section === 'recap' && b.line !== null).map((b) => b.line)).toEqual([3, 5, 7, 9]);
    expect(placed.find((b) => b.section === 'story')?.line).toBe(12);
    expect(story?.blocks.at(-1)).toEqual({ kind: 'note', text: 'Epilogue coming up next.' });
    expect(placed.find((b) => b.section === 'epilogue')?.line).toBe(729);
    expect(epilogue?.blocks.at(-1)).toEqual({ kind: 'end', text: 'The End.' });
  });

  it('has markers, the note and the end where the README says, and nothing else but paragraphs', () => {
    expect(at(73)?.kind).toBe('marker');
    expect(at(156)?.kind).toBe('marker');
    expect(at(727)?.kind).toBe('note');
    expect(at(833)?.kind).toBe('end');
    const special = placed.filter((b) => b.kind !== 'para' && b.kind !== 'break').map((b) => [b.kind, b.line]);
    expect(special).toEqual([['heading', 3], ['marker', 73], ['marker', 156], ['note', 727], ['end', 833]]);
    expect(placed.filter((b) => b.kind === 'para')).toHaveLength(409 - 6);
  });

  it('has a break before each run of 2+ empty lines inside a section, none at the recap’s end, none before line 505', () => {
    const breaks = placed.filter((b) => b.kind === 'break').map((b) => b.before);
    expect(breaks).toEqual([73, 76, 132, 156, 159, 245, 266, 727]);
    expect(text.split('\n').slice(501, 504)).toEqual(['“Are they still alive?”', '', '']);
    expect(at(505)?.kind).toBe('para');
  });
});

describe('the untitled work', () => {
  const text = workText(UNTITLED);
  const work = load(UNTITLED);
  const placed = placeBlocks(work, text, 0);

  it('has no title from the text and an honest display label', () => {
    expect(work.meta.fromText.title).toBeNull();
    expect(work.meta.addedByApp.displayTitle).toBe('Untitled');
    expect(work.meta.addedByApp.displayTitleNote).toMatch(/no title/);
    expect(text.startsWith(work.meta.fromText.opening)).toBe(true);
    expect(work.meta.fromText.opening).toBe('Alec realised that despite them being together they still hadn’t gone on an actual date.');
  });

  it('is one section of 58 paragraphs with scene breaks before lines 25, 62, 78 and 83', () => {
    expect(work.sections).toHaveLength(1);
    expect(placed.filter((b) => b.kind === 'para')).toHaveLength(58);
    expect(placed.filter((b) => b.kind !== 'para' && b.kind !== 'break')).toEqual([]);
    expect(placed.filter((b) => b.kind === 'break').map((b) => b.before)).toEqual([25, 62, 78, 83]);
  });
});

describe('metadata', () => {
  it('keeps “from the text” and “added by this app” apart and invents nothing', () => {
    for (const id of [MIW, UNTITLED]) {
      const { meta } = load(id);
      expect(Object.keys(meta).sort()).toEqual(['addedByApp', 'fromText']);
      expect(Object.keys(meta.fromText).sort()).toEqual(['notes', 'opening', 'paragraphs', 'title', 'words']);
      const appKeys = Object.keys(meta.addedByApp).filter((k) => k !== 'displayTitleNote').sort();
      expect(appKeys).toEqual(['adult', 'adultReason', 'characters', 'contentNotes', 'displayTitle', 'fandom', 'relationship', 'tags']);
      expect(JSON.stringify(meta.addedByApp)).not.toMatch(/creator|rating|complete|archive warning/i);
      expect(meta.addedByApp.adult).toBe(true);
    }
  });
});
