/**
 * The connection public/boot.js opens while the main script is still on its way (see
 * ./README.md, "The early open"). The first open on the page's own factory takes it, once.
 */

interface EarlyGlobal {
  indexedDB?: IDBFactory;
  quireEarlyDb?: Promise<IDBDatabase | null>;
}

/** What boot.js marks on its connection when it closed it for another tab's upgrade. */
interface BootConnection extends IDBDatabase {
  quireClosed?: boolean;
}

/**
 * The boot's connection, if it opened one on `factory` and nobody has taken it yet. Later
 * opens (a reopen after the browser closed the connection, another factory) get null.
 */
export async function takeEarlyDb(factory: IDBFactory): Promise<IDBDatabase | null> {
  const scope = globalThis as EarlyGlobal;
  const early = scope.quireEarlyDb;
  if (!early || factory !== scope.indexedDB) return null;
  scope.quireEarlyDb = undefined;
  try {
    return await early;
  } catch {
    return null;
  }
}

/**
 * True when the boot's connection can be used as it is: still open, at `version`, with
 * every store. Otherwise it is closed here (so it cannot block the upgrade that follows).
 */
export function keepEarlyDb(db: IDBDatabase, version: number, stores: readonly string[]): boolean {
  const open = !(db as BootConnection).quireClosed;
  if (open && db.version === version && stores.every((name) => db.objectStoreNames.contains(name))) {
    // From here the app's own handlers answer another tab's upgrade.
    db.onversionchange = null;
    return true;
  }
  if (open) db.close();
  return false;
}
