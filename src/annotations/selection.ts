/** The reader's text selection as a tidy range of section places (DOM in, places out). */
import type { Quote } from '../reader/locator';
import { quoteFor, tidyRange, type SectionText } from './anchor';
import { placeAt } from '../reader/dom-range';
import { startOf, textLength } from '../reader/dom-text';
import type { TextPlace } from './types';

/** A selection inside the text, as places of its section. */
export interface Selected {
  sectionId: string;
  start: TextPlace;
  end: TextPlace;
  quote: Quote;
  /** Where it is on screen (for the toolbar), in viewport coordinates. */
  rect: { top: number; bottom: number; left: number; right: number };
}

/**
 * The section place of a selection's end: inside a block as `placeAt` finds it; between blocks
 * (a triple-click ends at an element boundary), the start of the block after it, or the end of
 * the last block before it.
 */
function placeNear(node: Node, offset: number): TextPlace | null {
  const inside = placeAt(node, offset);
  if (inside || !(node instanceof Element)) return inside;
  const child = node.childNodes[offset];
  const next = child instanceof HTMLElement ? (child.matches('[data-block]') ? child : child.querySelector<HTMLElement>('[data-block]')) : null;
  if (next) return startOf(next);
  const blocks = node.querySelectorAll<HTMLElement>('[data-block]');
  const last = blocks[blocks.length - 1];
  if (!last) return null;
  const from = startOf(last);
  return { block: from.block, offset: from.offset + textLength(last) };
}

/** The selection when it is a non-empty range inside `content` (the laid-out section); else null. */
export function selectedIn(content: HTMLElement, section: SectionText & { id: string }, selection: Selection | null): Selected | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!content.contains(range.startContainer) || !content.contains(range.endContainer)) return null;
  const a = placeNear(range.startContainer, range.startOffset);
  const b = placeNear(range.endContainer, range.endOffset);
  if (!a || !b) return null;
  const tidy = tidyRange(section, a, b);
  if (!tidy) return null;
  const box = range.getBoundingClientRect();
  return { sectionId: section.id, ...tidy, quote: quoteFor(section, tidy.start, tidy.end), rect: { top: box.top, bottom: box.bottom, left: box.left, right: box.right } };
}
