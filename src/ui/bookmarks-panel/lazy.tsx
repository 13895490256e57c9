/** The bookmarks panel from its own chunk (the Bookmark button itself stays in the reader's header). */
import type { ComponentProps } from 'preact';
import { lazy } from '../lazy';
import { pendingPanel } from '../panel/pending';
import type { BookmarksPanel as Eager } from '.';
import './style.css';

/** `<BookmarksPanel …>`, as in ./index.tsx. */
export const BookmarksPanel = lazy<ComponentProps<typeof Eager>>(() => import('.').then((m) => m.BookmarksPanel), pendingPanel({ title: 'Bookmarks' }));
