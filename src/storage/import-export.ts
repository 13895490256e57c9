/** Export and import of the reading data, over the store's records (the file format is ./backup.ts). */
import { checkDump, checkExportFile, toExportFile } from './backup';
import type { StoreCore } from './core';
import { errorName } from './idb-backend';
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

    async importData(file): Promise<ImportResult> {
      const result = checkExportFile(file);
      if (!result.ok) return result;
      const days = checkImportedStats(isRecord(file) ? file.stats : undefined);
      if (!days.ok) return { ok: false, message: `This reading-data file is damaged: ${days.reason}. Nothing was changed.` };
      try {
        const merged = await core.run((b) => b.merge(result.data, core.now()));
        const statsMerged = await stats.mergeStats(days.value);
        await announce(result.data.positions.map((p) => p.workId));
        return { ok: true, merged: days.value.length > 0 ? { ...merged, stats: statsMerged } : merged };
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
