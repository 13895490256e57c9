import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { readerVars } from '../../settings/css';
import { useAppState } from '../../state/app-state';
import { LibraryNotes } from '../reading-data/lazy';
import { Shelf } from '../shelf';
import { ReadingStats } from '../shelf-stats/lazy';
import './style.css';

interface Props {
  /** Reading speed for the time estimates. */
  wpm: number;
  /** Extra controls for the library's toolbar (settings, search, install). */
  tools?: ComponentChildren;
}

/** The library: the shelf, the reader's statistics, and a way to see the content notices again. */
export function Library({ wpm, tools }: Props) {
  const { catalogue, positions, acknowledged, actions, stats } = useAppState();
  const [resetDone, setResetDone] = useState(false);
  const anyAcknowledged = acknowledged.value.size > 0;
  return (
    <div class="library">
      <header class="library-header">
        <Brand />
        <div class="toolbar">{tools}</div>
      </header>
      <main class="library-main" aria-label="Library">
        <Shelf works={catalogue} positions={positions.value} wpm={wpm} />
        {/* After the shelf: a note must not push the works off the first screen. */}
        <LibraryNotes />
        <ReadingStats stats={stats} />
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

/**
 * The title, in the reading font: the reading variables set on it, as the reader sets them on its
 * text, once the stored settings are in (until then it shows boot.js's, from <html>). Its own
 * component, so a settings change renders the title again, not the library.
 */
function Brand() {
  const { settings } = useAppState();
  return (
    <h1 class="brand" style={settings.loaded.value ? readerVars(settings.settings.value) : undefined}>
      Quire
    </h1>
  );
}
