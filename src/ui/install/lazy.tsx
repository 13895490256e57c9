/** The install offer from its own chunk: it draws nothing until the browser offers installation, which comes later anyway. */
import type { ComponentProps } from 'preact';
import { lazy } from '../lazy';
import type { PwaInstall as Eager } from '.';
import './style.css';

/** `<PwaInstall pwa>`, as in ./index.tsx. */
export const PwaInstall = lazy<ComponentProps<typeof Eager>>(() => import('.').then((m) => m.PwaInstall));
