import type { WorkInfo } from '../../content/types';
import { formatMinutes, minutesFor } from '../../reader/reading-speed';
import { Panel } from '../panel';
import './style.css';

interface Props {
  work: WorkInfo;
  currentSectionId: string | undefined;
  wpm: number;
  onChoose: (sectionId: string) => void;
  onClose: () => void;
}

const number = new Intl.NumberFormat('en');

/** The sections of a work with their length; the current one marked; choosing one jumps there. */
export function ContentsPanel({ work, currentSectionId, wpm, onChoose, onClose }: Props) {
  return (
    <Panel title="Contents" onClose={onClose}>
      <ol class="contents-list">
        {work.sections.map((s) => {
          const current = s.id === currentSectionId;
          return (
            <li key={s.id}>
              <button
                type="button"
                class={current ? 'contents-item current' : 'contents-item'}
                aria-current={current ? 'location' : undefined}
                onClick={() => onChoose(s.id)}
              >
                <span class={s.titleSource === 'app' ? 'contents-title app' : 'contents-title'}>
                  {s.title}
                  {s.titleSource === 'app' && <span class="visually-hidden"> (section name added by this app)</span>}
                </span>
                <span class="contents-meta">
                  {number.format(s.words)} words · {formatMinutes(minutesFor(s.words, wpm))}
                  {current ? ' · you are here' : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {work.sections.some((s) => s.titleSource === 'app') && (
        <p class="muted contents-note">Section names in italics are added by this app; the text does not give them.</p>
      )}
    </Panel>
  );
}
