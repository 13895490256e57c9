/** A panel's frame while its content is still coming from its own chunk (see src/ui/lazy). */
import type { Pending } from '../lazy';
import { Panel } from '.';

/** The frame the panel will have: same title, same look, so the content just fills in. */
interface Frame {
  title: string;
  clear?: boolean;
  class?: string;
}

/**
 * The `pending` of a lazy panel: the dialog opens at once (focus moves in, Escape and the
 * backdrop close it), saying "Loading…" (and `aria-busy` while it waits), or why it stays empty
 * when the chunk could not load.
 */
export function pendingPanel<P extends { onClose: () => void }>({ title, clear = false, class: className = '' }: Frame): Pending<P> {
  return (props, failed) => (
    <Panel title={title} clear={clear} class={className} onClose={props.onClose} busy={!failed}>
      <p role="status">{failed ? 'This part of Quire could not be loaded. Close it and try again.' : 'Loading…'}</p>
    </Panel>
  );
}
