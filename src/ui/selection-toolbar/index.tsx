/** Select, then act: the small toolbar over a text selection (four highlight colours, Note, Copy, Share). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { COLOUR_NAMES } from '../../annotations/colours';
import { passageAt, passageUrl } from '../../annotations/link';
import { selectedIn, type Selected } from '../../annotations/selection';
import { COLOURS, type HighlightColour } from '../../annotations/types';
import type { Section } from '../../content/types';
import './style.css';

interface Props {
  /** The laid-out text. */
  content: () => HTMLElement | null;
  section: Section | null;
  workId: string;
  workTitle: string;
  onHighlight: (selected: Selected, colour: HighlightColour) => void;
  onNote: (selected: Selected) => void;
}

const TOOLBAR_HEIGHT = 48;

/** The link back to a selection's first character. */
export function linkTo(workId: string, section: Section, selected: Selected): string {
  return passageUrl(location.href, workId, passageAt(section, selected.start));
}

/** What "Copy" puts on the clipboard: the quote, then the link back. */
export function copyText(quote: string, link: string): string {
  return `“${quote}”\n${link}`;
}

export function SelectionToolbar({ content, section, workId, workTitle, onHighlight, onNote }: Props) {
  const [selected, setSelected] = useState<Selected | null>(null);
  const [status, setStatus] = useState('');
  const frame = useRef(0);
  useEffect(() => {
    const read = () => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => {
        const el = content();
        setSelected(el && section ? selectedIn(el, section, document.getSelection()) : null);
      });
    };
    document.addEventListener('selectionchange', read);
    read();
    return () => {
      document.removeEventListener('selectionchange', read);
      cancelAnimationFrame(frame.current);
    };
  }, [section, content]);
  useEffect(() => setStatus(''), [selected?.start.block, selected?.start.offset, selected?.end.block, selected?.end.offset]);
  const bar = useRef<HTMLDivElement>(null);
  // From the keyboard: with text selected, Tab reaches the toolbar first.
  const shown = selected !== null;
  useEffect(() => {
    if (!shown) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
      const first = bar.current?.querySelector('button');
      if (!first || bar.current?.contains(document.activeElement)) return;
      event.preventDefault();
      first.focus();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [shown]);

  if (!selected || !section) return <p class="visually-hidden" role="status">{status}</p>;
  const done = () => {
    const hadFocus = bar.current?.contains(document.activeElement);
    document.getSelection()?.removeAllRanges();
    setSelected(null);
    // The toolbar goes away: keep the focus on the page, not lost to <body>.
    if (hadFocus) content()?.parentElement?.focus();
  };
  /** Arrow keys move along the toolbar, Escape dismisses it; neither reaches the reader (no page turn, no leaving). */
  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(bar.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      done();
    } else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && at >= 0) {
      event.preventDefault();
      buttons[(at + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
    }
  };
  const link = linkTo(workId, section, selected);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(copyText(selected.quote.text, link));
      setStatus('Copied the quote and a link to it.');
    } catch {
      setStatus('Quire could not copy to the clipboard here.');
    }
  };
  const share = async () => {
    try {
      await navigator.share({ title: workTitle, text: `“${selected.quote.text}”`, url: link });
    } catch {
      // The reader closed the share sheet: nothing to say.
    }
  };
  // Above the selection, or below it when there is no room; never off screen.
  const room = selected.rect.top - TOOLBAR_HEIGHT - 8;
  const top = room > 56 ? room : Math.min(window.innerHeight - TOOLBAR_HEIGHT - 8, selected.rect.bottom + 8);
  const centre = (selected.rect.left + selected.rect.right) / 2;
  return (
    <>
      <div
        ref={bar}
        class="selection-toolbar"
        role="toolbar"
        aria-label="Selected text"
        style={{ top: `${Math.max(8, top)}px`, left: `${Math.max(8, Math.min(window.innerWidth - 8, centre))}px` }}
        // Keep the selection: pressing a button must not clear it before the click lands.
        onPointerDown={(event) => event.preventDefault()}
        onKeyDown={onKeyDown}
      >
        {COLOURS.map((colour) => (
          <button
            key={colour}
            type="button"
            class={`selection-colour swatch-${colour}`}
            aria-label={`Highlight ${COLOUR_NAMES[colour].toLowerCase()}`}
            title={`Highlight ${COLOUR_NAMES[colour].toLowerCase()}`}
            onClick={() => {
              onHighlight(selected, colour);
              done();
            }}
          />
        ))}
        <button
          type="button"
          class="selection-action"
          onClick={() => {
            onNote(selected);
            done();
          }}
        >
          Note
        </button>
        <button type="button" class="selection-action" onClick={() => void copy()}>
          Copy
        </button>
        {typeof navigator.share === 'function' && (
          <button type="button" class="selection-action" onClick={() => void share()}>
            Share
          </button>
        )}
      </div>
      <p class="visually-hidden" role="status">
        {status}
      </p>
    </>
  );
}
