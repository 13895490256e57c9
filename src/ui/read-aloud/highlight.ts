/** Marks the spoken sentence with the CSS Custom Highlight API, redrawn after every layout; the text's DOM is never touched. */
import { effect, type ReadonlySignal } from '@preact/signals';
import type { SpeechState } from '../../speech/controller';
import type { ReaderPort } from '../../speech/follow';

/** The highlight's name: `::highlight(read-aloud)` in ./style.css. */
export const READ_ALOUD_HIGHLIGHT = 'read-aloud';

/** A Range over [start, end) of the section as laid out (src/reader/dom-range.ts `rangeFor`). */
export type RangeFor = (content: HTMLElement, start: { block: number; offset: number }, end: { block: number; offset: number }) => Range | null;

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function' ? CSS.highlights : null;
}

/** Draws the sentence of `state` over `content` whenever it, the section or the layout changes. Returns dispose (which clears it). */
export function drawSpokenSentence(state: ReadonlySignal<SpeechState>, reader: Pick<ReaderPort, 'section' | 'layouts'>, content: () => HTMLElement | null, rangeFor: RangeFor): () => void {
  const highlights = registry();
  if (!highlights) return () => undefined; // No Custom Highlight API: reading aloud works, unmarked.
  const stop = effect(() => {
    const { status, sentence } = state.value;
    const section = reader.section.value;
    void reader.layouts.value;
    const root = content();
    const range =
      status !== 'idle' && sentence && root && section?.id === sentence.sectionId
        ? rangeFor(root, { block: sentence.block, offset: sentence.start }, { block: sentence.block, offset: sentence.end })
        : null;
    if (range) highlights.set(READ_ALOUD_HIGHLIGHT, new Highlight(range));
    else highlights.delete(READ_ALOUD_HIGHLIGHT);
  });
  return () => {
    stop();
    highlights.delete(READ_ALOUD_HIGHLIGHT);
  };
}
