/**
 * Everything annotations add to the reader, in one place so the reader mounts one component:
 * the selection toolbar, the highlights drawn on the page with their note markers, the note
 * editor, and the annotations panel with its Markdown export (from its own chunk).
 */
import type { RefObject } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import type { Selected } from '../../annotations/selection';
import type { Highlight, HighlightColour } from '../../annotations/types';
import type { WorkInfo } from '../../content/types';
import type { ReaderModel } from '../../reader/contract';
import { useAppState } from '../../state/app-state';
import { PassageNotice } from '../passage-link/notice';
import { SelectionToolbar } from '../selection-toolbar';
import { AnnotationsPanel } from './lazy';
import { HighlightLayer } from './highlight-layer';
import { NoteEditor } from './note-editor';
import { newId, useHighlights } from './use-highlights';

interface Props {
  work: WorkInfo;
  model: ReaderModel;
  /** The laid-out text, and the page box the note markers are placed in. */
  content: RefObject<HTMLElement>;
  page: RefObject<HTMLElement>;
  /** Said on opening (a passage link that could not be followed). */
  notice?: string | undefined;
  panelOpen: boolean;
  onClosePanel: () => void;
}

type Editing = { kind: 'highlight'; highlight: Highlight } | { kind: 'selection'; selected: Selected };

export function ReaderAnnotations(props: Props) {
  const { work, model } = props;
  const app = useAppState();
  const marks = useHighlights(app.store, work.id, app.dataVersion.value);
  const section = model.section.value;
  const locator = model.locator.value;
  // After every layout and every move (a turn moves the text under the note markers).
  const redraw = `${model.layouts.value}|${locator?.block}/${locator?.offset}`;
  const content = useCallback(() => props.content.current, [props.content]);
  const frame = useCallback(() => props.page.current, [props.page]);
  /** Jumps to a highlight's first character; "Back to where you were" keeps the place left. */
  const jump = (h: Highlight) => {
    props.onClosePanel();
    void model.jump({ sectionId: h.sectionId, block: h.start.block, offset: h.start.offset, quote: { before: '', text: h.quote.text.split('\n')[0] ?? '', after: '' } });
  };
  const [editing, setEditing] = useState<Editing | null>(null);

  const create = (selected: Selected, colour: HighlightColour, note = '') => {
    const now = Date.now();
    const { sectionId, start, end, quote } = selected;
    return marks.put({ id: newId(), workId: work.id, sectionId, start, end, quote, colour, note, createdAt: now, updatedAt: now });
  };

  return (
    <>
      <HighlightLayer
        content={content}
        frame={frame}
        section={section}
        highlights={marks.highlights}
        redraw={redraw}
        onOpenNote={(highlight) => setEditing({ kind: 'highlight', highlight })}
      />
      <PassageNotice message={props.notice} />
      <SelectionToolbar
        content={content}
        section={section}
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
          onOpen={jump}
          onEditNote={(highlight) => setEditing({ kind: 'highlight', highlight })}
          onDelete={marks.remove}
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
