/** The IndexedDB schema, its versions and migrations, and opening a connection. See ./README.md. */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Locator } from '../reader/locator';
import { keepEarlyDb, takeEarlyDb } from './early';
import type { Bookmark, SpeedSample } from './types';

/** The database name. */
export const DB_NAME = 'quire';
/** The current schema version. Bump it and add an `if (oldVersion < N)` step to change the schema. */
export const DB_VERSION = 3;
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

/** A place as stored: the Locator plus `seq`, its order on this device (see ./order.ts). */
export interface PositionRecord extends Locator {
  seq: number;
}

/** A highlight or note (the `notes` module defines the rest of its fields). */
export interface HighlightRecord {
  id: string;
  workId: string;
  updatedAt: number;
  [field: string]: unknown;
}

/** A deleted record, kept so a merge does not bring it back. `id` is '<kind>:<recordId>'. */
export interface TombstoneRecord {
  id: string;
  kind: string;
  recordId: string;
  workId?: string;
  deletedAt: number;
}

/** A reading statistic (the `shelf` module defines the rest of its fields). */
export interface StatRecord {
  key: string;
  day: string;
  [field: string]: unknown;
}

/** A small fact about this device's data, e.g. `lastExportAt`. */
export interface MetaRecord {
  key: string;
  value: unknown;
  updatedAt: number;
}

/** The schema at DB_VERSION. Stored values are still validated on read: disks and old code lie. */
export interface QuireSchema extends DBSchema {
  positions: { key: string; value: PositionRecord };
  settings: { key: string; value: SettingsRecord };
  acknowledgements: { key: string; value: AcknowledgementRecord };
  speedSamples: { key: number; value: SpeedSampleRecord; indexes: { workId: string } };
  bookmarks: { key: string; value: Bookmark; indexes: { workId: string } };
  highlights: { key: string; value: HighlightRecord; indexes: { workId: string } };
  tombstones: { key: string; value: TombstoneRecord };
  stats: { key: string; value: StatRecord; indexes: { day: string } };
  meta: { key: string; value: MetaRecord };
}

/** The stores added in v3, for modules of other owners (generic record operations). */
export type RecordStore = 'highlights' | 'tombstones' | 'stats' | 'meta';
/** Each record store's key field. */
export const RECORD_KEYS: Record<RecordStore, string> = { highlights: 'id', tombstones: 'id', stats: 'key', meta: 'key' };

/** Every store, for transactions that touch them all (import). */
export const ALL_STORES: StoreNames<QuireSchema>[] = [
  'positions',
  'settings',
  'acknowledgements',
  'speedSamples',
  'bookmarks',
  'highlights',
  'tombstones',
  'stats',
  'meta',
];

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
 * Opens the database on the given factory, upgrading it through every step it has not seen,
 * or takes the connection boot.js opened when it is already at DB_VERSION (./early.ts).
 * (idb's openDB only uses the global factory, so this is its few lines over `wrap`.)
 */
export async function openQuireDb(factory: IDBFactory, events: ConnectionEvents): Promise<QuireDB> {
  const early = await takeEarlyDb(factory);
  if (early && keepEarlyDb(early, DB_VERSION, ALL_STORES)) {
    const db = wrap(early) as unknown as QuireDB;
    watch(db, events);
    return db;
  }
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
  opened.then((db) => watch(db, events)).catch(() => {});
  return opened;
}

function watch(db: QuireDB, events: ConnectionEvents): void {
  db.addEventListener('close', () => events.terminated());
  db.addEventListener('versionchange', () => events.blocking());
}

type UpgradeTx = IDBPTransaction<QuireSchema, StoreNames<QuireSchema>[], 'versionchange'>;

function upgrade(db: QuireDB, oldVersion: number, tx: UpgradeTx): void {
  // Version 1: a place per work ({ workId, sectionId, block, offset, progression,
  // totalProgression, savedAt }, no quote) and the settings object stored bare under 'current'.
  // (Also for a version-1 database without them: one created empty, as boot.js's open would
  // leave it were its aborted upgrade ever kept.)
  if (oldVersion < 1 || !db.objectStoreNames.contains('positions')) {
    db.createObjectStore('positions', { keyPath: 'workId' });
    if (!db.objectStoreNames.contains('settings')) db.createObjectStore('settings');
  }
  // Version 2: every record carries updatedAt; notices, speed samples and bookmarks.
  if (oldVersion < 2) {
    db.createObjectStore('acknowledgements', { keyPath: 'workId' });
    const samples = db.createObjectStore('speedSamples', { keyPath: 'id', autoIncrement: true });
    samples.createIndex('workId', 'workId');
    const bookmarks = db.createObjectStore('bookmarks', { keyPath: 'id' });
    bookmarks.createIndex('workId', 'workId');
  }
  // Version 3: places carry `seq`, their order on this device (a wrong clock can't reorder
  // them); highlights, tombstones, stats and meta.
  if (oldVersion < 3) {
    db.createObjectStore('highlights', { keyPath: 'id' }).createIndex('workId', 'workId');
    db.createObjectStore('tombstones', { keyPath: 'id' });
    db.createObjectStore('stats', { keyPath: 'key' }).createIndex('day', 'day');
    db.createObjectStore('meta', { keyPath: 'key' });
  }
  // Record conversions, one after another in the upgrade transaction (a failure aborts it).
  if (oldVersion >= 1) void convertRecords(tx, oldVersion);
}

// A failure aborts the upgrade: the old data stays untouched and this visit runs in memory.
async function convertRecords(tx: UpgradeTx, oldVersion: number): Promise<void> {
  try {
    if (oldVersion < 2) await convertV1Records(tx);
    if (oldVersion < 3) await addPlaceOrder(tx);
  } catch {
    try {
      tx.abort();
    } catch {
      // already aborted
    }
  }
}

// Existing places are ordered by their time: seq = updatedAt (0 when it has none).
async function addPlaceOrder(tx: UpgradeTx): Promise<void> {
  let cursor = await tx.objectStore('positions').openCursor();
  while (cursor) {
    const raw: unknown = cursor.value;
    if (isObject(raw) && typeof raw.seq !== 'number') {
      const time = typeof raw.updatedAt === 'number' && Number.isFinite(raw.updatedAt) ? raw.updatedAt : 0;
      await cursor.update({ ...raw, seq: time } as unknown as PositionRecord);
    }
    cursor = await cursor.continue();
  }
}

// v1 → v2 record shapes, inside the versionchange transaction.
async function convertV1Records(tx: UpgradeTx): Promise<void> {
  let cursor = await tx.objectStore('positions').openCursor();
  while (cursor) {
    const raw: unknown = cursor.value;
    if (isObject(raw)) {
      const { savedAt, ...rest } = raw;
      const updatedAt = typeof rest.updatedAt === 'number' ? rest.updatedAt : typeof savedAt === 'number' ? savedAt : 0;
      const quote = isObject(rest.quote) ? rest.quote : { before: '', text: '', after: '' };
      await cursor.update({ ...rest, quote, updatedAt } as unknown as PositionRecord);
    }
    cursor = await cursor.continue();
  }
  const settings = tx.objectStore('settings');
  const bare: unknown = await settings.get(SETTINGS_KEY);
  // When v1 saved it is unknown: 0 lets any newer write or import win.
  if (bare !== undefined) await settings.put({ value: bare, updatedAt: 0 }, SETTINGS_KEY);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
