/** The IndexedDB schema, its versions and migrations, and opening a connection. See ./README.md. */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Locator } from '../reader/locator';
import type { Bookmark, SpeedSample } from './types';

/** The database name. */
export const DB_NAME = 'quire';
/** The current schema version. Bump it and add an `if (oldVersion < N)` step to change the schema. */
export const DB_VERSION = 2;
/** The key of the one settings record. */
export const SETTINGS_KEY = 'current';

/** The settings record as stored. `value` is checked by the app's own validate function on read. */
export interface SettingsRecord {
  value: unknown;
  updatedAt: number;
}

/** A notice the reader has acknowledged for a work. */
export interface AcknowledgementRecord {
  workId: string;
  updatedAt: number;
}

/** A speed sample as stored (the key is generated). */
export interface SpeedSampleRecord extends SpeedSample {
  id?: number;
}

/** The schema at DB_VERSION. Stored values are still validated on read: disks and old code lie. */
export interface QuireSchema extends DBSchema {
  positions: { key: string; value: Locator };
  settings: { key: string; value: SettingsRecord };
  acknowledgements: { key: string; value: AcknowledgementRecord };
  speedSamples: { key: number; value: SpeedSampleRecord; indexes: { workId: string } };
  bookmarks: { key: string; value: Bookmark; indexes: { workId: string } };
}

/** Every store, for transactions that touch them all (import). */
export const ALL_STORES: StoreNames<QuireSchema>[] = ['positions', 'settings', 'acknowledgements', 'speedSamples', 'bookmarks'];

/** A connection to the Quire database. */
export type QuireDB = IDBPDatabase<QuireSchema>;

/** What the app hears about the connection's life. */
export interface ConnectionEvents {
  /** Another connection at an older version is open and has not closed: our open waits. */
  blocked(): void;
  /** Our connection holds up another tab's upgrade. */
  blocking(): void;
  /** The browser closed our connection (storage cleared, disk error): reopen on next use. */
  terminated(): void;
}

/**
 * Opens the database on the given factory, upgrading it through every step it has not seen.
 * (idb's openDB only uses the global factory, so this is its few lines over `wrap`.)
 */
export function openQuireDb(factory: IDBFactory, events: ConnectionEvents): Promise<QuireDB> {
  const request = factory.open(DB_NAME, DB_VERSION);
  const opened = wrap(request) as unknown as Promise<QuireDB>;
  request.addEventListener('upgradeneeded', (event) => {
    const tx = request.transaction;
    if (!tx) return;
    const upgradeTx = wrap(tx) as unknown as UpgradeTx;
    // A failed upgrade rejects the open, which the caller handles; this promise says the same thing.
    upgradeTx.done.catch(() => {});
    upgrade(wrap(request.result) as unknown as QuireDB, event.oldVersion, upgradeTx);
  });
  request.addEventListener('blocked', () => events.blocked());
  opened
    .then((db) => {
      db.addEventListener('close', () => events.terminated());
      db.addEventListener('versionchange', () => events.blocking());
    })
    .catch(() => {});
  return opened;
}

type UpgradeTx = IDBPTransaction<QuireSchema, StoreNames<QuireSchema>[], 'versionchange'>;

function upgrade(db: QuireDB, oldVersion: number, tx: UpgradeTx): void {
  // Version 1: a place per work ({ workId, sectionId, block, offset, progression,
  // totalProgression, savedAt }, no quote) and the settings object stored bare under 'current'.
  if (oldVersion < 1) {
    db.createObjectStore('positions', { keyPath: 'workId' });
    db.createObjectStore('settings');
  }
  // Version 2: every record carries updatedAt; notices, speed samples and bookmarks.
  if (oldVersion < 2) {
    db.createObjectStore('acknowledgements', { keyPath: 'workId' });
    const samples = db.createObjectStore('speedSamples', { keyPath: 'id', autoIncrement: true });
    samples.createIndex('workId', 'workId');
    const bookmarks = db.createObjectStore('bookmarks', { keyPath: 'id' });
    bookmarks.createIndex('workId', 'workId');
    if (oldVersion >= 1) void convertV1Records(tx);
  }
}

// Runs inside the versionchange transaction; a failure aborts it, so the v1 data stays as it was.
async function convertV1Records(tx: UpgradeTx): Promise<void> {
  try {
    let cursor = await tx.objectStore('positions').openCursor();
    while (cursor) {
      const raw: unknown = cursor.value;
      if (isObject(raw)) {
        const { savedAt, ...rest } = raw;
        const updatedAt = typeof rest.updatedAt === 'number' ? rest.updatedAt : typeof savedAt === 'number' ? savedAt : 0;
        const quote = isObject(rest.quote) ? rest.quote : { before: '', text: '', after: '' };
        await cursor.update({ ...rest, quote, updatedAt } as unknown as Locator);
      }
      cursor = await cursor.continue();
    }
    const settings = tx.objectStore('settings');
    const bare: unknown = await settings.get(SETTINGS_KEY);
    // When v1 saved it is unknown: 0 lets any newer write or import win.
    if (bare !== undefined) await settings.put({ value: bare, updatedAt: 0 }, SETTINGS_KEY);
  } catch {
    tx.abort();
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
