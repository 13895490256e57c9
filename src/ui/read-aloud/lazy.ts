/** Read aloud's own chunk (./session.ts: the controller, its bridges and the bar), loaded on first use or by the idle preload. */
import type { ComponentProps } from 'preact';
import { lazy } from '../lazy';
import type { ReadAloudBar as Eager } from '.';
import type * as SessionChunk from './session';
import './style.css';

type SessionModule = typeof SessionChunk;

let loaded: SessionModule | null = null;

/** The chunk, once it is in (null before): what runs at once on a click when it already arrived. */
export function sessionModule(): SessionModule | null {
  return loaded;
}

/** Loads the chunk (once; a failed load is tried again next time). */
export function loadSession(): Promise<SessionModule> {
  return import('./session').then((m) => (loaded = m));
}

/** `<ReadAloudBar …>`, as in ./index.tsx; its preload loads the whole chunk. */
export const ReadAloudBar = lazy<ComponentProps<typeof Eager>>(() => loadSession().then((m) => m.ReadAloudBar));
