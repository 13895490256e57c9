/** Pure helpers for the bookmarks panel: reading order and short names. */
import type { SectionInfo } from '../../content/types';
import type { Bookmark } from '../../storage/types';

/** Bookmarks in reading order (section, block, offset); those in unknown sections last, newest first. */
export function sortBookmarks(bookmarks: readonly Bookmark[], sections: readonly SectionInfo[]): Bookmark[] {
  const order = new Map(sections.map((s) => [s.id, s.index]));
  const rank = (b: Bookmark): number => order.get(b.locator.sectionId) ?? Number.MAX_SAFE_INTEGER;
  return [...bookmarks].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.locator.block - b.locator.block ||
      a.locator.offset - b.locator.offset ||
      b.createdAt - a.createdAt,
  );
}

/** The first words of a snippet (about `max` characters, cut at a space), for a button's name. */
export function snippetStart(snippet: string, max = 40): string {
  const text = snippet.replace(/\s+/g, ' ').trim();
  if (text === '') return '(no text)';
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max / 2 ? cut : max)}…`;
}
