/** Fixture helpers for the search tests: the real works, compiled into sections by the real content compiler. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadWork } from '../../../build/works-plugin';
import { compileWork } from '../../../src/content/parse';
import type { WorkSourceMeta } from '../../../src/content/rules';
import type { Section } from '../../../src/content/types';

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

/** A bundled work's sections as the app gets them: compiled by the real content compiler, with its meta.json rules. */
export function workSections(id: string): Section[] {
  return loadWork(`${root}works/${id}`, id).sections;
}

/** A generated text's sections, compiled by the real content compiler. */
export function compiledSections(id: string, text: string, meta: WorkSourceMeta): Section[] {
  return compileWork(id, text, meta).sections;
}

/** The value, or a test failure naming what was missing. */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}`);
  return value;
}
