/** The end of a work: said plainly ("You have reached the end", or the text's own end marker), 100%, and the ways on. */
import { useEffect, useRef } from 'preact/hooks';
import type { WorkInfo } from '../../content/types';
import type { Locator } from '../../reader/locator';
import { routeHash } from '../../state/router';
import { lastRead } from '../shelf/order';
import './style.css';

interface Props {
  work: WorkInfo;
  /** The section on screen (the last one): its end marker (e.g. "The End."), if the text has one, is shown. */
  section: { blocks: readonly { kind: string; text: string }[] } | null;
  /** Every work, to offer another one. */
  works: readonly WorkInfo[];
  positions: Readonly<Record<string, Locator | undefined>>;
  onLibrary: () => void;
  /** Back to the last page of the text. */
  onBack: () => void;
}

/** The work to offer next: the other one read most recently, else the first not yet started, else the next in the catalogue. */
export function nextWork(work: WorkInfo, works: readonly WorkInfo[], positions: Readonly<Record<string, Locator | undefined>>): WorkInfo | undefined {
  const others = works.filter((w) => w.id !== work.id);
  return lastRead(others, positions) ?? others.find((w) => !positions[w.id]) ?? others[0];
}

/** Shown past the last page of a work. */
export function EndPage({ work, section, works, positions, onLibrary, onBack }: Props) {
  const endMarker = endMarkerOf(section);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const other = nextWork(work, works, positions);
  const otherTitle = other?.meta.addedByApp.displayTitle ?? '';
  return (
    <section class="end-page" aria-labelledby="end-title">
      <h2 id="end-title" tabIndex={-1} ref={heading}>
        {endMarker === null ? 'You have reached the end' : 'The end of the work'}
      </h2>
      <p>
        {endMarker === null ? (
          <>
            <strong>{work.meta.addedByApp.displayTitle}</strong> ends here: the text has no end marker of its own.
          </>
        ) : (
          <>
            The text ends with its own words: <q>{endMarker.trim()}</q>
          </>
        )}
      </p>
      <p class="end-progress">
        <span class="end-bar" aria-hidden="true" />
        <span>100% read</span>
      </p>
      <div class="end-actions">
        <button type="button" class="button primary" onClick={onLibrary}>
          Back to library
        </button>
        {other && (
          <a class="button" href={routeHash({ name: 'read', workId: other.id })}>
            {positions[other.id] ? 'Continue' : 'Start'} {otherTitle}
          </a>
        )}
        <button type="button" class="button" onClick={onBack}>
          Back to the last page
        </button>
      </div>
    </section>
  );
}

/** The text's own end marker in a loaded section, or null when it has none. */
export function endMarkerOf(section: { blocks: readonly { kind: string; text: string }[] } | null | undefined): string | null {
  return section?.blocks.findLast((b) => b.kind === 'end')?.text ?? null;
}

