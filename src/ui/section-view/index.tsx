import { memo } from '../memo';
import type { Block, Section } from '../../content/types';
import { smartPunctuation } from '../../reader/smart-punctuation';
import type { BlockWindow } from '../../reader/window';
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
  /** The part of the section to lay out (paginated reading shows a window of a long section). */
  range: BlockWindow;
  smart: boolean;
  highlight?: Highlight | null;
  /** False for a hidden page (the staged one): no ids, so none is on the page twice. Default true. */
  named?: boolean;
}

/**
 * A section (or a window of it) as semantic HTML: a heading, a <p> per paragraph, scene
 * breaks as separators. Every block element carries data-block, and data-base when it starts
 * part-way into its block; it holds the block's text as text (smart punctuation keeps its
 * length, so offsets match the source).
 */
export const SectionView = memo(function SectionView({ section, range, smart, highlight, named = true }: Props) {
  const blocks = section.blocks;
  const { start, end } = range;
  const last = Math.min(blocks.length - 1, end.offset > 0 ? end.block : end.block - 1);
  // The text's own heading is shown when the window starts with it; otherwise the section is
  // still named, for navigation, by a heading only assistive technology sees.
  const hasHeading = blocks[0]?.kind === 'heading' && start.block === 0 && start.offset === 0;
  const headingId = named ? `h-${section.id}` : undefined;
  const shown: number[] = [];
  for (let i = start.block; i <= last; i++) shown.push(i);
  return (
    <section class="section" aria-labelledby={headingId} data-section={section.id}>
      {!hasHeading && (
        <h2 id={headingId} class="visually-hidden">
          {section.title}
        </h2>
      )}
      {shown.map((i) => {
        const block = blocks[i] as Block;
        const from = i === start.block ? start.offset : 0;
        return (
          <BlockView
            key={i}
            index={i}
            block={block}
            from={from}
            to={i === end.block ? end.offset : block.text.length}
            headingId={i === 0 && hasHeading ? headingId : undefined}
            afterBreak={i === 0 || from > 0 || isSeparator(blocks[i - 1])}
            quiet={block.kind === 'break' && (isAside(blocks[i - 1]) || isAside(blocks[i + 1]))}
            smart={smart}
            mark={highlight && highlight.block === i ? highlight : null}
          />
        );
      })}
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
  /** The part of the block's text shown: [from, to). */
  from: number;
  to: number;
  headingId: string | undefined;
  afterBreak: boolean;
  quiet: boolean;
  smart: boolean;
  mark: Highlight | null;
}

// Memoised: a page swapped in from hidden renders again only for its ids (its heading), not every block.
const BlockView = memo(function BlockView({ index, block, from, to, headingId, afterBreak, quiet, smart, mark }: BlockProps) {
  // Punctuation is dressed on the whole block, so a cut never changes which quote is which.
  const text = (smart ? smartPunctuation(block.text) : block.text).slice(from, to);
  const parts = mark ? highlightParts(text, mark.offset - from, mark.length) : null;
  const content = parts ? (
    <>
      {parts.before}
      <mark class="text-hit">{parts.match}</mark>
      {parts.after}
    </>
  ) : (
    text
  );
  const base = from > 0 ? from : undefined;
  // A block cut by a window's start continues one already under way: no space or rule above it.
  const cont = from > 0 ? ' continued' : '';
  switch (block.kind) {
    case 'heading':
      return (
        <h2 id={headingId} class={`section-heading${cont}`} data-block={index} data-base={base}>
          {content}
        </h2>
      );
    case 'break':
      return <div class={`${quiet ? 'scene-break quiet' : 'scene-break'}${cont}`} role="separator" aria-label="Scene break" data-block={index} data-base={base} />;
    case 'marker':
      return (
        <p class={`time-marker${cont}`} data-block={index} data-base={base}>
          {content}
        </p>
      );
    case 'note':
      return (
        <aside class={`author-note${cont}`} aria-label="Author’s note" data-block={index} data-base={base}>
          {content}
        </aside>
      );
    case 'end':
      return (
        <p class={`end-marker${cont}`} data-block={index} data-base={base}>
          {content}
        </p>
      );
    default:
      return (
        <p class={`${afterBreak ? 'para first' : 'para'}${cont}`} data-block={index} data-base={base}>
          {content}
        </p>
      );
  }
});
