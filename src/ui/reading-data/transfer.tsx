/** "Copy my reading" (a transfer code on the clipboard) and the box to paste one, for moving between Safari and the installed app. */
import { useId, useState } from 'preact/hooks';
import { copyText, importTransferCode, makeTransferCode, transferSupported } from '../../transfer';
import type { ReadingStore } from '../../storage/types';
import { describeImport } from './describe';
import './style.css';

const UNSUPPORTED = 'This browser can’t make transfer codes. Use “Export reading data” instead.';

/** Props for CopyReading. */
export interface CopyReadingProps {
  store: Pick<ReadingStore, 'exportData'>;
  /** Writes what is still pending first, so the code has the latest place. */
  beforeExport?: () => Promise<void>;
  /** What to do with the code next, said after copying. */
  hint?: string;
}

/** The "Copy my reading" button; the code also shows, selectable, in case the clipboard said no. */
export function CopyReading({ store, beforeExport, hint = 'Paste it into Quire where you want your reading.' }: CopyReadingProps) {
  const id = useId();
  const [code, setCode] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const copy = () => {
    if (!transferSupported()) {
      setMessage(UNSUPPORTED);
      return;
    }
    setBusy(true);
    // Started inside the tap: Safari only lets the clipboard be written from it.
    const made = makeTransferCode(store, beforeExport);
    void copyText(made)
      .then(async (copied) => {
        const text = await made;
        setCode(text);
        setMessage(copied ? `Copied your reading to the clipboard. ${hint}` : `Quire couldn’t use the clipboard: select the code below and copy it. ${hint}`);
      })
      .catch(() => setMessage('Quire couldn’t read your reading data to copy it. Nothing was changed.'))
      .finally(() => setBusy(false));
  };
  return (
    <div class="reading-data__transfer">
      <button type="button" class="reading-data__button" onClick={copy} disabled={busy}>
        Copy my reading
      </button>
      <p class="reading-data__result" role="status">
        {message}
      </p>
      {code !== null && (
        <>
          <label class="reading-data__label" for={`${id}-code`}>
            Your transfer code
          </label>
          <textarea id={`${id}-code`} class="reading-data__code" readOnly rows={3} value={code} onFocus={(e) => e.currentTarget.select()} />
        </>
      )}
    </div>
  );
}

/** Props for PasteReading. */
export interface PasteReadingProps {
  store: Pick<ReadingStore, 'importData'>;
  /** After a code that changed something was merged. */
  onImported?: () => void;
  /** The box's label. */
  label?: string;
}

/** A box for a transfer code and "Bring in this reading": checked whole, merged like an import. */
export function PasteReading({ store, onImported, label = 'Paste a transfer code' }: PasteReadingProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const bringIn = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await importTransferCode(store, text);
      setMessage(result.ok ? [describeImport(result), result.notice].filter(Boolean).join(' ') : result.message);
      if (result.ok) {
        setText('');
        onImported?.();
      }
    } catch {
      setMessage('Quire couldn’t read that code. Nothing was changed.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="reading-data__transfer" onSubmit={(e) => void bringIn(e)}>
      <label class="reading-data__label" for={`${id}-paste`}>
        {label}
      </label>
      <textarea
        id={`${id}-paste`}
        class="reading-data__code"
        rows={3}
        value={text}
        spellcheck={false}
        autocomplete="off"
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit" class="reading-data__button" disabled={busy || text.trim() === ''}>
        Bring in this reading
      </button>
      <p class="reading-data__result" role="status">
        {message}
      </p>
    </form>
  );
}
