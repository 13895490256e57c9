import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWork } from '../../../build/works-plugin';
import { quoteFor } from '../../../src/annotations/anchor';
import { decodePassage } from '../../../src/annotations/link';
import { markdownFileName, markdownFor } from '../../../src/annotations/markdown';
import type { Highlight, HighlightColour } from '../../../src/annotations/types';
import type { Work } from '../../../src/content/types';
import { must, root } from '../../fixtures/content';

const load = (id: string): Work => loadWork(resolve(root, 'works', id), id);
const expected = (name: string) => readFileSync(resolve(import.meta.dirname, 'fixtures', name), 'utf8');
const APP = 'https://quire.example/';
const DAY = Date.UTC(2026, 11, 1, 9, 30);

/** A highlight over `text`, found in a block of the real work (so the fixture holds the author's exact words). */
function highlight(work: Work, sectionId: string, block: number, text: string, over: { colour: HighlightColour; note?: string; id: string; createdAt?: number; endBlock?: number; endText?: string }): Highlight {
  const section = work.sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`no section ${sectionId}`);
  const offset = section.blocks[block]?.text.indexOf(text) ?? -1;
  if (offset < 0) throw new Error(`"${text}" is not in ${sectionId}/${block}`);
  const start = { block, offset };
  const endBlock = over.endBlock ?? block;
  const end = over.endText === undefined ? { block, offset: offset + text.length } : { block: endBlock, offset: (section.blocks[endBlock]?.text.indexOf(over.endText) ?? 0) + over.endText.length };
  const createdAt = over.createdAt ?? DAY;
  return { id: over.id, workId: work.id, sectionId, start, end, quote: quoteFor(section, start, end), colour: over.colour, note: over.note ?? '', createdAt, updatedAt: createdAt };
}

describe('Markdown export', () => {
  it('Making It Work: header kept apart, highlights in reading order with section, quote, note and link', () => {
    const work = load('making-it-work');
    const highlights = [
      highlight(work, 'epilogue', 0, 'Asami had never planned to keep anyone', { id: 'e', colour: 'blue', endBlock: 1, endText: "Akihito's scent was clearly", note: 'Two paragraphs in one highlight.' }),
      highlight(work, 'story', 0, 'Asami Ryuichi had thought that once he had permanently bonded his mate', { id: 's', colour: 'green' }),
      highlight(work, 'recap', 1, 'Asami Ryuichi had not expected to meet anyone compatible with him.', { id: 'r', colour: 'yellow', note: 'Where it starts.\nSecond line of the note.' }),
    ];
    // A highlight whose section is no longer in the work still comes out, last.
    highlights.push({ ...must(highlights[1]), id: 'x', sectionId: 'gone', colour: 'pink', quote: { before: '', text: 'Words from an older build.', after: '' } });
    const md = markdownFor(work, highlights, { appUrl: APP, exportedAt: DAY });
    expect(md).toBe(expected('making-it-work.md'));
    expect(markdownFileName(work.id)).toBe('quire-notes-making-it-work.md');
  });

  it('Untitled: no title from the text, the app’s label and why', () => {
    const work = load('untitled-alec-realised');
    const highlights = [highlight(work, 'text', 0, 'Alec realised that despite them being together they still hadn’t gone on an actual date.', { id: 'u', colour: 'pink', note: 'Their first date.' })];
    expect(markdownFor(work, highlights, { appUrl: APP, exportedAt: DAY })).toBe(expected('untitled-alec-realised.md'));
    expect(markdownFor(work, [], { appUrl: APP, exportedAt: DAY })).toContain('## Highlights\n\nNo highlights yet.\n');
  });

  it('escapes a quoted line that would otherwise read as a heading, a list, a quote or a rule', () => {
    const work = load('untitled-alec-realised');
    const h = highlight(work, 'text', 0, 'Alec realised', { id: 'u', colour: 'yellow' });
    const odd = { ...h, quote: { before: '', text: '# one\n- two\n3. three\n> four\n---\n-Some hours later-', after: '' } };
    expect(markdownFor(work, [odd], { appUrl: APP, exportedAt: DAY })).toContain('> \\# one\n>\n> \\- two\n>\n> \\3. three\n>\n> \\> four\n>\n> \\---\n>\n> -Some hours later-\n');
  });

  it('links back with the one passage encoding, at the highlight’s first character', () => {
    const work = load('untitled-alec-realised');
    const h = highlight(work, 'text', 1, 'At first Magnus was unsure', { id: 'u', colour: 'yellow' });
    const md = markdownFor(work, [h], { appUrl: APP, exportedAt: DAY });
    const at = /\?at=([^)]+)\)/.exec(md)?.[1] ?? '';
    expect(decodePassage(at)).toEqual({ ok: true, passage: { sectionId: 'text', block: 1, offset: h.start.offset, quote: 'At first Magnus ' } });
  });
});
