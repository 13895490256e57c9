/** "Export reading data": the file download, and the `lastExportAt` fact it leaves. */
import { exportFileName } from '../../storage/backup';
import type { ReadingStore } from '../../storage/types';

/**
 * Writes what is pending (`beforeExport`), downloads the reading-data file, and remembers
 * when. Resolves the file's name and time; rejects when the data can't be read.
 */
export async function downloadExport(
  store: Pick<ReadingStore, 'exportData' | 'noteExport'>,
  beforeExport?: () => Promise<void>,
): Promise<{ fileName: string; exportedAt: number }> {
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
  // A failed note is no reason to call the export failed: at worst the reminder comes early.
  await store.noteExport(file.exportedAt).catch(() => undefined);
  return { fileName: link.download, exportedAt: file.exportedAt };
}
