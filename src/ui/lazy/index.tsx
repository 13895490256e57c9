/**
 * Components loaded from their own chunk (precached like every chunk), so what the first screen
 * does not draw stays out of the main bundle. Every one can be preloaded (`preloaders()` lists them).
 */
import { h, type FunctionComponent, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A component from its own chunk. `preload()` fetches and runs the chunk ahead of use; it never rejects. */
export interface LazyComponent<P> extends FunctionComponent<P> {
  preload(): Promise<void>;
}

/** What is drawn while the chunk is on its way (`failed`: it could not be loaded, e.g. offline before the first visit finished). */
export type Pending<P> = (props: P, failed: boolean) => VNode | null;

const preloads: (() => Promise<void>)[] = [];

/**
 * Wraps `load` (a dynamic import) as a component. Asked for before its chunk arrived, it draws
 * `pending` (default: nothing) and then the component, as soon as the chunk is in. Declaring
 * one loads nothing: the chunk is fetched on first draw or on `preload()`.
 */
export function lazy<P extends object>(load: () => Promise<FunctionComponent<P>>, pending: Pending<P> = () => null): LazyComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  let loading: Promise<void> | null = null;
  const start = () =>
    (loading ??= load().then(
      (c) => void (loaded = c),
      (error: unknown) => {
        // The next draw or preload tries again.
        loading = null;
        throw error;
      },
    ));
  function Lazy(props: P) {
    const [failed, setFailed] = useState(false);
    const [, arrived] = useState(0);
    const drewPending = !loaded;
    useEffect(() => {
      // Drawn with its chunk: nothing to wait for. Drawn pending: wait, even if the chunk came in
      // between the draw and this effect (then `start()` has already resolved, and it draws again).
      if (!drewPending) return undefined;
      let live = true;
      start().then(
        () => live && arrived((n) => n + 1),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [drewPending]);
    return loaded ? h(loaded, props) : pending(props, failed);
  }
  const preload = () => start().catch(() => undefined);
  preloads.push(preload);
  return Object.assign(Lazy, { preload });
}

/** Every lazy component's preload, in the order they were declared (all are, once the main bundle has run). */
export function preloaders(): readonly (() => Promise<void>)[] {
  return [...preloads];
}
