/** "About this work" from its own chunk: it is a screen of its own, never the first one drawn. */
import type { ComponentProps } from 'preact';
import { lazy } from '../lazy';
import type { AboutWork as Eager } from '.';
import './style.css';

/** `<AboutWork …>`, as in ./index.tsx. */
export const AboutWork = lazy<ComponentProps<typeof Eager>>(() => import('.').then((m) => m.AboutWork));
