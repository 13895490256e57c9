/**
 * DOM ranges for decorations (highlights, the sentence read aloud) and back: section places
 * to a Range over the laid-out text, and a DOM position to a section place.
 */
import { blockElements, startOf, textLength, textPosition } from './dom-text';
import { comparePlaces, isBefore, type Place } from './place';

const later = (a: Place, b: Place): Place => (comparePlaces(a, b) >= 0 ? a : b);
const earlier = (a: Place, b: Place): Place => (comparePlaces(a, b) <= 0 ? a : b);

/** A Range over the laid-out part of [start, end) of the current section; null when none of it is laid out. */
export function rangeFor(content: HTMLElement, start: Place, end: Place): Range | null {
  if (!isBefore(start, end)) return null;
  let range: Range | null = null;
  for (const el of blockElements(content)) {
    const from = startOf(el);
    const to = { block: from.block, offset: from.offset + textLength(el) };
    if (!isBefore(from, end)) break;
    const lo = later(from, start);
    const hi = earlier(to, end);
    if (!isBefore(lo, hi)) continue;
    const a = textPosition(el, lo.offset - from.offset, 'boundary');
    const b = textPosition(el, hi.offset - from.offset, 'boundary');
    if (!a || !b) continue;
    if (!range) {
      range = document.createRange();
      range.setStart(a.node, a.at);
    }
    range.setEnd(b.node, b.at);
  }
  return range;
}

/** The section place of a DOM position inside laid-out content (a selection's end, a caret); null outside the blocks. */
export function placeAt(node: Node, offset: number): Place | null {
  const holder = node instanceof Element ? node : node.parentElement;
  const el = holder?.closest<HTMLElement>('[data-block]');
  if (!el) return null;
  const before = document.createRange();
  before.setStart(el, 0);
  before.setEnd(node, offset);
  const start = startOf(el);
  return { block: start.block, offset: start.offset + before.toString().length };
}
