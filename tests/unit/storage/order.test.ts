import { describe, expect, it } from 'vitest';
import type { Locator } from '../../../src/reader/locator';
import { isSuspect, placeWins, SUSPECT_AHEAD_MS } from '../../../src/storage/order';
import { openStore } from '../../../src/storage/store';
import type { ReadingStore, StorageStatus } from '../../../src/storage/types';
import { channelName, freshIdb, place, plant, works } from './helpers';

const DAY = 24 * 60 * 60 * 1000;
const T = Date.UTC(2026, 0, 10, 8, 0, 0);
const Y2100 = Date.UTC(2100, 0, 1);

/** A store whose clock reads `clock.now`. */
function storeOn(factory: IDBFactory, clock: { now: number }, name = channelName()): Promise<ReadingStore> {
  return openStore({ works, indexedDB: factory, channelName: name, now: () => clock.now, onProblem: () => {} });
}

/** What the app does on a move: order it now, then write it. */
const move = (store: ReadingStore, locator: Locator) => store.putPosition(store.stampPosition(locator));

function lastStatus(store: ReadingStore): StorageStatus {
  let last: StorageStatus = { kind: 'ok' };
  store.onStatus((s) => (last = s))();
  return last;
}

describe('the order rule', () => {
  it('a later order wins; a stored order more than a day ahead never blocks', () => {
    expect(placeWins(undefined, 1, T)).toBe(true);
    expect(placeWins({ seq: 5 }, 6, T)).toBe(true);
    expect(placeWins({ seq: 5 }, 5, T)).toBe(false);
    expect(placeWins({ updatedAt: 5 }, 4, T)).toBe(false); // no seq: ordered by its time
    expect(placeWins({ seq: T + SUSPECT_AHEAD_MS + 1 }, T, T)).toBe(true);
    expect(placeWins({ seq: T + SUSPECT_AHEAD_MS }, T, T)).toBe(false); // a day ahead exactly is not suspect yet
    expect(isSuspect(Y2100, T)).toBe(true);
  });
});

describe('a wrong clock cannot hold the place back', () => {
  it('clock a day ahead, read; clock corrected, read on, reload: the later place is shown', async () => {
    const factory = freshIdb();
    const clock = { now: T + DAY };
    const tab = await storeOn(factory, clock);
    expect(await move(tab, place({ block: 2, updatedAt: clock.now }))).toBe(true);
    expect(await move(tab, place({ block: 3, updatedAt: clock.now + 1000 }))).toBe(true);
    tab.close();

    clock.now = T; // corrected
    const reopened = await storeOn(factory, clock);
    expect((await reopened.getPosition('alpha'))?.block).toBe(3);
    clock.now += 60_000;
    expect(await move(reopened, place({ block: 4, updatedAt: clock.now }))).toBe(true);
    clock.now += 60_000;
    expect(await move(reopened, place({ block: 5, updatedAt: clock.now }))).toBe(true);
    reopened.close();

    const reloaded = await storeOn(factory, clock);
    expect((await reloaded.getPosition('alpha'))?.block).toBe(5);
    reloaded.close();
  });

  it('the same without a reload between: the open tab keeps saving after the clock is put back', async () => {
    const factory = freshIdb();
    const clock = { now: T + DAY };
    const tab = await storeOn(factory, clock);
    await tab.getPosition('alpha');
    expect(await move(tab, place({ block: 2, updatedAt: clock.now }))).toBe(true);
    clock.now = T + 1000;
    expect(await move(tab, place({ block: 6, updatedAt: clock.now }))).toBe(true);
    tab.close();
    const reloaded = await storeOn(factory, clock);
    expect((await reloaded.getPosition('alpha'))?.block).toBe(6);
    reloaded.close();
  });

  it('a stored place dated far ahead (clock two days ahead, or an old import) is named in a notice and does not block', async () => {
    const factory = freshIdb();
    (await storeOn(factory, { now: T })).close();
    await plant(factory, 'positions', [{ value: { ...place({ block: 7, updatedAt: Y2100 }), seq: Y2100 } }]);
    const clock = { now: T };
    const tab = await storeOn(factory, clock);
    const shown = await tab.getPosition('alpha');
    expect(shown?.block).toBe(7); // still the only place known: shown, not hidden
    expect(shown?.updatedAt).toBe(T); // but no comparison elsewhere can trust its date
    const status = lastStatus(tab);
    expect(status.kind).toBe('notice');
    expect('message' in status && status.message).toMatch(/2100-01-01/);
    expect(await move(tab, place({ block: 1, updatedAt: T + 5 }))).toBe(true);
    expect(lastStatus(tab).kind).toBe('ok'); // the newer place replaced it
    tab.close();
    const reloaded = await storeOn(factory, clock);
    expect((await reloaded.getPosition('alpha'))?.block).toBe(1);
    reloaded.close();
  });

  it('a move ordered before news of a newer place from another tab still loses to it (no stale overwrite)', async () => {
    const factory = freshIdb();
    const clock = { now: T };
    const a = await storeOn(factory, clock);
    const b = await storeOn(factory, clock);
    const stale = b.stampPosition(place({ block: 1, updatedAt: T })); // ordered at the move
    expect(await move(a, place({ block: 8, updatedAt: T + 10 }))).toBe(true);
    await b.getPosition('alpha'); // B learns of A's place...
    expect(await b.putPosition(stale)).toBe(false); // ...and its older move, written late, loses
    expect(await move(b, place({ block: 9, updatedAt: T + 5 }))).toBe(true); // a move made after it wins
    expect((await a.getPosition('alpha'))?.block).toBe(9);
    a.close();
    b.close();
  });
});

describe('imports are ordered too', () => {
  it('a file dated 2100: merged with a notice naming the dates; the next turns still save', async () => {
    const factory = freshIdb();
    const clock = { now: T };
    const tab = await storeOn(factory, clock);
    expect(await move(tab, place({ block: 2, updatedAt: T }))).toBe(true);
    const file = await tab.exportData();
    file.positions = [{ ...place({ block: 6, updatedAt: Y2100 }) }];
    file.settings = { value: { fontSize: 30 }, updatedAt: Y2100 };
    file.bookmarks = [{ id: 'm1', workId: 'alpha', locator: place(), snippet: 'a', createdAt: Y2100, updatedAt: Y2100 + DAY }];
    clock.now += 1000;
    const result = await tab.importData(JSON.parse(JSON.stringify(file)));
    if (!result.ok) throw new Error(result.message);
    expect(result.merged.positions).toBe(1);
    expect(result.notice).toMatch(/2100-01-01, 2100-01-02/);
    const status = lastStatus(tab);
    expect(status.kind === 'notice' && status.message).toMatch(/2100-01-01/);
    expect((await tab.getPosition('alpha'))?.block).toBe(6);

    for (let i = 0; i < 3; i++) {
      clock.now += 1000;
      expect(await move(tab, place({ block: 7 + i, updatedAt: clock.now }))).toBe(true);
    }
    expect(lastStatus(tab).kind).toBe('ok');
    await tab.putSettings({ fontSize: 12 });
    tab.close();
    const reloaded = await storeOn(factory, clock);
    expect((await reloaded.getPosition('alpha'))?.block).toBe(9);
    expect(await reloaded.getSettings((r) => r)).toEqual({ fontSize: 12 });
    // A later import of sane settings is not blocked by the 2100 one either.
    const later = await reloaded.exportData();
    later.settings = { value: { fontSize: 18 }, updatedAt: clock.now + 5 };
    expect((await reloaded.importData(later)).ok).toBe(true);
    expect(await reloaded.getSettings((r) => r)).toEqual({ fontSize: 18 });
    reloaded.close();
  });

  it('an imported place wins only when it is newer in the order', async () => {
    const factory = freshIdb();
    const clock = { now: T };
    const tab = await storeOn(factory, clock);
    await move(tab, place({ block: 2, updatedAt: T }));
    const file = await tab.exportData();
    file.positions = [{ ...place({ block: 5, updatedAt: T - 1000 }) }];
    expect(await tab.importData(file)).toMatchObject({ ok: true, merged: { positions: 0 } });
    file.positions = [{ ...place({ block: 5, updatedAt: T + 1000 }) }];
    expect(await tab.importData(file)).toMatchObject({ ok: true, merged: { positions: 1 } });
    expect((await tab.getPosition('alpha'))?.block).toBe(5);
    tab.close();
  });
});
