import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import './style.css';

interface Props {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** Keep the page visible behind the panel (settings change it live). */
  clear?: boolean;
  class?: string;
  /** Its content is still coming (a lazy panel's frame): `aria-busy` until it is in. */
  busy?: boolean;
}

/**
 * A modal side panel (a bottom sheet on phones) on the native <dialog>: focus moves in and
 * back to what opened it, Escape closes, and the page behind cannot be reached by Tab. The
 * only dialog implementation: every panel of the app is one of these.
 */
export function Panel({ title, onClose, children, clear = false, class: className = '', busy = false }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;
  // Open before the first paint, so a key pressed at once already lands in the panel.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Chrome closes a dialog anyway on a second quick Escape: that is a close too.
    const onDialogClose = () => close.current();
    dialog.addEventListener('close', onDialogClose);
    return () => {
      dialog.removeEventListener('close', onDialogClose);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={['panel', clear ? 'clear' : '', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      aria-busy={busy ? 'true' : undefined}
      onCancel={(event) => {
        // Escape: the parent decides, by unmounting the panel.
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (event.target === ref.current) onClose();
      }}
    >
      <div class="panel-box">
        <header class="panel-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" class="icon-button" aria-label={`Close ${title.toLowerCase()}`} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </header>
        <div class="panel-body">{children}</div>
      </div>
    </dialog>
  );
}
