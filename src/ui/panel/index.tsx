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
}

/**
 * A modal side panel (a bottom sheet on phones) on the native <dialog>: focus moves
 * in and back, Escape closes, and the page behind cannot be reached by Tab.
 */
export function Panel({ title, onClose, children, clear = false, class: className = '' }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Open before the first paint, so a key pressed at once already lands in the panel.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class={`panel ${clear ? 'clear' : ''} ${className}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
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
