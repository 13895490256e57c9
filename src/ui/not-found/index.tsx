import { routeHash } from '../../state/router';
import { clipId } from './clip';

/** What an unknown work id in the URL shows: what happened and the way back. */
export function NotFound({ workId }: { workId: string }) {
  return (
    <main class="not-found">
      <h1>No such work</h1>
      <p>
        There is no work called “<span style={{ overflowWrap: 'anywhere' }}>{clipId(workId)}</span>” in this library. The link may be old or mistyped; nothing you saved was
        changed.
      </p>
      <p>
        <a class="button primary" href={routeHash({ name: 'library' })}>
          Back to the library
        </a>
      </p>
    </main>
  );
}
