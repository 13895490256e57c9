/** Writing or changing the note of a highlight (or of a selection about to become one). */
import { useId, useState } from 'preact/hooks';
import { Panel } from '../panel';

interface Props {
  /** The highlighted text the note is about. */
  quote: string;
  note: string;
  onSave: (note: string) => void;
  onClose: () => void;
}

/** The first words of a quote, for labels. */
export function quoteStart(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > max / 2 ? cut : max)}…`;
}

export function NoteEditor({ quote, note, onSave, onClose }: Props) {
  const [text, setText] = useState(note);
  const id = useId();
  return (
    <Panel title="Note" onClose={onClose} class="note-editor">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSave(text);
        }}
      >
        <blockquote class="note-quote">{quoteStart(quote, 240)}</blockquote>
        <label for={id}>Your note</label>
        <textarea id={id} class="note-text" rows={6} value={text} onInput={(e) => setText(e.currentTarget.value)} autoFocus />
        <div class="note-actions">
          <button type="submit" class="button primary">
            Save note
          </button>
          <button type="button" class="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Panel>
  );
}
