/** The contents panel from its own chunk. */
import type { ComponentProps } from 'preact';
import { lazy } from '../lazy';
import { pendingPanel } from '../panel/pending';
import type { ContentsPanel as Eager } from '.';
import './style.css';

/** `<ContentsPanel …>`, as in ./index.tsx. */
export const ContentsPanel = lazy<ComponentProps<typeof Eager>>(() => import('.').then((m) => m.ContentsPanel), pendingPanel({ title: 'Contents' }));
