/** Why a passage link was not followed, said over the page until dismissed. */
import { useState } from 'preact/hooks';
import './style.css';

export function PassageNotice({ message }: { message: string | undefined }) {
  const [shown, setShown] = useState(message);
  if (!shown) return null;
  return (
    <div class="reader-notice" role="alert">
      <p>{shown}</p>
      <button type="button" class="button" onClick={() => setShown(undefined)}>
        OK
      </button>
    </div>
  );
}
