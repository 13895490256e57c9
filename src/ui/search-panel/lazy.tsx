/** The search panel from its own chunk: it opens on the first search, after the first screen. */
import type { ComponentProps } from 'preact';
import { lazy } from '../lazy';
import { pendingPanel } from '../panel/pending';
import type { SearchPanel as Eager } from '.';
import './style.css';

/** `<SearchPanel …>`, as in ./index.tsx. */
export const SearchPanel = lazy<ComponentProps<typeof Eager>>(() => import('.').then((m) => m.SearchPanel), pendingPanel({ title: 'Search' }));
