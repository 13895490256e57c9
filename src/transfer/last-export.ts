/** When reading data last left this device as a file: shown in Settings, and behind the library's reminder. */

/** The `lastExportAt` fact (ms since epoch), null when never. */
export interface LastExport {
  get(): Promise<number | null>;
  set(at: number): Promise<void>;
}

const KEY = 'quire:last-export-at';

/** Kept in localStorage (never throws; blocked storage reads as "never"). */
export function localLastExport(storage: () => globalThis.Storage | undefined = () => globalThis.localStorage): LastExport {
  return {
    async get() {
      try {
        const value = Number(storage()?.getItem(KEY) ?? Number.NaN);
        return Number.isFinite(value) && value > 0 ? value : null;
      } catch {
        return null;
      }
    },
    async set(at) {
      try {
        storage()?.setItem(KEY, String(at));
      } catch {
        // Quota or blocked storage: the reminder may show once too often, nothing else.
      }
    },
  };
}
