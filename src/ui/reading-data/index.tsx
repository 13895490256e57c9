/** "Export reading data" and "Import reading data", with what happened said in a status line. */
import { useState } from 'preact/hooks';
import { exportFileName, importSizeProblem, parseBackupText } from '../../storage/backup';
import type { ImportResult, ReadingStore } from '../../storage/types';
import './style.css';

let instances = 0;

/** Describes a successful import in words. */
export function describeImport(result: Extract<ImportResult, { ok: true }>): string {
  const m = result.merged;
  const total = m.positions + m.settings + m.acknowledgements + m.speedSamples + m.bookmarks + m.highlights + m.tombstones;
  if (total === 0) return 'Imported: everything in the file was already here (or older), so nothing changed.';
  const parts = [
    m.positions && `${m.positions} ${m.positions === 1 ? 'place' : 'places'}`,
    m.settings && 'settings',
    m.bookmarks && `${m.bookmarks} ${m.bookmarks === 1 ? 'bookmark' : 'bookmarks'}`,
    m.highlights && `${m.highlights} ${m.highlights === 1 ? 'highlight' : 'highlights'}`,
    m.tombstones && `${m.tombstones} ${m.tombstones === 1 ? 'deletion' : 'deletions'}`,
    m.acknowledgements && `${m.acknowledgements} acknowledged ${m.acknowledgements === 1 ? 'notice' : 'notices'}`,
    m.speedSamples && `${m.speedSamples} reading-speed ${m.speedSamples === 1 ? 'sample' : 'samples'}`,
  ].filter(Boolean);
  return `Imported ${parts.join(', ')}.`;
}

interface Props {
  store: ReadingStore;
  /** Writes what is still waiting to be saved, so the export has the latest place and settings. */
  beforeExport?: () => Promise<void>;
  /** Called after an import that changed something, so open screens can show it. */
  onImported?: () => void;
}

/** Export and import of everything Quire keeps on this device. */
export function ReadingData({ store, beforeExport, onImported }: Props) {
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [inputId] = useState(() => `reading-data-import-${++instances}`);

  const exportData = async () => {
    setBusy(true);
    try {
      await beforeExport?.();
      const file = await store.exportData();
      const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = exportFileName(new Date());
      document.body.append(link);
      link.click();
      link.remove();
      // Revoke after the click has been handled, or some browsers cancel the download.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage(`Saved ${link.download}.`);
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
      <p class="reading-data__hint">Your places, settings and bookmarks live only on this device. Export them to keep a copy or move them.</p>
      <div class="reading-data__actions">
        <button type="button" class="reading-data__button" onClick={exportData} disabled={busy}>
          Export reading data
        </button>
        <input id={inputId} class="reading-data__file visually-hidden" type="file" accept="application/json,.json" onChange={importData} disabled={busy} />
        <label for={inputId} class="reading-data__button">
          Import reading data
        </label>
      </div>
      <p class="reading-data__result" role="status">
        {message}
      </p>
    </section>
  );
}
