import { memo } from '../memo';
import type { Block, Section } from '../../content/types';
import { smartPunctuation } from '../../reader/smart-punctuation';
import { highlightParts } from '../../search/highlight';
import './style.css';

/** A character range of one block to mark (a search hit). */
export interface Highlight {
  block: number;
  offset: number;
  length: number;
}

interface Props {
  section: Section;
  smart: boolean;
  highlight?: Highlight | null;
}

/**
 * One section as semantic HTML: a heading, a <p> per paragraph, scene breaks as
 * separators. Every block element carries data-block and holds the block's text as
 * text (smart punctuation keeps its length, so offsets match the source).
 */
export const SectionView = memo(function SectionView({ section, smart, highlight }: Props) {
  const blocks = section.blocks;
  const hasHeading = blocks[0]?.kind === 'heading';
  return (
    <section class="section" aria-labelledby={`h-${section.id}`}>
      {!hasHeading && (
        // The source has no heading here: the name is this app's, for navigation only.
        <h2 id={`h-${section.id}`} class="visually-hidden">
          {section.title}
        </h2>
      )}
      {blocks.map((block, i) => (
        <BlockView
          key={i}
          index={i}
          block={block}
          headingId={i === 0 && hasHeading ? `h-${section.id}` : undefined}
          afterBreak={i === 0 || isSeparator(blocks[i - 1])}
          quiet={block.kind === 'break' && (isAside(blocks[i - 1]) || isAside(blocks[i + 1]))}
          smart={smart}
          mark={highlight && highlight.block === i ? highlight : null}
        />
      ))}
    </section>
  );
});

function isSeparator(block: Block | undefined): boolean {
  return block !== undefined && (block.kind === 'break' || block.kind === 'heading' || block.kind === 'marker' || block.kind === 'note');
}

/** Markers and notes stand apart already: a break beside them is space, not an ornament. */
function isAside(block: Block | undefined): boolean {
  return block !== undefined && (block.kind === 'marker' || block.kind === 'note');
}

interface BlockProps {
  index: number;
  block: Block;
  headingId: string | undefined;
  afterBreak: boolean;
  quiet: boolean;
  smart: boolean;
  mark: Highlight | null;
}

function BlockView({ index, block, headingId, afterBreak, quiet, smart, mark }: BlockProps) {
  const text = smart ? smartPunctuation(block.text) : block.text;
  const parts = mark ? highlightParts(text, mark.offset, mark.length) : null;
  const content = parts ? (
    <>
      {parts.before}
      <mark class="text-hit">{parts.match}</mark>
      {parts.after}
    </>
  ) : (
    text
  );
  switch (block.kind) {
    case 'heading':
      return (
        <h2 id={headingId} class="section-heading" data-block={index}>
          {content}
        </h2>
      );
    case 'break':
      return <div class={quiet ? 'scene-break quiet' : 'scene-break'} role="separator" aria-label="Scene break" data-block={index} />;
    case 'marker':
      return (
        <p class="time-marker" data-block={index}>
          {content}
        </p>
      );
    case 'note':
      return (
        <aside class="author-note" aria-label="Author’s note" data-block={index}>
          {content}
        </aside>
      );
    case 'end':
      return (
        <p class="end-marker" data-block={index}>
          {content}
        </p>
      );
    default:
      return (
        <p class={afterBreak ? 'para first' : 'para'} data-block={index}>
          {content}
        </p>
      );
  }
}
