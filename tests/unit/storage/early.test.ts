/** Issue 16: public/boot.js opens IndexedDB while the main script is on its way; the store takes that connection. */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_STORES, DB_VERSION } from '../../../src/storage/db';
import { keepEarlyDb, takeEarlyDb } from '../../../src/storage/early';
import { openStore } from '../../../src/storage/store';
import { channelName, createV2Stores, place, rawOpen, trackingFactory, works } from './helpers';

const bootSource = readFileSync('public/boot.js', 'utf8');
type Scope = { indexedDB?: IDBFactory; quireEarlyDb?: Promise<IDBDatabase | null> };
const scope = globalThis as Scope;
const saved = { indexedDB: scope.indexedDB, quireEarlyDb: scope.quireEarlyDb };

afterEach(() => {
  scope.indexedDB = saved.indexedDB;
  scope.quireEarlyDb = saved.quireEarlyDb;
});

/** Runs boot.js as the page does, with `factory` as the page's IndexedDB; returns its early connection. */
function boot(factory: IDBFactory): Promise<IDBDatabase | null> | undefined {
  const window: Scope & Record<string, unknown> = { indexedDB: factory, localStorage: { getItem: () => null }, matchMedia: () => ({ matches: false }) };
  const document = {
    documentElement: { setAttribute: () => {}, style: { setProperty: () => {} } },
    querySelector: () => ({ setAttribute: () => {} }),
  };
  runInNewContext(bootSource, { window, document });
  scope.indexedDB = factory;
  scope.quireEarlyDb = window.quireEarlyDb;
  return window.quireEarlyDb;
}

/** A factory counting the opens made after `start()`. */
function counting() {
  const { factory, connections } = trackingFactory();
  const opens: (number | undefined)[] = [];
  const open = factory.open.bind(factory);
  factory.open = (name: string, version?: number) => {
    opens.push(version);
    return open(name, version);
  };
  return { factory, opens, connections };
}

describe('the early open (public/boot.js, src/storage/early.ts)', () => {
  it('a return visit: the store reads and writes on the boot’s connection and opens none of its own', async () => {
    const { factory, opens } = counting();
    const first = await openStore({ works, indexedDB: factory, channelName: channelName() });
    await first.putPosition(place({ block: 7 }));
    first.close();

    opens.length = 0;
    const early = boot(factory);
    expect(await early).not.toBeNull();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    expect((await store.getPosition('alpha'))?.block).toBe(7);
    await store.putPosition(place({ block: 8, updatedAt: 2000 }));
    expect((await store.getPosition('alpha'))?.block).toBe(8);
    expect(opens).toEqual([undefined]);
    expect(scope.quireEarlyDb).toBeUndefined();
    store.close();
  });

  it('a first visit: boot.js creates no database, and the store creates it at the current version', async () => {
    const { factory } = counting();
    expect(await boot(factory)).toBeNull();
    expect(await factory.databases()).toEqual([]);
    const store = await openStore({ works, indexedDB: factory, channelName: channelName() });
    await store.putPosition(place({ block: 3 }));
    expect(await factory.databases()).toEqual([{ name: 'quire', version: DB_VERSION }]);
    expect((await store.getPosition('alpha'))?.block).toBe(3);
    store.close();
  });

  it('an empty version-1 database (a first visit whose aborted upgrade was kept): the store upgrades it and keeps places', async () => {
    const { factory } = counting();
    (await rawOpen(factory, 1)).close();
    const store = await openStore({ works, indexedDB: factory, channelName: channelName(), openTimeoutMs: 1_000 });
    const seen: string[] = [];
    store.onStatus((status) => seen.push(status.kind));
    await store.putPosition(place({ block: 4 }));
    expect(await factory.databases()).toEqual([{ name: 'quire', version: DB_VERSION }]);
    // On IndexedDB, not in memory for the visit.
    expect(seen).toEqual(['ok']);
    expect((await store.getPosition('alpha'))?.block).toBe(4);
    store.close();
  });

  it('an old schema: the app closes the boot’s connection before it upgrades, and the places come through', async () => {
    const { factory } = counting();
    const old = await rawOpen(factory, 2, createV2Stores);
    await old.put('positions', { ...place({ block: 5 }) });
    old.close();

    const early = await boot(factory);
    expect(early?.version).toBe(2);
    // Were it left open, the upgrade would wait on it and the store would carry on in memory.
    const store = await openStore({ works, indexedDB: factory, channelName: channelName(), openTimeoutMs: 1_000 });
    expect(await factory.databases()).toEqual([{ name: 'quire', version: DB_VERSION }]);
    expect((await store.getPosition('alpha'))?.block).toBe(5);
    // Closed by the app before its upgrade, not by boot.js's own handler answering that upgrade.
    expect((early as { quireClosed?: boolean } | null)?.quireClosed).toBeUndefined();
    store.close();
  });

  it('another tab upgrades before the app takes the connection: the boot’s connection gives way, and is not used', async () => {
    const { factory } = counting();
    (await openStore({ works, indexedDB: factory, channelName: channelName() })).close();
    const early = await boot(factory);
    expect(early).not.toBeNull();
    // A newer build's upgrade completes only if the boot's connection closes for it.
    const newer = await rawOpen(factory, DB_VERSION + 1, () => {}, () => {});
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    // The app then finds it closed and does not use it.
    const taken = await takeEarlyDb(factory);
    expect(taken).toBe(early);
    expect(taken && keepEarlyDb(taken, DB_VERSION, ALL_STORES)).toBe(false);
  });

  it('is taken once, and only by the page’s own factory', async () => {
    const { factory } = counting();
    (await openStore({ works, indexedDB: factory, channelName: channelName() })).close();
    const early = boot(factory);
    expect(await takeEarlyDb(counting().factory)).toBeNull();
    expect(await takeEarlyDb(factory)).toBe(await early);
    expect(await takeEarlyDb(factory)).toBeNull();
    (await early)?.close();
  });
});
