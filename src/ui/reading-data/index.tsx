/** Settings → Reading data: export and import as a file, copy and paste as a transfer code, and when it was last exported. */
import { useEffect, useState } from 'preact/hooks';
import { importSizeProblem, parseBackupText } from '../../storage/backup';
import type { ReadingStore } from '../../storage/types';
import { describeImport } from './describe';
import { downloadExport } from './download';
import { CopyReading, PasteReading } from './transfer';
import './style.css';

export { describeImport } from './describe';

let instances = 0;

interface Props {
  store: ReadingStore;
  /** Writes what is still waiting to be saved, so the export has the latest place and settings. */
  beforeExport?: () => Promise<void>;
  /** Called after an import that changed something, so open screens can show it. */
  onImported?: () => void;
}

/** "Last exported on 1 December 2026", or that it never was. */
export function describeLastExport(at: number | null, locale?: string): string {
  if (at === null) return 'Not exported from this browser yet.';
  return `Last exported on ${new Date(at).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' })}.`;
}

/** Export and import of everything Quire keeps on this device. */
export function ReadingData({ store, beforeExport, onImported }: Props) {
  const [message, setMessage] = useState('');
  const [exportedAt, setExportedAt] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void store.getLastExportAt().then((at) => live && setExportedAt(at));
    return () => {
      live = false;
    };
  }, [store]);
  const [busy, setBusy] = useState(false);
  const [inputId] = useState(() => `reading-data-import-${++instances}`);

  const exportData = async () => {
    setBusy(true);
    try {
      const done = await downloadExport(store, beforeExport);
      setMessage(`Saved ${done.fileName}.`);
      setExportedAt(done.exportedAt);
    } catch {
      setMessage("Quire couldn't read your reading data to export it. Nothing was changed.");
    } finally {
      setBusy(false);
    }
  };

  const importData = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const chosen = input.files?.[0];
    input.value = ''; // so choosing the same file again still fires
    if (!chosen) return;
    const tooBig = importSizeProblem(chosen.size);
    if (tooBig) return setMessage(tooBig);
    setBusy(true);
    try {
      const parsed = parseBackupText(await chosen.text());
      const onProgress = (f: number) => setMessage(`Importing… ${Math.round(f * 100)}%`);
      const result = parsed.ok ? await store.importData(parsed.value, { onProgress }) : parsed;
      setMessage(result.ok ? [describeImport(result), result.notice].filter(Boolean).join(' ') : result.message);
      if (result.ok) onImported?.();
    } catch {
      setMessage("Quire couldn't read that file. Nothing was changed.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="reading-data" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} class="reading-data__heading">Reading data</h2>
      <p class="reading-data__hint">Your places, settings and bookmarks live only in this browser on this device. Export them to keep a copy or move them.</p>
      <div class="reading-data__actions">
        <button type="button" class="reading-data__button" onClick={exportData} disabled={busy}>
          Export reading data
        </button>
        <input id={inputId} class="reading-data__file visually-hidden" type="file" accept="application/json,.json" onChange={importData} disabled={busy} />
        <label for={inputId} class="reading-data__button">
          Import reading data
        </label>
      </div>
      <p class="reading-data__result reading-data__import-result" role="status">
        {message}
      </p>
      <p class="reading-data__last-export">{exportedAt === undefined ? '' : describeLastExport(exportedAt)}</p>
      <h3 class="reading-data__subheading">Move to another browser on this device</h3>
      <p class="reading-data__hint">
        Safari and an app on your Home Screen keep separate data. Copy your reading here as a code, then paste it there.
      </p>
      <CopyReading store={store} beforeExport={beforeExport} />
      <PasteReading store={store} onImported={onImported} />
    </section>
  );
}
