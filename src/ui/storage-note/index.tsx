/** The storage note: says, politely, when the reader's place can't be kept as usual. */
import type { StorageStatus } from '../../storage/types';
import './style.css';

/** Shows `status.message` in a polite live region; empty (but present, so changes are announced) when ok. */
export function StorageNote({ status }: { status: StorageStatus }) {
  return (
    <div class="storage-note" role="status">
      {status.kind === 'ok' ? null : <p class="storage-note-message">{status.message}</p>}
    </div>
  );
}
