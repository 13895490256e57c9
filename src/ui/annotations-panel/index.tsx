/** This work's highlights and notes in reading order: jump to one, edit its note, delete it (with undo), export as Markdown. */
import { useState } from 'preact/hooks';
import { COLOUR_NAMES } from '../../annotations/colours';
import { inReadingOrder } from '../../annotations/markdown';
import type { Highlight } from '../../annotations/types';
import type { WorkInfo } from '../../content/types';
import { Panel } from '../panel';
import { exportMarkdown } from './export';
import { quoteStart } from './note-editor';
import './style.css';

interface Props {
  work: WorkInfo;
  highlights: readonly Highlight[];
  error: string | null;
  onOpen: (highlight: Highlight) => void;
  onEditNote: (highlight: Highlight) => void;
  /** Deletes; resolves to an undo, or null when the delete failed. */
  onDelete: (highlight: Highlight) => Promise<(() => Promise<boolean>) | null>;
  onClose: () => void;
}

const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

export function AnnotationsPanel({ work, highlights, error, onOpen, onEditNote, onDelete, onClose }: Props) {
  const [undo, setUndo] = useState<{ quote: string; run: () => Promise<boolean> } | null>(null);
  const titles = new Map(work.sections.map((s) => [s.id, s.title]));
  const sorted = inReadingOrder(highlights, work.sections);
  return (
    <Panel title="Highlights and notes" onClose={onClose} class="annotations-panel">
      <div class="annotations-tools">
        <button type="button" class="button" onClick={() => exportMarkdown(work, highlights)} disabled={sorted.length === 0}>
          Export as Markdown
        </button>
      </div>
      <div role="status" class="annotations-status">
        {error ?? ''}
        {undo && (
          <>
            Highlight deleted.{' '}
            <button
              type="button"
              class="button"
              onClick={() => {
                const run = undo.run;
                setUndo(null);
                void run();
              }}
            >
              Undo
            </button>
          </>
        )}
      </div>
      {sorted.length === 0 ? (
        <p class="annotations-empty">No highlights yet. Select some text while reading, then choose a colour or Note.</p>
      ) : (
        <ol class="annotations-list">
          {sorted.map((h) => (
            <li key={h.id} class="annotation">
              <button type="button" class="annotation-open" onClick={() => onOpen(h)}>
                <span class={`annotation-colour swatch-${h.colour}`} aria-hidden="true" />
                <span class="visually-hidden">{COLOUR_NAMES[h.colour]} highlight: </span>
                <span class="annotation-quote">{quoteStart(h.quote.text, 200)}</span>
                <span class="annotation-place">
                  {titles.get(h.sectionId) ?? 'A section no longer in this work'} · {day.format(h.createdAt)}
                </span>
              </button>
              {h.note.trim() !== '' && <p class="annotation-note">{h.note}</p>}
              <div class="annotation-actions">
                <button type="button" class="button" aria-label={`${h.note ? 'Edit note' : 'Add note'}: ${quoteStart(h.quote.text, 40)}`} onClick={() => onEditNote(h)}>
                  {h.note ? 'Edit note' : 'Add note'}
                </button>
                <button
                  type="button"
                  class="button"
                  aria-label={`Delete highlight: ${quoteStart(h.quote.text, 40)}`}
                  onClick={() =>
                    void onDelete(h).then((run) => {
                      if (run) setUndo({ quote: h.quote.text, run });
                    })
                  }
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
