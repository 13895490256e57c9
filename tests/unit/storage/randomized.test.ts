import { describe, expect, it } from 'vitest';
import type { Locator } from '../../../src/reader/locator';
import { openStore } from '../../../src/storage/store';
import type { ReadingStore } from '../../../src/storage/types';
import { channelName, freshIdb, seeded, works } from './helpers';

const CYCLES = 10_000;
const SEED = 0x5eed;

describe(`seeded randomized run (seed ${SEED}, ${CYCLES} cycles)`, () => {
  it('ends with every latest position intact', async () => {
    const random = seeded(SEED);
    const pick = <T>(list: readonly T[]): T => {
      const item = list[Math.floor(random() * list.length)];
      if (item === undefined) throw new Error('empty list');
      return item;
    };
    const factory = freshIdb();
    const name = channelName();
    const open = () => openStore({ works, indexedDB: factory, channelName: name, onProblem: () => {} });
    // Two "tabs" writing the same database.
    const tabs: ReadingStore[] = [await open(), await open()];
    const latest = new Map<string, Locator>();
    let clock = 1_000_000;
    let reopens = 0;
    let stale = 0;

    for (let cycle = 0; cycle < CYCLES; ) {
      // A burst of 1–4 writes issued together, from random tabs, sometimes with an older time.
      const burst = 1 + Math.floor(random() * 4);
      const writes: Promise<boolean>[] = [];
      for (let i = 0; i < burst && cycle < CYCLES; i++, cycle++) {
        const work = pick(works);
        const section = pick(work.sections);
        const older = random() < 0.2;
        clock += 1;
        const updatedAt = older ? clock - 1 - Math.floor(random() * 50) : clock;
        const locator: Locator = {
          workId: work.id,
          sectionId: section.id,
          block: Math.floor(random() * section.blockCount),
          offset: Math.floor(random() * 500),
          quote: { before: '', text: `c${cycle}`, after: '' },
          progression: random(),
          totalProgression: random(),
          updatedAt,
        };
        const known = latest.get(work.id);
        if (!known || updatedAt > known.updatedAt) latest.set(work.id, locator);
        else stale++;
        writes.push(pick(tabs).putPosition(locator));
      }
      await Promise.all(writes);
      // Now and then a tab closes and a new one opens (a reload).
      if (random() < 0.02) {
        const i = Math.floor(random() * tabs.length);
        tabs[i]?.close();
        const tab = await open();
        tabs[i] = tab;
        reopens++;
        // The reopened tab finds the newest place of every work.
        for (const [workId, locator] of latest) {
          const found = await tab.getPosition(workId);
          if (found?.updatedAt !== locator.updatedAt) expect.fail(`cycle ${cycle}: ${workId} at ${found?.updatedAt}, expected ${locator.updatedAt}`);
        }
      }
    }

    for (const tab of tabs) tab.close();
    const reader = await open();
    for (const work of works) {
      expect(await reader.getPosition(work.id)).toEqual(latest.get(work.id));
    }
    reader.close();
    expect(reopens).toBeGreaterThan(50);
    expect(stale).toBeGreaterThan(1000);
  });
});
