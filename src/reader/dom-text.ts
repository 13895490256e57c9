/**
 * The text of the laid-out blocks, read from the DOM: a block element (`data-block`) holds its
 * block's text from `data-base` on, as text nodes (a search mark may split them). Shared by
 * the paginator and the ranges for decorations.
 */
import type { Place } from './place';

/** The block elements laid out in `content`, in order. */
export function blockElements(content: ParentNode): NodeListOf<HTMLElement> {
  return content.querySelectorAll<HTMLElement>('[data-block]');
}

/** The element of a block, if it is laid out. */
export function blockElement(content: ParentNode, block: number): HTMLElement | null {
  return content.querySelector<HTMLElement>(`[data-block="${block}"]`);
}

/** Where an element's text starts in its block's text (a window can start part-way into a block). */
export function baseOf(el: HTMLElement): number {
  return Number(el.dataset.base ?? 0);
}

/** The section place where an element's text starts. */
export function startOf(el: HTMLElement): Place {
  return { block: Number(el.dataset.block), offset: baseOf(el) };
}

/** Total text length of an element's text nodes. */
export function textLength(el: Element): number {
  let length = 0;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) length += (walker.currentNode as Text).length;
  return length;
}

/**
 * The text node and local offset for position `offset` of an element's text. `edge` 'char'
 * names the character there (clamped to the last one); 'boundary' a boundary, which may be the
 * end of the text. Null when the element has no text.
 */
export function textPosition(el: Element, offset: number, edge: 'char' | 'boundary' = 'char'): { node: Text; at: number } | null {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let rest = offset;
  let last: Text | null = null;
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    if (rest < node.length || (edge === 'boundary' && rest === node.length)) return { node, at: rest };
    rest -= node.length;
    last = node;
  }
  if (!last || last.length === 0) return null;
  return { node: last, at: edge === 'boundary' ? last.length : last.length - 1 };
}

/** The box of one character, or null when the element has no text. */
export function charRect(el: Element, offset: number): DOMRect | null {
  const found = textPosition(el, offset);
  if (!found) return null;
  const range = document.createRange();
  range.setStart(found.node, found.at);
  range.setEnd(found.node, found.at + 1);
  const rects = range.getClientRects();
  for (const rect of rects) if (rect.width > 0 || rect.height > 0) return rect;
  return rects[0] ?? range.getBoundingClientRect();
}

/** The first offset at or after `offset` that is not white space (a space at a line end sits on the previous line). */
export function skipSpace(el: Element, offset: number): number {
  const text = el.textContent ?? '';
  let i = offset;
  while (i < text.length - 1 && /\s/.test(text[i] as string)) i++;
  return i;
}
