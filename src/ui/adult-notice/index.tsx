import { useEffect, useRef } from 'preact/hooks';
import type { WorkInfo } from '../../content/types';
import './style.css';

interface Props {
  work: WorkInfo;
  onContinue: () => void;
  onBack: () => void;
}

/** The adult-content notice that stands before the first line of a work. */
export function AdultNotice({ work, onContinue, onBack }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { addedByApp } = work.meta;
  return (
    <main class="adult-notice" aria-labelledby="notice-title">
      <h1 id="notice-title" tabIndex={-1} ref={heading}>
        Adult content
      </h1>
      <p class="notice-work">
        <strong>{addedByApp.displayTitle}</strong> is fan fiction for adults.
      </p>
      <p>
        Why Quire marks it adult: {addedByApp.adultReason.replace(/\.\s*$/, '')}. These content notes are added by
        this app; they are not the author’s:
      </p>
      <ul class="notice-notes">
        {addedByApp.contentNotes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      <p class="muted">Your choice is remembered on this device. You can reset it from the library.</p>
      <div class="notice-actions">
        <button type="button" class="button primary" onClick={onContinue}>
          Continue
        </button>
        <button type="button" class="button" onClick={onBack}>
          Go back
        </button>
      </div>
    </main>
  );
}
