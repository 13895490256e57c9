/** Fixtures for the storage tests: a small catalogue, places, raw database access, a seeded random. */
import { IDBFactory } from 'fake-indexeddb';
import { wrap, type IDBPDatabase } from 'idb';
import type { Locator } from '../../../src/reader/locator';
import { DB_VERSION } from '../../../src/storage/db';
import type { StorageProblem, WorkOutline } from '../../../src/storage/types';
import { random } from '../../fixtures/generate-work';

export const works: WorkOutline[] = [
  { id: 'alpha', sections: [{ id: 'a1', blockCount: 10 }, { id: 'a2', blockCount: 4 }] },
  { id: 'beta', sections: [{ id: 'b1', blockCount: 3 }] },
  { id: 'gamma', sections: [{ id: 'g1', blockCount: 7 }, { id: 'g2', blockCount: 7 }, { id: 'g3', blockCount: 1 }] },
];

/** A valid place; override any field. */
export function place(over: Partial<Locator> = {}): Locator {
  return {
    workId: 'alpha',
    sectionId: 'a1',
    block: 2,
    offset: 5,
    quote: { before: 'it was ', text: 'a dark', after: ' night' },
    progression: 0.2,
    totalProgression: 0.1,
    updatedAt: 1000,
    ...over,
  };
}

/** A fresh, isolated IndexedDB. */
export const freshIdb = () => new IDBFactory();

/** Opens the database directly (no Quire code), e.g. to plant an old schema or a damaged record. */
export function rawOpen(
  factory: IDBFactory,
  version: number,
  upgrade?: (db: IDBDatabase, oldVersion: number) => void,
  onVersionChange?: () => void,
): Promise<IDBPDatabase> {
  const request = factory.open('quire', version);
  if (upgrade) request.onupgradeneeded = (e) => upgrade(request.result, e.oldVersion);
  return (wrap(request) as unknown as Promise<IDBPDatabase>).then((db) => {
    db.addEventListener('versionchange', () => (onVersionChange ? onVersionChange() : db.close()));
    return db;
  });
}

/** The v2 schema's stores, as the second release created them (for an old database planted in a test). */
export function createV2Stores(db: IDBDatabase): void {
  db.createObjectStore('positions', { keyPath: 'workId' });
  db.createObjectStore('settings');
  db.createObjectStore('acknowledgements', { keyPath: 'workId' });
  db.createObjectStore('speedSamples', { keyPath: 'id', autoIncrement: true }).createIndex('workId', 'workId');
  db.createObjectStore('bookmarks', { keyPath: 'id' }).createIndex('workId', 'workId');
}

/** Writes raw records into a store at the current version (created by openStore first). */
export async function plant(factory: IDBFactory, storeName: string, records: { value: unknown; key?: IDBValidKey }[]) {
  const db = await rawOpen(factory, DB_VERSION);
  const tx = db.transaction(storeName, 'readwrite');
  for (const r of records) await tx.objectStore(storeName).put(r.value, r.key);
  await tx.done;
  db.close();
}

/** Collects what the store reports. */
export function problems() {
  const list: StorageProblem[] = [];
  return { list, onProblem: (p: StorageProblem) => list.push(p) };
}

/** A factory that remembers every connection it opened (to force-close one). */
export function trackingFactory(): { factory: IDBFactory; connections: IDBDatabase[] } {
  const factory = new IDBFactory();
  const connections: IDBDatabase[] = [];
  const open = factory.open.bind(factory);
  factory.open = (name: string, version?: number) => {
    const request = open(name, version);
    request.addEventListener('success', () => connections.push(request.result));
    return request;
  };
  return { factory, connections };
}

/** mulberry32 (the fixtures' seeded generator), so a failing run can be replayed. */
export const seeded = random;

/** A unique channel name per test, so stores in different tests don't hear each other. */
let channels = 0;
export const channelName = () => `quire-test-${process.pid}-${++channels}`;

/** Resolves once `predicate` holds, checking after each macrotask (BroadcastChannel delivers asynchronously). */
export async function until(predicate: () => boolean, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (predicate()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('condition never held');
}
