/** `memo` without preact/compat (whose import changes how every input's onChange fires, app-wide). */
import { Component, type ComponentChildren, type FunctionComponent } from 'preact';

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a) as (keyof typeof a)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is(a[k], b[k]));
}

/** A component that re-renders only when a prop changes (shallowly). For components without hooks. */
export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !shallowEqual(this.props, next);
    }
    override render(props: P): ComponentChildren {
      return render(props);
    }
  }
  return Memo as unknown as FunctionComponent<P>;
}
