import { useEffect, useRef } from 'preact/hooks';
import type { SectionInfo } from '../../content/types';
import { formatPercent } from '../../search/format';
import type { Bookmark } from '../../storage/types';
import { Panel } from '../panel';
import { snippetStart, sortBookmarks } from './order';
import './style.css';

interface Props {
  /** This work's bookmarks, in any order (shown in reading order). */
  bookmarks: readonly Bookmark[];
  /** The work's sections, for titles and reading order. */
  sections: readonly SectionInfo[];
  onOpen: (bookmark: Bookmark) => void;
  onRemove: (bookmark: Bookmark) => void;
  onClose: () => void;
}

/** The bookmarks of a work: snippet, section and percentage; choose one to jump there, or remove it. */
export function BookmarksPanel({ bookmarks, sections, onOpen, onRemove, onClose }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const emptyRef = useRef<HTMLParagraphElement>(null);
  // After a removal, focus goes to the bookmark that took its place (or the empty note), not to <body>.
  const focusAfterRemove = useRef<number | null>(null);
  const sorted = sortBookmarks(bookmarks, sections);
  const titles = new Map(sections.map((s) => [s.id, s.title]));

  useEffect(() => {
    const index = focusAfterRemove.current;
    if (index === null) return;
    focusAfterRemove.current = null;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button.bookmark-open');
    const target = buttons?.[Math.min(index, buttons.length - 1)];
    if (target) target.focus();
    else emptyRef.current?.focus();
  }, [bookmarks]);

  return (
    <Panel title="Bookmarks" onClose={onClose} class="bookmarks-panel">
      {sorted.length === 0 ? (
        <p ref={emptyRef} tabIndex={-1} class="bookmarks-empty">
          No bookmarks yet. Choose “Bookmark” or press B while reading to keep your place.
        </p>
      ) : (
        <ol ref={listRef} class="bookmarks-list">
          {sorted.map((bookmark, i) => {
            const title = titles.get(bookmark.locator.sectionId) ?? 'A section no longer in this work';
            return (
              <li key={bookmark.id} class="bookmark">
                <button type="button" class="bookmark-open" onClick={() => onOpen(bookmark)}>
                  <span class="bookmark-snippet">{bookmark.snippet || '(no text at this place)'}</span>
                  <span class="bookmark-place">
                    {title} · {formatPercent(bookmark.locator.totalProgression)}
                  </span>
                </button>
                <button
                  type="button"
                  class="bookmark-remove"
                  aria-label={`Remove bookmark: ${snippetStart(bookmark.snippet)}`}
                  onClick={() => {
                    focusAfterRemove.current = i;
                    onRemove(bookmark);
                  }}
                >
                  <span aria-hidden="true">Remove</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </Panel>
  );
}
