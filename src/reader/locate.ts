/** Pure functions that make, check and compare Locators against the Work model. */
import type { Section, WorkInfo } from '../content/types';
import type { Locator, Quote } from './locator';
import type { Place } from './place';
import { quoteScore } from './quote-match';

const QUOTE_CONTEXT = 32;
const QUOTE_TEXT = 48;

/** The text of a block, '' for a break or a block index past the end. */
function blockText(section: Section, block: number): string {
  return section.blocks[block]?.text ?? '';
}

/** A short quote around `offset` in `block`: the text from there on, and a little before and after. */
export function quoteAt(section: Section, block: number, offset: number): Quote {
  const text = blockText(section, block);
  return {
    before: text.slice(Math.max(0, offset - QUOTE_CONTEXT), offset),
    text: text.slice(offset, offset + QUOTE_TEXT),
    after: text.slice(offset + QUOTE_TEXT, offset + QUOTE_TEXT + QUOTE_CONTEXT),
  };
}

/** Characters of the section before `block`/`offset`. */
export function charsBefore(section: Section, block: number, offset: number): number {
  let chars = 0;
  for (let i = 0; i < block && i < section.blocks.length; i++) chars += section.blocks[i]?.text.length ?? 0;
  return chars + offset;
}

/** Makes the locator for a character of a loaded section. */
export function makeLocator(work: WorkInfo, section: Section, block: number, offset: number, now = Date.now()): Locator {
  const b = Math.max(0, Math.min(block, section.blocks.length - 1));
  const o = Math.max(0, Math.min(offset, Math.max(0, blockText(section, b).length - 1)));
  const progression = section.chars > 0 ? charsBefore(section, b, o) / section.chars : 0;
  const totalProgression = work.words > 0 ? (section.wordsBefore + progression * section.words) / work.words : 0;
  return {
    workId: work.id,
    sectionId: section.id,
    block: b,
    offset: o,
    quote: quoteAt(section, b, o),
    progression,
    totalProgression: Math.min(1, totalProgression),
    updatedAt: now,
  };
}

/**
 * Where a stored locator points in the loaded section now: its block/offset when the
 * quote still matches there, else the quote's new place in the section (the text was
 * edited), else the block/offset clamped into the section.
 */
export function resolveLocator(section: Section, locator: Pick<Locator, 'block' | 'offset' | 'quote'>): Place {
  const { block, offset, quote } = locator;
  const here = blockText(section, block);
  if (quote.text === '' || here.slice(offset, offset + quote.text.length) === quote.text) {
    return clampPlace(section, block, offset);
  }
  // Every place the quoted text stands now; the one whose surroundings match the quote best wins,
  // and among equals the one nearest the old place (a short quote like "." stands in many places).
  let best: { block: number; offset: number; score: number; distance: number } | null = null;
  for (let i = 0; i < section.blocks.length; i++) {
    const text = blockText(section, i);
    for (let at = text.indexOf(quote.text); at >= 0; at = text.indexOf(quote.text, at + 1)) {
      const score = quoteScore(text, at, quote);
      const distance = Math.abs(i - block);
      if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { block: i, offset: at, score, distance };
    }
  }
  return best ? { block: best.block, offset: best.offset } : clampPlace(section, block, offset);
}

function clampPlace(section: Section, block: number, offset: number): Place {
  const last = section.blocks.length - 1;
  if (last < 0) return { block: 0, offset: 0 };
  const b = Math.max(0, Math.min(Math.trunc(block), last));
  const length = blockText(section, b).length;
  return { block: b, offset: Math.max(0, Math.min(Math.trunc(offset), Math.max(0, length - 1))) };
}

/** True when `candidate` is a newer place than `known`, by the time of the navigation that made each. */
export function isNewer(candidate: Pick<Locator, 'updatedAt'>, known: Pick<Locator, 'updatedAt'> | null | undefined): boolean {
  return !known || candidate.updatedAt > known.updatedAt;
}

/** The section and place for a fraction (0..1) of the whole work, by words. */
export function sectionAtFraction(work: WorkInfo, fraction: number): { sectionId: string; within: number } {
  const target = Math.max(0, Math.min(1, fraction)) * work.words;
  const sections = work.sections;
  let chosen = sections[0];
  for (const s of sections) {
    if (s.wordsBefore <= target) chosen = s;
    else break;
  }
  if (!chosen) throw new Error(`Work ${work.id} has no sections.`);
  const within = chosen.words > 0 ? Math.max(0, Math.min(1, (target - chosen.wordsBefore) / chosen.words)) : 0;
  return { sectionId: chosen.id, within };
}

/** The character at a fraction (0..1) of a loaded section, moved back to the start of its word. */
export function placeAtFraction(section: Section, within: number): Place {
  const target = within * section.chars;
  let chars = 0;
  for (let i = 0; i < section.blocks.length; i++) {
    const text = section.blocks[i]?.text ?? '';
    if (chars + text.length > target && text.length > 0) {
      let offset = Math.max(0, Math.floor(target - chars));
      while (offset > 0 && !/\s/.test(text[offset - 1] as string)) offset--;
      return { block: i, offset };
    }
    chars += text.length;
  }
  return { block: Math.max(0, section.blocks.length - 1), offset: 0 };
}
