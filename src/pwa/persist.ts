/** Persistent storage: ask the browser not to evict Quire's data, and report the space used. */

/** What Settings shows. Numbers are bytes; null when the browser does not say. */
export interface PersistenceStatus {
  /** The browser has the StorageManager API at all. */
  supported: boolean;
  /** The data is kept until the user clears it (not evicted under storage pressure). */
  persisted: boolean;
  usage: number | null;
  quota: number | null;
}

type Storage = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

function defaultStorage(): Storage | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

async function describe(storage: Storage, persisted: boolean): Promise<PersistenceStatus> {
  const estimate = await storage.estimate().catch(() => ({}) as StorageEstimate);
  return { supported: true, persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}

/**
 * Asks for persistent storage (navigator.storage.persist()) and reports the result and
 * the space used. Call it at a moment the reader would expect: after installing
 * (`appinstalled`) or when a work is first opened, not on page load (Firefox asks the
 * user; Chromium decides from engagement, and says yes to installed apps).
 */
export async function requestPersistence(storage: Storage | undefined = defaultStorage()): Promise<PersistenceStatus> {
  if (!storage?.persist) return { supported: false, persisted: false, usage: null, quota: null };
  const persisted = (await storage.persisted().catch(() => false)) || (await storage.persist().catch(() => false));
  return describe(storage, persisted);
}

/** The same report without asking (for showing Settings). */
export async function persistenceStatus(storage: Storage | undefined = defaultStorage()): Promise<PersistenceStatus> {
  if (!storage?.persisted) return { supported: false, persisted: false, usage: null, quota: null };
  return describe(storage, await storage.persisted().catch(() => false));
}

/** "1.2 MB" style sizes for Settings (decimal units, as browsers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
