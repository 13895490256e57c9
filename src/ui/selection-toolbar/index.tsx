/** Select, then act: the small toolbar over a text selection (four highlight colours, Note, Copy, Share). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { COLOUR_NAMES } from '../../annotations/markdown';
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

  if (!selected || !section) return <p class="visually-hidden" role="status">{status}</p>;
  const done = () => {
    document.getSelection()?.removeAllRanges();
    setSelected(null);
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
        class="selection-toolbar"
        role="toolbar"
        aria-label="Selected text"
        style={{ top: `${Math.max(8, top)}px`, left: `${Math.max(8, Math.min(window.innerWidth - 8, centre))}px` }}
        // Keep the selection: pressing a button must not clear it before the click lands.
        onPointerDown={(event) => event.preventDefault()}
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
