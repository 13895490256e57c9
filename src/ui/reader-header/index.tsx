import type { ComponentChildren } from 'preact';
import './style.css';

interface Props {
  title: string;
  sectionTitle: string | undefined;
  /** Controls other than the way back; hidden with the header while reading. */
  children: ComponentChildren;
  visible: boolean;
  onLibrary: () => void;
  onFocus: () => void;
}

/** The reader's top bar. The way back to the library stays reachable even while the bar is hidden. */
export function ReaderHeader({ title, sectionTitle, children, visible, onLibrary, onFocus }: Props) {
  return (
    <header class={visible ? 'reader-header' : 'reader-header hidden'} onFocusIn={onFocus}>
      <button type="button" class="icon-button library-button" onClick={onLibrary} aria-label="Back to library">
        <span aria-hidden="true">‹</span>
        <span class="library-label">Library</span>
      </button>
      <div class="reader-heading">
        <h1 class="reader-title">{title}</h1>
        {sectionTitle && <p class="reader-section">{sectionTitle}</p>}
      </div>
      <div class="reader-tools">{children}</div>
    </header>
  );
}
