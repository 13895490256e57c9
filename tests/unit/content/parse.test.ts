// compileWork on small texts, and the clear errors it gives when text and rules disagree.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWork } from '../../../build/works-plugin';
import { compileWork } from '../../../src/content/parse';
import { readWorkSourceMeta, type StructureRules, type WorkSourceMeta } from '../../../src/content/rules';
import { root, workText } from '../../fixtures/content';

const miwMeta = (): WorkSourceMeta =>
  readWorkSourceMeta(JSON.parse(readFileSync(resolve(root, 'works/making-it-work/meta.json'), 'utf8')), 'test');

function small(text: string, structure: Partial<StructureRules> = {}, fromText: Partial<WorkSourceMeta['fromText']> = {}): WorkSourceMeta {
  const lines = text.split('\n');
  return {
    sha256: '0'.repeat(64),
    fromText: { title: null, opening: '', notes: [], paragraphs: lines.filter((l) => l !== '').length, words: text.split(/\s+/).filter(Boolean).length, ...fromText },
    addedByApp: { displayTitle: 'T', fandom: '', relationship: '', characters: [], tags: [], contentNotes: [], adult: false, adultReason: '' },
    structure: {
      titleLine: null,
      sections: [{ id: 's', start: { line: 1, text: lines[0] ?? '' }, titleSource: 'app', title: 'S' }],
      markers: [], notes: [], ends: [], notBreaks: [],
      ...structure,
    },
  };
}

describe('compileWork layout', () => {
  it('makes runs of 2+ empty lines breaks, keeps consecutive lines as separate paragraphs, and ignores single empty lines', () => {
    const text = 'a\n\nb\nc\n\n\nd\n\n\n\ne\n\nf';
    const w = compileWork('t', text, small(text));
    expect(w.sections[0]?.blocks).toEqual([
      { kind: 'para', text: 'a' }, { kind: 'para', text: 'b' }, { kind: 'para', text: 'c' },
      { kind: 'break', text: '' }, { kind: 'para', text: 'd' },
      { kind: 'break', text: '' }, { kind: 'para', text: 'e' }, { kind: 'para', text: 'f' },
    ]);
  });

  it('never makes a block of a run at a section boundary, at the start or at the end', () => {
    const text = 'T\n\n\nH \n\na\n\n\nb\n\n\n';
    const meta = small(text, {
      titleLine: { line: 1, text: 'T' },
      sections: [
        { id: 'one', start: { line: 4, text: 'H ' }, titleSource: 'text' },
        { id: 'two', start: { line: 9, text: 'b' }, titleSource: 'app', title: 'Two' },
      ],
    }, { title: 'T' });
    const w = compileWork('t', text, meta);
    expect(w.sections.map((s) => s.blocks)).toEqual([
      [{ kind: 'heading', text: 'H ' }, { kind: 'para', text: 'a' }],
      [{ kind: 'para', text: 'b' }],
    ]);
    expect(w.sections.map((s) => [s.title, s.titleSource])).toEqual([['H', 'text'], ['Two', 'app']]);
  });

  it('does not touch the text: trailing spaces, quotes and no-break spaces stay', () => {
    const text = '“x”\u00a0 \n\n\'y\' - z ';
    expect(compileWork('t', text, small(text)).sections[0]?.blocks.map((b) => b.text)).toEqual(['“x”\u00a0 ', '\'y\' - z ']);
  });
});

describe('compileWork errors', () => {
  const text = workText('making-it-work');

  it('fails with the rule, the line, and both texts when a rule expects other text', () => {
    const meta = miwMeta();
    meta.structure.markers[0] = { line: 73, text: '-Some hours later!-' };
    expect(() => compileWork('making-it-work', text, meta)).toThrow(
      'work "making-it-work": rule structure.markers[0] expects line 73 to be "-Some hours later!-", but it is "-Some hours later-"',
    );
  });

  it('shows invisible characters in the message', () => {
    const meta = miwMeta();
    meta.structure.sections[0] = { id: 'recap', start: { line: 3, text: 'Previously on Crossed Paths ' }, titleSource: 'text' };
    expect(() => compileWork('making-it-work', text, meta)).toThrow(/but it is "Previously on\\u00a0Crossed Paths\\u00a0"/);
  });

  it('fails when a section starts on another line than the rule says', () => {
    const meta = miwMeta();
    meta.structure.sections[2] = { id: 'epilogue', start: { line: 728, startsWith: 'Asami had never planned' }, titleSource: 'app', title: 'Epilogue' };
    expect(() => compileWork('making-it-work', text, meta)).toThrow(/sections\[2\] \("epilogue"\)\.start expects line 728 to start with "Asami had never planned", but it is ""/);
  });

  it('fails when a not-a-break rule names a line with no run of empty lines before it', () => {
    const meta = miwMeta();
    meta.structure.notBreaks[0] = { before: { line: 502, text: '“Are they still alive?”' }, reason: 'test' };
    expect(() => compileWork('making-it-work', text, meta)).toThrow(/structure\.notBreaks\[0\] expects a run of 2\+ empty lines inside a section before line 502/);
  });

  it('fails when two rules claim one line', () => {
    const meta = miwMeta();
    meta.structure.notes.push({ line: 73, text: '-Some hours later-' });
    expect(() => compileWork('making-it-work', text, meta)).toThrow(/makes line 73 a note, but another rule already made it a marker/);
  });

  it('fails when a non-empty line comes before the first section', () => {
    const meta = miwMeta();
    meta.structure.sections[0] = { id: 'recap', start: { line: 5, startsWith: 'Asami Ryuichi' }, titleSource: 'app', title: 'Recap' };
    expect(() => compileWork('making-it-work', text, meta)).toThrow(/line 3 "Previously on\\u00a0Crossed Paths\\u00a0" comes before the first section/);
  });

  it('fails when the stated word or paragraph count is not the text’s', () => {
    const meta = miwMeta();
    meta.fromText.words = 21605;
    expect(() => compileWork('making-it-work', text, meta)).toThrow('fromText.words is 21605, but the text has 21606 words (wc -w)');
    const meta2 = miwMeta();
    meta2.fromText.paragraphs = 403;
    expect(() => compileWork('making-it-work', text, meta2)).toThrow(/fromText\.paragraphs is 403, but the text has 409 non-empty lines/);
  });

  it('fails on CR line ends (a checkout that rewrote them)', () => {
    expect(() => compileWork('making-it-work', text.replaceAll('\n', '\r\n'), miwMeta())).toThrow(/carriage return/);
  });

  it('fails on a text whose SHA-256 is not the expected one, or a meta.json missing a field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quire-content-'));
    mkdirSync(join(dir, 'w'));
    cpSync(resolve(root, 'works/making-it-work/meta.json'), join(dir, 'w/meta.json'));
    writeFileSync(join(dir, 'w/text.txt'), `${text} `);
    expect(() => loadWork(join(dir, 'w'), 'w')).toThrow(/works\/w\/text\.txt: SHA-256 is [0-9a-f]{64}, meta\.json expects 097e1a99/);
    const meta = JSON.parse(readFileSync(join(dir, 'w/meta.json'), 'utf8')) as Record<string, unknown>;
    delete meta.addedByApp;
    expect(() => readWorkSourceMeta(meta, 'works/w/meta.json')).toThrow('works/w/meta.json: addedByApp must be an object');
  });
});
