/** Reading places: read, order, write, and share with other tabs. See ./README.md "Positions and tabs". */
import type { Locator } from '../reader/locator';
import { openPositionChannel } from './broadcast';
import type { StoreCore } from './core';
import type { PositionRecord } from './db';
import { isSuspect, orderOf, placeWins } from './order';
import type { ReadingStore } from './types';
import { checkLocator, checkLocatorShape } from './validate';

/** The places part of the store. */
export interface Places {
  api: Pick<ReadingStore, 'getPosition' | 'putPosition' | 'onPositionChange' | 'stampPosition'>;
  /** After an import: tells this tab's listeners and other tabs of each place now newer than the one they knew. */
  announce(workIds: readonly string[]): Promise<void>;
  close(): void;
}

/** Makes the places part over `core`; `pageLeaving` says when writes must be sent and committed at once. */
export function createPlaces(core: StoreCore, options: { channelName: string; pageLeaving: () => boolean }): Places {
  /** The newest place known here per work, so news from other tabs is passed on only when newer. */
  const lastSeen = new Map<string, PositionRecord>();
  const listeners = new Set<(locator: Locator) => void>();
  /** The highest trusted order this tab knows: the next move of the reader is ordered after it. */
  let clock = -Infinity;
  /** The locator to hand out: a time ahead of the clock reads as now, so no comparison elsewhere trusts it. */
  function shown(place: PositionRecord): Locator {
    const { seq, ...locator } = place;
    const now = core.now();
    if (!isSuspect(seq, now) && !isSuspect(locator.updatedAt, now)) return locator;
    // Named in the status until a newer place for the work is written.
    core.suspect(`position:${place.workId}`, [Math.max(seq, locator.updatedAt)]);
    return isSuspect(locator.updatedAt, now) ? { ...locator, updatedAt: now } : locator;
  }

  /** Remembers a place known to be stored (or written by another tab). */
  function learn(place: PositionRecord): void {
    if (placeWins(lastSeen.get(place.workId), place.seq, core.now())) lastSeen.set(place.workId, place);
    if (!isSuspect(place.seq, core.now())) clock = Math.max(clock, place.seq);
  }

  const channel = openPositionChannel(options.channelName, (raw) => {
    const checked = checkLocator(raw, core.works);
    if (!checked.ok) return;
    const place = { ...checked.value, seq: orderOf(raw) };
    if (!placeWins(lastSeen.get(place.workId), place.seq, core.now())) return;
    learn(place);
    const locator = shown(place);
    for (const listener of listeners) listener(locator);
  });

  /** A stored place for `workId` checked against the catalogue, with its order; undefined when none is usable. */
  async function readPlace(workId: string): Promise<PositionRecord | undefined> {
    const raw = await core.read((b) => b.getPosition(workId), undefined, 'positions', workId);
    let place = raw === undefined ? undefined : core.checked(checkLocator(raw, core.works), 'positions', workId);
    if (place && place.workId !== workId) {
      core.report({ store: 'positions', key: workId, action: 'ignored', reason: `record is for "${place.workId}"` });
      place = undefined;
    }
    let found = place ? { ...place, seq: orderOf(raw) } : undefined;
    const held = core.pending.get(`position:${workId}`);
    if (held?.kind === 'position' && placeWins(found, held.value.seq, core.now())) {
      const checked = core.checked(checkLocator(held.value, core.works), 'positions', workId);
      if (checked) found = { ...checked, seq: held.value.seq };
    }
    return found;
  }

  const api: Places['api'] = {
    async getPosition(workId) {
      const found = await readPlace(workId);
      if (!found) return undefined;
      learn(found);
      return shown(found);
    },

    stampPosition(locator) {
      // After every place this tab knows (a clock put back can't make the move lose), except one
      // dated ahead of the clock: that one doesn't block anyway, and must not drag the order along.
      let seq = Math.max(locator.updatedAt, clock + 1);
      const known = lastSeen.get(locator.workId);
      if (known && known.seq >= seq && !isSuspect(known.seq, core.now())) seq = known.seq + 1;
      clock = seq;
      return { ...locator, seq };
    },

    async putPosition(locator) {
      const shape = checkLocatorShape(locator);
      if (!shape.ok) throw new TypeError(`Quire storage: not a valid place: ${shape.reason}`);
      const stamped = (locator as { seq?: unknown }).seq;
      const place: PositionRecord = { ...shape.value, seq: typeof stamped === 'number' && Number.isFinite(stamped) ? stamped : shape.value.updatedAt };
      const key = `position:${place.workId}`;
      const held = core.pending.get(key);
      if (held && !placeWins(held.value, place.seq, core.now())) return false;
      let accepted: boolean;
      try {
        accepted = await core.run((b) => {
          // A page going away can't wait for a read: compare with the newest place this tab
          // knows (its own and other tabs' news), then write and commit at once.
          const leaving = options.pageLeaving() && placeWins(lastSeen.get(place.workId), place.seq, core.now());
          const atOnce = leaving ? b.putPositionAtOnce?.(place) : undefined;
          return atOnce ? atOnce.then(() => true) : b.putPositionIfNewer(place, core.now());
        });
        core.settle(key, { kind: 'position', value: place });
      } catch (error) {
        if (core.isClosed()) throw error;
        // Kept in memory and retried; the newest place is still this one.
        core.hold(key, { kind: 'position', value: place }, error);
        accepted = true;
      }
      if (accepted) {
        learn(place);
        channel.post(place);
        // Reading on after an import with future dates: the notice has been seen, the place saves.
        core.unsuspect((key) => key === `position:${place.workId}` || key === 'import');
      }
      return accepted;
    },

    onPositionChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  return {
    api,
    async announce(workIds) {
      for (const workId of new Set(workIds)) {
        if (!core.works.has(workId)) continue; // kept for another build, not shown here
        const known = lastSeen.get(workId);
        const found = await readPlace(workId);
        if (!found || !placeWins(known, found.seq, core.now())) continue;
        learn(found);
        const locator = shown(found);
        for (const listener of listeners) listener(locator);
        channel.post(found);
      }
    },
    close: () => channel.close(),
  };
}
