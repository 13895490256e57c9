import { useState } from 'preact/hooks';
import type { SectionInfo, WorkInfo } from '../../content/types';
import { sectionAtFraction } from '../../reader/locate';
import type { Locator } from '../../reader/locator';
import { wordsLeft, type ReaderPosition } from '../../reader/estimates';
import { formatMinutes, minutesFor } from '../../reader/reading-speed';
import './style.css';

interface Props {
  work: WorkInfo;
  section: SectionInfo | undefined;
  locator: Locator | null;
  position: ReaderPosition;
  paginated: boolean;
  wpm: number;
  measured: boolean;
  /** Show the scrubber (with the other controls). */
  expanded: boolean;
  onScrub: (fraction: number) => void;
}

const STEPS = 1000;

/** The reader's footer: where you are, what is left, and a scrubber to jump anywhere in the work. */
export function ReaderFooter({ work, section, locator, position, paginated, wpm, measured, expanded, onScrub }: Props) {
  const [preview, setPreview] = useState<number | null>(null);
  const total = locator?.totalProgression ?? 0;
  const percent = Math.floor(total * 100);
  const left = wordsLeft(work, section, locator);
  const pagesLeft = position.pagesLeft;
  const previewTitle = preview === null ? '' : titleAt(work, preview / STEPS);
  const speedNote = measured ? 'at your reading speed' : `at ${wpm} words a minute until Quire learns your speed`;
  return (
    <footer class="reader-footer">
      {expanded && (
        <div class="scrubber">
          <label for="scrubber" class="visually-hidden">
            Position in work
          </label>
          <input
            id="scrubber"
            type="range"
            min={0}
            max={STEPS}
            step={1}
            value={preview ?? Math.round(total * STEPS)}
            aria-valuetext={`${Math.floor(((preview ?? total * STEPS) / STEPS) * 100)}%, ${preview === null ? (section?.title ?? '') : previewTitle}`}
            onInput={(e) => setPreview(Number((e.target as HTMLInputElement).value))}
            onChange={(e) => {
              setPreview(null);
              onScrub(Number((e.target as HTMLInputElement).value) / STEPS);
            }}
          />
          <span class="scrubber-preview" aria-hidden="true">
            {preview === null ? '' : `${Math.floor((preview / STEPS) * 100)}% · ${previewTitle}`}
          </span>
        </div>
      )}
      <p class="reader-status" title={`Time left ${speedNote}`}>
        <span class="status-section">{section?.title}</span>
        <span>{percent}%</span>
        {paginated && <span>{pagesLeft === 0 ? 'last page in section' : `${pagesLeft} ${pagesLeft === 1 ? 'page' : 'pages'} left in section`}</span>}
        <span>
          {formatMinutes(minutesFor(left.section, wpm))} left in section · {formatMinutes(minutesFor(left.work, wpm))} in work
        </span>
      </p>
    </footer>
  );
}

function titleAt(work: WorkInfo, fraction: number): string {
  const { sectionId } = sectionAtFraction(work, fraction);
  return work.sections.find((s) => s.id === sectionId)?.title ?? '';
}
