/** "Your reading" from its own chunk: drawn below the shelf, so it can come a moment later. */
import type { ComponentProps } from 'preact';
import { lazy } from '../lazy';
import type { ReadingStats as Eager } from '.';
import './style.css';

/** `<ReadingStats stats>`, as in ./index.tsx. */
export const ReadingStats = lazy<ComponentProps<typeof Eager>>(() => import('.').then((m) => m.ReadingStats));
