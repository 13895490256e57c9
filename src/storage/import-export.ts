/** Export and import of the reading data, over the store's records (the file format is ./backup.ts). */
import { checkDump, checkExportFile, toExportFile } from './backup';
import type { StoreCore } from './core';
import { errorName } from './idb-backend';
import { reviewTimes } from './import-review';
import { suspectMessage } from './status';
import { createMemoryBackend } from './memory';
import { checkImportedStats, type createStats } from './stats';
import type { ImportResult, ReadingStore } from './types';
import { isRecord } from './validate';

/** The backup part of the store; `announce` tells open screens and other tabs of imported places; `stats` carries the statistics. */
export function createImportExport(
  core: StoreCore,
  announce: (workIds: readonly string[]) => Promise<void>,
  stats: ReturnType<typeof createStats>,
): Pick<ReadingStore, 'exportData' | 'importData'> {
  return {
    async exportData() {
      // Stored records and waiting writes together, newest per record, as one file.
      const merged = createMemoryBackend();
      await merged.merge(checkDump(await core.run((b) => b.dump()), core.report), core.now());
      await merged.merge(core.pending.toMergeData(), core.now());
      return { ...toExportFile(checkDump(await merged.dump(), core.report), core.now()), stats: await stats.listStats() };
    },

    async importData(file, options = {}): Promise<ImportResult> {
      const result = checkExportFile(file);
      if (!result.ok) return result;
      const days = checkImportedStats(isRecord(file) ? file.stats : undefined);
      if (!days.ok) return { ok: false, message: `This reading-data file is damaged: ${days.reason}. Nothing was changed.` };
      const progress = options.onProgress;
      progress?.(0);
      const now = core.now();
      const { data, suspect } = reviewTimes(result.data, now);
      try {
        const counts = await core.run((b) => b.merge(data, now, progress && ((done, total) => progress(total > 0 ? done / total : 1))));
        const statsMerged = await stats.mergeStats(days.value);
        const merged = days.value.length > 0 ? { ...counts, stats: statsMerged } : counts;
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
