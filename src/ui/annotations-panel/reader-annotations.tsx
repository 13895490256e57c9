/**
 * Everything annotations add to the reader, in one place so the reader mounts one component:
 * the selection toolbar, the highlights drawn on the page with their note markers, the note
 * editor, and the annotations panel with its Markdown export.
 */
import { useState } from 'preact/hooks';
import { markdownFileName, markdownFor } from '../../annotations/markdown';
import type { Selected } from '../../annotations/selection';
import type { Highlight, HighlightColour, HighlightStore } from '../../annotations/types';
import type { Section, WorkInfo } from '../../content/types';
import { SelectionToolbar } from '../selection-toolbar';
import { AnnotationsPanel } from './index';
import { HighlightLayer } from './highlight-layer';
import { NoteEditor } from './note-editor';
import { newId, useHighlights } from './use-highlights';

interface Props {
  store: HighlightStore;
  work: WorkInfo;
  /** Goes up when stored data changed under the app (an import). */
  dataVersion: number;
  section: Section | null;
  content: () => HTMLElement | null;
  frame: () => HTMLElement | null;
  /** Changes after every layout and page turn. */
  redraw: unknown;
  panelOpen: boolean;
  onClosePanel: () => void;
  /** Jumps to a highlight's first character (remembering the place for "Back to where you were"). */
  onJump: (highlight: Highlight) => void;
}

/** Downloads a text file (a Blob URL: nothing leaves the device). */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Editing = { kind: 'highlight'; highlight: Highlight } | { kind: 'selection'; selected: Selected };

export function ReaderAnnotations(props: Props) {
  const { work } = props;
  const marks = useHighlights(props.store, work.id, props.dataVersion);
  const [editing, setEditing] = useState<Editing | null>(null);

  const create = (selected: Selected, colour: HighlightColour, note = '') => {
    const now = Date.now();
    const { sectionId, start, end, quote } = selected;
    return marks.put({ id: newId(), workId: work.id, sectionId, start, end, quote, colour, note, createdAt: now, updatedAt: now });
  };

  return (
    <>
      <HighlightLayer
        content={props.content}
        frame={props.frame}
        section={props.section}
        highlights={marks.highlights}
        redraw={props.redraw}
        onOpenNote={(highlight) => setEditing({ kind: 'highlight', highlight })}
      />
      <SelectionToolbar
        content={props.content}
        section={props.section}
        workId={work.id}
        workTitle={work.meta.addedByApp.displayTitle}
        onHighlight={(selected, colour) => void create(selected, colour)}
        onNote={(selected) => setEditing({ kind: 'selection', selected })}
      />
      {props.panelOpen && !editing && (
        <AnnotationsPanel
          work={work}
          highlights={marks.highlights}
          error={marks.error}
          onOpen={(h) => {
            props.onClosePanel();
            props.onJump(h);
          }}
          onEditNote={(highlight) => setEditing({ kind: 'highlight', highlight })}
          onDelete={marks.remove}
          onExport={() => download(markdownFileName(work.id), markdownFor(work, marks.highlights, { appUrl: location.href, exportedAt: Date.now() }), 'text/markdown')}
          onClose={props.onClosePanel}
        />
      )}
      {editing && (
        <NoteEditor
          quote={editing.kind === 'highlight' ? editing.highlight.quote.text : editing.selected.quote.text}
          note={editing.kind === 'highlight' ? editing.highlight.note : ''}
          onClose={() => setEditing(null)}
          onSave={(note) => {
            setEditing(null);
            if (editing.kind === 'highlight') void marks.update(editing.highlight.id, { note });
            else void create(editing.selected, 'yellow', note);
          }}
        />
      )}
    </>
  );
}
