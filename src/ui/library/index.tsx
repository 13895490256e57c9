import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useAppState } from '../../state/app-state';
import { WorkCard } from '../work-card';
import { LibraryNotes } from '../reading-data/library-notes';
import './style.css';

interface Props {
  /** Reading speed for the time estimates. */
  wpm: number;
  /** Extra controls for the library's toolbar (settings, search, install). */
  tools?: ComponentChildren;
}

/** The library: a card per work, and a way to see the content notices again. */
export function Library({ wpm, tools }: Props) {
  const { catalogue, positions, acknowledged, actions } = useAppState();
  const [resetDone, setResetDone] = useState(false);
  const anyAcknowledged = acknowledged.value.size > 0;
  return (
    <div class="library">
      <header class="library-header">
        <h1 class="brand">Quire</h1>
        <div class="toolbar">{tools}</div>
      </header>
      <main class="library-main" aria-labelledby="library-title">
        <h2 id="library-title" class="visually-hidden">
          Library
        </h2>
        <LibraryNotes />
        <ul class="work-list">
          {catalogue.map((work) => (
            <li key={work.id}>
              <WorkCard work={work} position={positions.value[work.id]} wpm={wpm} />
            </li>
          ))}
        </ul>
        <section class="library-notices" aria-labelledby="notices-title">
          <h2 id="notices-title">Content notices</h2>
          <p>
            Every work here is for adults and opens with a notice. Once you continue past it, Quire remembers that on this
            device.
          </p>
          <button
            type="button"
            class="button"
            disabled={!anyAcknowledged}
            onClick={async () => {
              await actions.resetAcknowledgements();
              setResetDone(true);
            }}
          >
            Show content notices again
          </button>
          <p role="status" class="muted">
            {resetDone && !anyAcknowledged ? 'Done: each work will show its notice again.' : ''}
          </p>
        </section>
      </main>
    </div>
  );
}
