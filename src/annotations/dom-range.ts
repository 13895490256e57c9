/**
 * A local copy of the reader's DOM helpers (`src/reader/dom-range.ts`, shared decision in
 * TEAM.md), written against the same signatures until that module lands; then deleted.
 * Block elements carry data-block (index in the section) and data-base (where a window
 * starts part-way into the block); offsets are UTF-16 into the block's text.
 */
import type { TextPlace } from './types';

const before = (a: TextPlace, b: TextPlace) => a.block < b.block || (a.block === b.block && a.offset < b.offset);

function baseOf(el: HTMLElement): number {
  return Number(el.dataset.base ?? 0);
}

function textLength(el: Element): number {
  let n = 0;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) n += (walker.currentNode as Text).length;
  return n;
}

/** The DOM position of character `local` of an element (its end when `local` is its length). */
function position(el: Element, local: number): { node: Node; offset: number } {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let rest = local;
  let last: Text | null = null;
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    if (rest < node.length) return { node, offset: rest };
    rest -= node.length;
    last = node;
  }
  return last ? { node: last, offset: last.length } : { node: el, offset: 0 };
}

/** A DOM Range over the laid-out part of [start, end) of the current section; null when none of it is laid out. */
export function rangeFor(content: HTMLElement, start: TextPlace, end: TextPlace): Range | null {
  const blocks = content.querySelectorAll<HTMLElement>('[data-block]');
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  if (!first || !last) return null;
  const shownFrom = { block: Number(first.dataset.block), offset: baseOf(first) };
  const shownTo = { block: Number(last.dataset.block), offset: baseOf(last) + textLength(last) };
  const a = before(start, shownFrom) ? shownFrom : start;
  const b = before(shownTo, end) ? shownTo : end;
  if (!before(a, b)) return null;
  const at = (p: TextPlace) => {
    const el = content.querySelector<HTMLElement>(`[data-block="${p.block}"]`);
    return el ? position(el, Math.max(0, p.offset - baseOf(el))) : null;
  };
  const from = at(a);
  const to = at(b);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The section place of a DOM position inside the content; null when it is outside every block. */
export function placeAt(node: Node, offset: number): TextPlace | null {
  const host = node instanceof Element ? node : node.parentElement;
  const el = host?.closest<HTMLElement>('[data-block]');
  if (el) {
    const range = document.createRange();
    range.setStart(el, 0);
    range.setEnd(node, offset);
    return { block: Number(el.dataset.block), offset: baseOf(el) + range.toString().length };
  }
  // Between blocks (a selection that ends at an element boundary): the block at or after it.
  if (host && node instanceof Element) {
    const child = node.childNodes[offset];
    const next = child instanceof HTMLElement ? (child.matches('[data-block]') ? child : child.querySelector<HTMLElement>('[data-block]')) : null;
    if (next) return { block: Number(next.dataset.block), offset: baseOf(next) };
    const blocks = node.querySelectorAll<HTMLElement>('[data-block]');
    const lastBlock = blocks[blocks.length - 1];
    if (lastBlock) return { block: Number(lastBlock.dataset.block), offset: baseOf(lastBlock) + textLength(lastBlock) };
  }
  return null;
}
