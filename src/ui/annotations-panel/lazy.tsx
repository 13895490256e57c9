/** The highlights-and-notes panel, with its Markdown export, from its own chunk (the highlights on the page are drawn at once). */
import type { ComponentProps } from 'preact';
import { lazy } from '../lazy';
import { pendingPanel } from '../panel/pending';
import type { AnnotationsPanel as Eager } from '.';
import './style.css';

/** `<AnnotationsPanel …>`, as in ./index.tsx. */
export const AnnotationsPanel = lazy<ComponentProps<typeof Eager>>(() => import('.').then((m) => m.AnnotationsPanel), pendingPanel({ title: 'Highlights and notes' }));
