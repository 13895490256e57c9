/** A component loaded on first use from its own chunk (precached like every chunk), drawing nothing until it has arrived. */
import { h, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** Wraps `load` (a dynamic import) as a component; screens not on the first one stay out of the main bundle. */
export function lazy<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  let loading: Promise<void> | null = null;
  const start = () => (loading ??= load().then((c) => void (loaded = c)));
  return function Lazy(props: P) {
    const [, arrived] = useState(0);
    useEffect(() => {
      if (loaded) return undefined;
      let live = true;
      void start().then(() => live && arrived((n) => n + 1));
      return () => {
        live = false;
      };
    }, []);
    return loaded ? h(loaded, props) : null;
  };
}
