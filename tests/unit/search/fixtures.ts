/** Fixture helpers for the search tests: the real works, split into sections without the content compiler. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Block, Section } from '../../../src/content/types';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The two bundled works (as copied into works/<id>/text.txt), read byte for byte. */
export const WORKS = {
  untitled: 'untitled-alec-realised',
  making: 'making-it-work',
} as const;

/** The source text of a bundled work. */
export function readWork(id: string): string {
  return readFileSync(`${root}works/${id}/text.txt`, 'utf8');
}

const countWords = (text: string): number => text.split(/[ \t\n\r\f\v]+/).filter(Boolean).length;

/**
 * Splits a text into sections the simple way (this is NOT the content compiler):
 * one block per non-empty line, a new section after every run of 2+ empty lines.
 */
export function splitIntoSections(text: string): Section[] {
  const sections: Section[] = [];
  let blocks: Block[] = [];
  let empty = 0;
  let wordsBefore = 0;
  const close = (): void => {
    if (blocks.length === 0) return;
    const index = sections.length;
    const words = blocks.reduce((sum, b) => sum + countWords(b.text), 0);
    const chars = blocks.reduce((sum, b) => sum + b.text.length, 0);
    sections.push({
      id: `s${index + 1}`,
      index,
      title: `Part ${index + 1}`,
      titleSource: 'app',
      words,
      chars,
      blockCount: blocks.length,
      wordsBefore,
      blocks,
    });
    wordsBefore += words;
    blocks = [];
  };
  for (const line of text.split('\n')) {
    if (line === '') {
      empty++;
      continue;
    }
    if (empty >= 2) close();
    empty = 0;
    blocks.push({ kind: 'para', text: line });
  }
  close();
  return sections;
}

/** The value, or a test failure naming what was missing. */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}`);
  return value;
}
