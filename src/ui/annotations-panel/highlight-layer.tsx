/**
 * Draws the open section's highlights (CSS.highlights; the text's DOM is never touched) after
 * every layout, and puts a note marker at the end of each highlight with a note: a button
 * positioned over the page, outside the text's DOM, that opens the note.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { resolveAnchor } from '../../annotations/anchor';
import { clearHighlights, drawHighlights, type Drawable } from '../../annotations/draw';
import type { Highlight } from '../../annotations/types';
import type { Section } from '../../content/types';
import '../../annotations/highlights.css';

interface Props {
  content: () => HTMLElement | null;
  /** The positioned box the markers are placed in (the page). */
  frame: () => HTMLElement | null;
  section: Section | null;
  highlights: readonly Highlight[];
  /** Changes after every layout and page turn: the highlights are drawn again. */
  redraw: unknown;
  onOpenNote: (highlight: Highlight) => void;
}

interface Marker {
  highlight: Highlight;
  top: number;
  left: number;
}

/** Where each of a section's highlights stands now; those whose text is gone are left out. */
export function drawablesIn(section: Section, highlights: readonly Highlight[]): (Drawable & { highlight: Highlight })[] {
  return highlights.flatMap((h) => {
    if (h.sectionId !== section.id) return [];
    const found = resolveAnchor(section, h);
    return found.ok ? [{ id: h.id, colour: h.colour, start: found.start, end: found.end, highlight: h }] : [];
  });
}

export function HighlightLayer({ content, frame, section, highlights, redraw, onOpenNote }: Props) {
  const [markers, setMarkers] = useState<Marker[]>([]);
  const ranges = useRef(new Map<string, Range>());
  const withNotes = useRef<Highlight[]>([]);
  const place = useRef(() => {});
  place.current = () => {
    const box = frame()?.getBoundingClientRect();
    const view = content()?.parentElement?.getBoundingClientRect();
    if (!box || !view) return;
    const next: Marker[] = [];
    for (const h of withNotes.current) {
      const rects = ranges.current.get(h.id)?.getClientRects();
      const end = rects?.[rects.length - 1];
      // Only the end that is on this page (or on screen, when scrolling).
      if (!end || end.right < view.left || end.left > view.right + 1 || end.bottom < view.top || end.top > view.bottom) continue;
      next.push({ highlight: h, top: end.top - box.top - 10, left: end.right - box.left - 6 });
    }
    setMarkers(next);
  };

  useLayoutEffect(() => {
    const el = content();
    if (!el || !section) {
      ranges.current = new Map();
      clearHighlights();
      return;
    }
    const items = drawablesIn(section, highlights);
    ranges.current = drawHighlights(el, items);
    withNotes.current = items.filter((i) => i.highlight.note.trim() !== '').map((i) => i.highlight);
    // Markers go where the text is once the page has settled (a turn may still be animating).
    let live = true;
    void Promise.all(el.getAnimations().map((a) => a.finished.catch(() => undefined))).then(() => {
      if (live) requestAnimationFrame(() => live && place.current());
    });
    return () => {
      live = false;
    };
  }, [section, highlights, redraw, content]);

  useEffect(() => {
    const viewport = content()?.parentElement;
    let frameId = 0;
    const again = () => {
      cancelAnimationFrame(frameId);
      frameId = requestAnimationFrame(() => place.current());
    };
    viewport?.addEventListener('scroll', again, { passive: true });
    window.addEventListener('resize', again);
    return () => {
      viewport?.removeEventListener('scroll', again);
      window.removeEventListener('resize', again);
      cancelAnimationFrame(frameId);
    };
  }, [content, section]);

  useEffect(() => () => clearHighlights(), []);

  return (
    <div class="note-markers">
      {markers.map((m) => (
        <button
          key={m.highlight.id}
          type="button"
          class={`note-marker swatch-${m.highlight.colour}`}
          style={{ top: `${m.top}px`, left: `${m.left}px` }}
          aria-label={`Open note: ${m.highlight.note.slice(0, 60)}`}
          title="Open note"
          onClick={() => onOpenNote(m.highlight)}
        >
          <span aria-hidden="true">✎</span>
        </button>
      ))}
    </div>
  );
}
