/** Export and import of the reading data, over the store's records (the file format is ./backup.ts). */
import { checkDump, checkExportFile, toExportFile } from './backup';
import type { StoreCore } from './core';
import { errorName } from './idb-backend';
import { reviewTimes } from './import-review';
import { suspectMessage } from './status';
import { createMemoryBackend } from './memory';
import type { ImportResult, ReadingStore } from './types';

/** The backup part of the store; `announce` tells open screens and other tabs of imported places. */
export function createImportExport(core: StoreCore, announce: (workIds: readonly string[]) => Promise<void>): Pick<ReadingStore, 'exportData' | 'importData'> {
  return {
    async exportData() {
      // Stored records and waiting writes together, newest per record, as one file.
      const merged = createMemoryBackend();
      await merged.merge(checkDump(await core.run((b) => b.dump()), core.report), core.now());
      await merged.merge(core.pending.toMergeData(), core.now());
      return toExportFile(checkDump(await merged.dump(), core.report), core.now());
    },

    async importData(file, options = {}): Promise<ImportResult> {
      const result = checkExportFile(file);
      if (!result.ok) return result;
      const progress = options.onProgress;
      progress?.(0);
      const now = core.now();
      const { data, suspect } = reviewTimes(result.data, now);
      try {
        const merged = await core.run((b) => b.merge(data, now, progress && ((done, total) => progress(total > 0 ? done / total : 1))));
        await announce(data.positions.map((p) => p.workId));
        if (suspect.length === 0) return { ok: true, merged };
        core.suspect('import', suspect);
        return { ok: true, merged, notice: suspectMessage(suspect) };
      } catch (error) {
        const reason =
          errorName(error) === 'QuotaExceededError'
            ? "There isn't enough space on this device to import this file."
            : `Quire couldn't write the imported data (${errorName(error)}).`;
        return { ok: false, message: `${reason} Nothing was changed.` };
      }
    },
  };
}
